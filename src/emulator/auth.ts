/**
 * Authentication as Bedrock Runtime performs it: SigV4 (verified with `@smithy/signature-v4` against the
 * configured key pairs, session tokens included) or a bearer API key (bedrock-wire.md §3, §4).
 *
 * Failures carry the front end's status, `x-amzn-ErrorType` and message, so an SDK sees what it would see from AWS.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Sha256 } from '@smithy/core/checksum';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';
import { CORAL_ERROR_NAMESPACE, EmulatorError } from './errors.js';

/** An AWS key pair the emulator accepts. */
export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Who sent a request, and for which region (SigV4: the credential scope's; bearer: the emulator's). */
export interface AuthResult {
  scheme: 'sigv4' | 'bearer';
  region: string;
  /** The access key ID of a SigV4 request (not a secret); absent for bearer requests. */
  accessKeyId?: string;
}

/** What the verifier needs from a request. Header names are lower-case; on HTTP/2 they include `:authority`. */
export interface AuthInput {
  method: string;
  /** The request target exactly as received (still percent-encoded), query included. */
  rawPath: string;
  headers: Readonly<Record<string, string | undefined>>;
  body: Uint8Array;
}

/** How far the signing time may be from the server's clock (AWS: 5 minutes). */
export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Bearer API keys must start with one of these (short-term `bedrock-api-key-`, long-term `ABSK`). */
export const API_KEY_PREFIXES = ['bedrock-api-key-', 'ABSK'] as const;

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;

const SIGNATURE_MISMATCH_MESSAGE =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN_MESSAGE = 'The security token included in the request is invalid.';

function invalidSignature(message: string): EmulatorError {
  return new EmulatorError('InvalidSignatureException', 403, message, { namespace: CORAL_ERROR_NAMESPACE });
}

function unrecognizedClient(): EmulatorError {
  return new EmulatorError('UnrecognizedClientException', 403, INVALID_TOKEN_MESSAGE, {
    namespace: CORAL_ERROR_NAMESPACE,
  });
}

/** Formats a date as SigV4's basic ISO-8601 form, `20240102T030405Z`. */
export function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Parses `20240102T030405Z`; `undefined` when malformed. */
export function parseAmzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The AWS message for a signing time outside the ±5 minute window, or `undefined` when it is inside.
 * Exported for unit tests.
 */
export function clockSkewMessage(signedAt: Date, now: Date): string | undefined {
  const skew = signedAt.getTime() - now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    const earliest = new Date(now.getTime() - MAX_CLOCK_SKEW_MS);
    return `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - 5 min.)`;
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    const latest = new Date(now.getTime() + MAX_CLOCK_SKEW_MS);
    return `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + 5 min.)`;
  }
  return undefined;
}

