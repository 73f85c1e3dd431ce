/**
 * A local Amazon Bedrock Runtime emulator: a real HTTP server on 127.0.0.1 speaking Bedrock's wire protocol
 * (HTTP/1.1 keep-alive and cleartext HTTP/2 on one port, SigV4 and bearer API keys, Bedrock's error shapes),
 * with deterministic model behaviour, fault injection and a request log. See `src/emulator/README.md`.
 *
 * ```ts
 * import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
 * import { startEmulator } from 'bedrock-openai/emulator';
 *
 * const emulator = await startEmulator();
 * const client = new BedrockRuntimeClient({ region: emulator.region, endpoint: emulator.url, credentials: emulator.credentials });
 * const reply = await client.send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'Hi' }] }] }));
 * client.destroy();
 * await emulator.close();
 * ```
 */
import { Authenticator, type EmulatorCredentials } from './auth.js';
import { DEFAULT_GUARDRAIL_TRIGGER } from './converse.js';
import { FaultRegistry, type ActiveFault, type FaultSpec, type OperationName } from './faults.js';
import { ModelRegistry, type EmulatorModel } from './models.js';
import { PromptCache } from './prompt-cache.js';
import { QuotaRegistry, type ActiveQuota, type QuotaSpec, type QuotaUsage } from './quotas.js';
import type { EmulatorPrompt } from './prompts.js';
import { REDACTED_THINKING_TRIGGER } from './reasoning.js';
import { RequestLog, type OperationCounts, type RecordedRequest } from './requests.js';
import { createRequestHandler } from './router.js';
import { startTransport } from './server.js';
import { BatchJobs, type BatchFaultSpec, type BatchPacing, type JobStatus } from './batch-jobs.js';
import { S3Store } from './s3.js';

export type { EmulatorCredentials } from './auth.js';
export type { ActiveFault, Delay, FaultSpec, OperationName } from './faults.js';
export type { EmulatorModel, OnDemandSupport, ProfilePrefix, ReasoningStyle, ToolChoiceKind } from './models.js';
export { DEFAULT_APPLICATION_PROFILE_MODEL, MODELS } from './models.js';
export type { OperationCounts, RecordedRequest } from './requests.js';
export type { ActiveQuota, QuotaSpec, QuotaUsage } from './quotas.js';
export { TOO_MANY_REQUESTS, TOO_MANY_TOKENS } from './quotas.js';
export { DEFAULT_GUARDRAIL_TRIGGER, GUARDRAIL_BLOCKED_MESSAGE } from './converse.js';
export { DEFAULT_CACHE_MINIMUM_TOKENS } from './prompt-cache.js';
export type { EmulatorPrompt } from './prompts.js';
export { REDACTED_THINKING_TRIGGER } from './reasoning.js';
export { countTokens } from './tokens.js';
export { cosineSimilarity, embedText } from './embeddings.js';
export type { BatchFaultSpec, BatchPacing, JobStatus } from './batch-jobs.js';
export { DEFAULT_MIN_RECORDS } from './batch-jobs.js';

/** The bucket every emulator has unless `buckets` says otherwise. */
export const DEFAULT_BUCKET = 'bedrock-openai-emulator';

/** Default key pair: obviously fake, but well-formed (20-character key ID, 40-character secret). */
export const DEFAULT_CREDENTIALS: Readonly<EmulatorCredentials> = Object.freeze({
  accessKeyId: 'AKIAEMULATOREXAMPLE01',
  secretAccessKey: 'emulatorSecretKeyEXAMPLEnotARealSecret00',
});

/** Default bearer API key, in the short-term key format (`bedrock-api-key-` + base64). */
export const DEFAULT_API_KEY = `bedrock-api-key-${Buffer.from('bedrock-openai-emulator/EXAMPLE-not-a-real-key').toString('base64')}`;

