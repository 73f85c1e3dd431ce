/**
 * The request log: what each request asked for, without secrets (never the Authorization header, signature,
 * secret key or session token; bodies are recorded as parsed JSON). Counts per operation are kept separately and
 * cost one increment per request.
 */
import type { OperationName } from './faults.js';

export interface RecordedRequest {
  /** The `x-amzn-requestid` the emulator answered with. */
  requestId: string;
  /** ISO-8601 time the request arrived. */
  receivedAt: string;
  method: string;
  /** The raw request path (still percent-encoded), query included. */
  path: string;
  httpVersion: string;
  /** The Bedrock operation, when the path names one. */
  operation?: OperationName;
  /** The model identifier as sent, decoded. */
  modelId?: string;
  /** The base model the identifier resolved to. */
  resolvedModelId?: string;
  /** `sigv4` or `bearer` by the Authorization header's form, `none` without one. */
  authScheme: 'sigv4' | 'bearer' | 'none' | 'unknown';
  /** The region the request was served for (credential scope, or the emulator's region for bearer). */
  region?: string;
  /** The parsed JSON body (InvokeModel: the model-native body), or the raw text when it is not JSON. */
  body?: unknown;
  /** HTTP status of the response (set once it is sent). */
  status?: number;
  /** The error code, for error responses. */
  errorType?: string;
  /** IDs of the injected faults that applied. */
  faults: string[];
  /**
   * Event streams only: `true` once the client closed the connection before the stream's last frame (the emulator
   * then stops writing), `false` when the stream was written to its end.
   */
  clientClosed?: boolean;
}

export type OperationCounts = Record<OperationName | 'other', number>;

function emptyCounts(): OperationCounts {
  return { Converse: 0, ConverseStream: 0, InvokeModel: 0, InvokeModelWithResponseStream: 0, CountTokens: 0, other: 0 };
}

/** The request log of an emulator instance (bounded: the oldest entries are dropped past `limit`). */
export class RequestLog {
  readonly #entries: RecordedRequest[] = [];
  readonly #limit: number;
  #counts: OperationCounts = emptyCounts();
  #total = 0;

  constructor(limit = 1000) {
    this.#limit = limit;
  }

  add(entry: RecordedRequest): void {
    this.#total += 1;
    if (this.#limit <= 0) return;
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.shift();
  }

  count(operation: OperationName | undefined): void {
    this.#counts[operation ?? 'other'] += 1;
  }

  get entries(): readonly RecordedRequest[] {
    return this.#entries;
  }

  get counts(): Readonly<OperationCounts> {
    return this.#counts;
  }

  get total(): number {
    return this.#total;
  }

  clear(): void {
    this.#entries.length = 0;
    this.#counts = emptyCounts();
    this.#total = 0;
  }
}