function equalStrings(left: string, right: string): boolean {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Verifies requests against a fixed set of key pairs and API keys. Signers are cached per key and region. */
export class Authenticator {
  readonly #credentials: Map<string, EmulatorCredentials>;
  readonly #apiKeys: Set<string>;
  readonly #bearerRegion: string;
  readonly #now: () => number;
  readonly #signers = new Map<string, SignatureV4>();

  constructor(options: {
    credentials: readonly EmulatorCredentials[];
    apiKeys: readonly string[];
    region: string;
    now?: () => number;
  }) {
    this.#credentials = new Map(options.credentials.map((pair) => [pair.accessKeyId, pair]));
    this.#apiKeys = new Set(options.apiKeys);
    this.#bearerRegion = options.region;
    this.#now = options.now ?? Date.now;
  }

  /**
   * Resolves who sent the request, or throws the {@link EmulatorError} Bedrock would answer with. `service` is the
   * SigV4 signing name the request must be scoped to: `bedrock` (Runtime and control plane) or `s3` (signed without
   * re-escaping the path, as S3 requires; bearer keys are Bedrock's only).
   */
  async authenticate(input: AuthInput, expectedService: 'bedrock' | 's3' = 'bedrock'): Promise<AuthResult> {
    const authorization = input.headers['authorization'];
    if (authorization === undefined || authorization.trim() === '') {
      throw new EmulatorError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token', {
        namespace: CORAL_ERROR_NAMESPACE,
      });
    }
    if (/^Bearer\s/i.test(authorization) && expectedService === 'bedrock') return this.#authenticateBearer(authorization.replace(/^Bearer\s+/i, '').trim());
    if (authorization.startsWith('AWS4-HMAC-SHA256')) return this.#authenticateSigV4(input, authorization, expectedService);
    throw new EmulatorError(
      'IncompleteSignatureException',
      400,
      `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization.split(/\s/)[0] ?? ''}`,
      { namespace: CORAL_ERROR_NAMESPACE },
    );
  }

  #authenticateBearer(token: string): AuthResult {
    if (!API_KEY_PREFIXES.some((prefix) => token.startsWith(prefix))) {
      const message = 'Invalid API Key format: Must start with pre-defined prefix';
      throw new EmulatorError('AccessDeniedException', 403, message, { namespace: CORAL_ERROR_NAMESPACE, body: { Message: message } });
    }
    if (!this.#apiKeys.has(token)) {
      const message = 'Authentication failed: Please make sure your API Key is valid.';
      throw new EmulatorError('AccessDeniedException', 403, message, { namespace: CORAL_ERROR_NAMESPACE, body: { Message: message } });
    }
    return { scheme: 'bearer', region: this.#bearerRegion };
  }

  async #authenticateSigV4(input: AuthInput, authorization: string, expectedService: 'bedrock' | 's3'): Promise<AuthResult> {
    const match = AUTHORIZATION_PATTERN.exec(authorization);
    if (!match) {
      throw new EmulatorError(
        'IncompleteSignatureException',
        400,
        'Authorization header is malformed: expected Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=…, Signature=…',
        { namespace: CORAL_ERROR_NAMESPACE },
      );
    }
    const [, accessKeyId = '', scopeDate = '', region = '', service = '', signedHeaderList = '', signature = ''] =
      match;
    const pair = this.#credentials.get(accessKeyId);
    if (pair === undefined) throw unrecognizedClient();
    const requestToken = input.headers['x-amz-security-token'];
    if (!equalStrings(pair.sessionToken ?? '', requestToken ?? '')) throw unrecognizedClient();
    if (service !== expectedService) {
      throw invalidSignature(`Credential should be scoped to correct service: '${expectedService}'. `);
    }
    const amzDate = input.headers['x-amz-date'] ?? '';
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === undefined) {
      throw new EmulatorError(
        'IncompleteSignatureException',
        400,
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
        { namespace: CORAL_ERROR_NAMESPACE },
      );
    }
    const skew = clockSkewMessage(signedAt, new Date(this.#now()));
    if (skew !== undefined) throw invalidSignature(skew);
    if (!amzDate.startsWith(scopeDate)) {
      throw invalidSignature(
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      );
    }
    const contentHash = input.headers['x-amz-content-sha256'];
    // Streaming (aws-chunked) S3 bodies sign each chunk; the seed signature over the headers is still checked below.
    if (contentHash !== undefined && contentHash !== 'UNSIGNED-PAYLOAD' && !contentHash.startsWith('STREAMING-')) {
      const actual = createHash('sha256').update(input.body).digest('hex');
      if (actual !== contentHash) throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    }

    const questionMark = input.rawPath.indexOf('?');
    const path = questionMark === -1 ? input.rawPath : input.rawPath.slice(0, questionMark);
    const query: Record<string, string | string[]> = {};
    if (questionMark !== -1) {
      for (const pair of input.rawPath.slice(questionMark + 1).split('&')) {
        if (pair === '') continue;
        const equals = pair.indexOf('=');
        const key = decodeURIComponent(equals === -1 ? pair : pair.slice(0, equals));
        const value = equals === -1 ? '' : decodeURIComponent(pair.slice(equals + 1).replace(/\+/g, '%20'));
        const previous = query[key];
        query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
      }
    }
    const signedHeaders: Record<string, string> = {};
    for (const name of signedHeaderList.split(';')) {
      const value = input.headers[name];
      if (value === undefined) throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
      signedHeaders[name] = value;
    }
    const credentials = requestToken === undefined ? { accessKeyId, secretAccessKey: pair.secretAccessKey } : { accessKeyId, secretAccessKey: pair.secretAccessKey, sessionToken: requestToken };
    const signed = await this.#signer(accessKeyId, region, credentials, expectedService).sign(
      new HttpRequest({ method: input.method, protocol: 'http:', hostname: 'localhost', path, query, headers: signedHeaders, body: input.body }),
      { signingDate: signedAt },
    );
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
    if (!equalStrings(expected, signature)) throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    return { scheme: 'sigv4', region, accessKeyId };
  }

  #signer(
    accessKeyId: string,
    region: string,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
    service: 'bedrock' | 's3',
  ): SignatureV4 {
    const key = `${service}\u0000${accessKeyId}\u0000${region}\u0000${credentials.sessionToken ?? ''}`;
    let signer = this.#signers.get(key);
    if (signer === undefined) {
      signer = new SignatureV4({ service, region, credentials, sha256: Sha256, uriEscapePath: service !== 's3' });
      this.#signers.set(key, signer);
    }
    return signer;
  }
}