export interface EmulatorOptions {
  /** Port to listen on; omitted or 0 picks a free one. */
  port?: number;
  /** Interface to bind. Only loopback is supported. */
  host?: '127.0.0.1';
  /** Region served to bearer-key requests (SigV4 requests use their credential scope's region). Default `us-east-1`. */
  region?: string;
  /** Accepted SigV4 key pairs (a pair with `sessionToken` requires that token). Default: {@link DEFAULT_CREDENTIALS}. */
  credentials?: EmulatorCredentials[];
  /** Accepted bearer API keys (must start with `bedrock-api-key-` or `ABSK`). Default: {@link DEFAULT_API_KEY}. */
  apiKeys?: string[];
  /**
   * Base model served for each application-inference-profile ARN (also consulted for provisioned, custom and
   * imported model ARNs). ARNs not listed are served as {@link EmulatorOptions.defaultApplicationProfileModel}.
   */
  applicationProfiles?: Record<string, string>;
  /** Base model for account-scoped ARNs not in `applicationProfiles`. Default `anthropic.claude-haiku-4-5-20251001-v1:0`. */
  defaultApplicationProfileModel?: string;
  /** Models added to (or replacing entries of) the built-in table. */
  extraModels?: EmulatorModel[];
  /** User text containing this (case-insensitive) makes a configured guardrail intervene. Default `blocked-topic`. */
  guardrailTrigger?: string;
  /**
   * With thinking on, Claude 3.7 Sonnet returns its reasoning redacted (one `reasoningContent.redactedContent`
   * block instead of the signed text block) when the last user message's text contains this (case-sensitive).
   * Converse and ConverseStream only. Default: Anthropic's documented test string {@link REDACTED_THINKING_TRIGGER};
   * `''` turns redaction off.
   */
  redactedThinkingTrigger?: string;
  /**
   * Prompt-management prompts, by prompt ARN (`arn:aws:bedrock:<region>:<account>:prompt/<id>`, optionally
   * `:<version>`; an unversioned key also serves every version). Converse with the ARN as `modelId` fills the
   * template's `{{name}}` placeholders from `promptVariables` and answers with `model` (resolved in the caller's
   * region). Unknown prompt ARNs are "The provided model identifier is invalid.".
   */
  prompts?: Record<string, EmulatorPrompt>;
  /** Smallest prefix (in tokens) a cache point caches. Default 1024 (Claude's minimum). */
  cacheMinimumTokens?: number;
  /** How many requests `requests` keeps (oldest dropped first). Default 1000; counts are unaffected. */
  maxLoggedRequests?: number;
  /** Clock for SigV4 freshness checks and cache TTLs (milliseconds since the epoch). Default `Date.now`. */
  now?: () => number;
  /** S3 buckets that exist from the start. Default: [{@link DEFAULT_BUCKET}]. */
  buckets?: string[];
  /** Pacing of batch inference jobs (see {@link BatchPacing}). */
  batch?: BatchPacing;
  /** On-demand quotas and latency per model (see {@link EmulatorQuotas}). Default: none (no throttling, no latency). */
  quotas?: QuotaSpec[];
}

/** Batch inference jobs: pacing and faults (also at `/__emulator/batch/pacing` and `/__emulator/batch/faults`). */
export interface EmulatorBatch {
  setPacing(pacing: BatchPacing): void;
  /** Adds a fault for the next `count` jobs (a record that errors, a job that fails or expires); returns its ID. */
  addFault(spec: BatchFaultSpec): string;
  clearFaults(): void;
  /** Resolves once every job has ended. */
  settled(): Promise<void>;
}

/**
 * Bedrock's on-demand quotas per model and Region (requests and tokens per minute, burst allowance, time scale) and
 * the latency model (time to first token, per output token). See `src/emulator/quotas.ts`.
 */
export interface EmulatorQuotas {
  /** Sets a model's quota (replacing one for the same model and Region, with full buckets); returns its ID. */
  set(spec: QuotaSpec): string;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveQuota[];
  /** Admitted and throttled requests and tokens used, per quota and Region. */
  usage(): QuotaUsage[];
}

/** Programmatic fault injection. */
export interface EmulatorFaults {
  /** Adds a fault; returns its ID. */
  add(spec: FaultSpec): string;
  /** Fails the next `count` matching requests with `exceptionName` (status per Bedrock's model). */
  failNext(
    count: number,
    exceptionName: string,
    options?: { message?: string; status?: number; operation?: OperationName | OperationName[]; model?: string },
  ): string;
  remove(id: string): boolean;
  clear(): void;
  list(): ActiveFault[];
}

export interface EmulatorHandle {
  /** Base URL to pass as the SDK's `endpoint`, e.g. `http://127.0.0.1:4599`. */
  url: string;
  port: number;
  /** The region bearer requests are served as. */
  region: string;
  /** The first configured key pair. */
  credentials: EmulatorCredentials;
  /** A valid bearer API key. */
  apiKey: string;
  /** Fault injection (also reachable over HTTP at `/__emulator/faults`). */
  faults: EmulatorFaults;
  /** Quotas and latency (also reachable over HTTP at `/__emulator/quotas`). */
  quotas: EmulatorQuotas;
  /** Requests received, oldest first (bounded by `maxLoggedRequests`); no secrets. */
  readonly requests: readonly RecordedRequest[];
  /** Requests per operation since start (or the last `clearRequests`); `other` counts unknown paths. */
  readonly counts: Readonly<OperationCounts>;
  /** Batch inference jobs. */
  batch: EmulatorBatch;
  /** Creates an S3 bucket (path-style S3 is served on the same port, SigV4 scoped to `s3`). */
  createBucket(name: string): void;
  /** Empties the request log and the counts. */
  clearRequests(): void;
  /** Clears faults, quotas, the request log, counts and the prompt cache. */
  reset(): void;
  /** Stops listening and ends every connection, keep-alive ones included. */
  close(): Promise<void>;
}

/** Starts an emulator. Resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new TypeError('startEmulator: `host` must be "127.0.0.1" (the emulator only binds loopback).');
  const region = options.region ?? 'us-east-1';
  const credentials = options.credentials ?? [DEFAULT_CREDENTIALS];
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY];
  const first = credentials[0];
  if (first === undefined) throw new TypeError('startEmulator: `credentials` must hold at least one key pair.');
  const firstKey = apiKeys[0];
  if (firstKey === undefined) throw new TypeError('startEmulator: `apiKeys` must hold at least one key.');
  const now = options.now ?? Date.now;
  const models = new ModelRegistry({
    ...(options.extraModels === undefined ? {} : { extraModels: options.extraModels }),
    ...(options.applicationProfiles === undefined ? {} : { applicationProfiles: options.applicationProfiles }),
    ...(options.defaultApplicationProfileModel === undefined ? {} : { defaultApplicationProfileModel: options.defaultApplicationProfileModel }),
    ...(options.prompts === undefined ? {} : { prompts: options.prompts }),
  });
  const faults = new FaultRegistry();
  const quotas = new QuotaRegistry();
  for (const spec of options.quotas ?? []) quotas.set(spec);
  const log = new RequestLog(options.maxLoggedRequests ?? 1000);
  const promptCache = new PromptCache({ ...(options.cacheMinimumTokens === undefined ? {} : { minimumTokens: options.cacheMinimumTokens }), now });
  const authenticator = new Authenticator({ credentials, apiKeys, region, now });
  const s3 = new S3Store(options.buckets ?? [DEFAULT_BUCKET]);
  const operations = {
    models,
    promptCache,
    guardrailTrigger: options.guardrailTrigger ?? DEFAULT_GUARDRAIL_TRIGGER,
    redactedThinkingTrigger: options.redactedThinkingTrigger ?? REDACTED_THINKING_TRIGGER,
  };
  const batch = new BatchJobs({ models, operations, s3 }, options.batch);
  const transport = await startTransport(
    host,
    options.port ?? 0,
    createRequestHandler({ authenticator, faults, quotas, log, s3, batch, ...operations }),
  );
  return {
    url: `http://${host}:${transport.port}`,
    port: transport.port,
    region,
    credentials: { ...first },
    apiKey: firstKey,
    faults: {
      add: (spec) => faults.add(spec),
      failNext: (count, exceptionName, failOptions = {}) => {
        const { message, status, operation, model } = failOptions;
        return faults.add({
          count,
          error: { name: exceptionName, ...(message === undefined ? {} : { message }), ...(status === undefined ? {} : { status }) },
          ...(operation === undefined ? {} : { operation }),
          ...(model === undefined ? {} : { model }),
        });
      },
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      list: () => faults.list(),
    },
    quotas: {
      set: (spec) => quotas.set(spec),
      remove: (id) => quotas.remove(id),
      clear: () => quotas.clear(),
      list: () => quotas.list(),
      usage: () => quotas.usage(),
    },
    get requests() {
      return log.entries;
    },
    get counts() {
      return log.counts;
    },
    batch: {
      setPacing: (pacing) => batch.setPacing(pacing),
      addFault: (spec) => batch.addFault(spec),
      clearFaults: () => batch.clearFaults(),
      settled: () => batch.settled(),
    },
    createBucket: (name) => s3.createBucket(name),
    clearRequests: () => log.clear(),
    reset: () => {
      faults.clear();
      quotas.clear();
      log.clear();
      promptCache.clear();
      batch.clearFaults();
    },
    close: async () => {
      await transport.close();
      await batch.settled();
      s3.close();
    },
  };
}
