/**
 * Fault injection: fail requests with a given exception, add latency before headers or between stream frames,
 * pause before the first frame, or break a stream after K frames (exception frame or connection reset).
 *
 * Each request is matched against the active faults in the order they were added; every matching fault applies
 * (so latency and an error can combine) and uses up one of its `count`.
 */
import { randomUUID } from 'node:crypto';
import { isModeledExceptionName, MODELED_EXCEPTION_STATUS } from './errors.js';

/** Bedrock Runtime operation names. */
export type OperationName = 'Converse' | 'ConverseStream' | 'InvokeModel' | 'InvokeModelWithResponseStream' | 'CountTokens';

export const STREAMING_OPERATIONS: readonly OperationName[] = ['ConverseStream', 'InvokeModelWithResponseStream'];

/** A fixed delay in milliseconds, or a random one in `[min, max]`. */
export type Delay = number | { min: number; max: number };

export interface FaultSpec {
  /** Only requests to these operations (default: all). */
  operation?: OperationName | OperationName[];
  /** Only requests for this model: matches the ID as sent, or the resolved base model ID. */
  model?: string;
  /** How many matching requests the fault applies to (default 1; `Infinity` for every one). */
  count?: number;
  /** Answer with this exception before any header: `{ name: 'ThrottlingException' }` (status from Bedrock's model). */
  error?: { name: string; message?: string; status?: number };
  /** Delay before the response headers. */
  latencyMs?: Delay;
  /** Delay before each stream frame (streaming operations only). */
  frameDelayMs?: Delay;
  /** Delay before the first stream frame, after the headers (streaming operations only). */
  pauseBeforeFirstFrameMs?: number;
  /** Break the stream after this many frames (streaming operations only)… */
  breakAfterFrames?: number;
  /** …with an exception frame (default `{ name: 'ModelStreamErrorException' }`) or a connection reset. */
  breakWith?: 'reset' | { name: string; message?: string };
}

export interface ActiveFault extends FaultSpec {
  id: string;
  /** How many more requests it applies to. */
  remaining: number;
}

/** The combined effect of the faults that apply to one request. */
export interface FaultEffect {
  faultIds: string[];
  error?: { name: string; message?: string; status: number };
  latencyMs: number;
  frameDelay?: Delay;
  pauseBeforeFirstFrameMs: number;
  breakAfterFrames?: number;
  breakWith?: 'reset' | { name: string; message?: string };
}

/** Picks a delay (random within a range). */
export function pickDelay(delay: Delay | undefined, random: () => number = Math.random): number {
  if (delay === undefined) return 0;
  if (typeof delay === 'number') return Math.max(0, delay);
  const low = Math.max(0, Math.min(delay.min, delay.max));
  const high = Math.max(delay.min, delay.max);
  return low + Math.floor(random() * (high - low + 1));
}

const STREAM_ONLY_KEYS = ['frameDelayMs', 'pauseBeforeFirstFrameMs', 'breakAfterFrames'] as const;

function validateDelay(delay: unknown, field: string): void {
  if (delay === undefined) return;
  if (typeof delay === 'number' && delay >= 0) return;
  if (typeof delay === 'object' && delay !== null && typeof (delay as { min?: unknown }).min === 'number' && typeof (delay as { max?: unknown }).max === 'number') return;
  throw new TypeError(`fault.${field} must be a non-negative number or { min, max }`);
}

/** Checks a fault spec, throwing a `TypeError` that names the bad field. */
export function validateFaultSpec(spec: FaultSpec): void {
  if (typeof spec !== 'object' || spec === null) throw new TypeError('fault must be an object');
  if (spec.count !== undefined && !(spec.count === Infinity || (Number.isInteger(spec.count) && spec.count >= 1))) {
    throw new TypeError('fault.count must be a positive integer or Infinity');
  }
  if (spec.error !== undefined && (typeof spec.error !== 'object' || typeof spec.error.name !== 'string' || spec.error.name === '')) {
    throw new TypeError('fault.error.name must be an exception name such as "ThrottlingException"');
  }
  validateDelay(spec.latencyMs, 'latencyMs');
  validateDelay(spec.frameDelayMs, 'frameDelayMs');
  if (spec.pauseBeforeFirstFrameMs !== undefined && !(spec.pauseBeforeFirstFrameMs >= 0)) throw new TypeError('fault.pauseBeforeFirstFrameMs must be >= 0');
  if (spec.breakAfterFrames !== undefined && !(Number.isInteger(spec.breakAfterFrames) && spec.breakAfterFrames >= 0)) {
    throw new TypeError('fault.breakAfterFrames must be an integer >= 0');
  }
  if (spec.error === undefined && spec.latencyMs === undefined && STREAM_ONLY_KEYS.every((key) => spec[key] === undefined)) {
    throw new TypeError('fault must set at least one of error, latencyMs, frameDelayMs, pauseBeforeFirstFrameMs, breakAfterFrames');
  }
}

/** The active faults of an emulator instance. */
export class FaultRegistry {
  readonly #faults: ActiveFault[] = [];

  add(spec: FaultSpec): string {
    validateFaultSpec(spec);
    const id = randomUUID();
    this.#faults.push({ ...spec, id, remaining: spec.count ?? 1 });
    return id;
  }

  remove(id: string): boolean {
    const index = this.#faults.findIndex((fault) => fault.id === id);
    if (index === -1) return false;
    this.#faults.splice(index, 1);
    return true;
  }

  clear(): void {
    this.#faults.length = 0;
  }

  list(): ActiveFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Takes the faults that apply to a request (using up their counts) and combines them. */
  take(operation: OperationName, modelIds: readonly string[]): FaultEffect | undefined {
    if (this.#faults.length === 0) return undefined;
    const streaming = STREAMING_OPERATIONS.includes(operation);
    const effect: FaultEffect = { faultIds: [], latencyMs: 0, pauseBeforeFirstFrameMs: 0 };
    for (const fault of [...this.#faults]) {
      const operations = fault.operation === undefined ? undefined : Array.isArray(fault.operation) ? fault.operation : [fault.operation];
      if (operations !== undefined && !operations.includes(operation)) continue;
      if (fault.model !== undefined && !modelIds.includes(fault.model)) continue;
      const streamOnly = fault.error === undefined && fault.latencyMs === undefined;
      if (streamOnly && !streaming) continue;
      effect.faultIds.push(fault.id);
      if (fault.error !== undefined && effect.error === undefined) {
        const status = fault.error.status ?? (isModeledExceptionName(fault.error.name) ? MODELED_EXCEPTION_STATUS[fault.error.name] : 400);
        effect.error = fault.error.message === undefined ? { name: fault.error.name, status } : { name: fault.error.name, message: fault.error.message, status };
      }
      effect.latencyMs += pickDelay(fault.latencyMs);
      if (streaming) {
        if (fault.frameDelayMs !== undefined) effect.frameDelay = fault.frameDelayMs;
        effect.pauseBeforeFirstFrameMs += fault.pauseBeforeFirstFrameMs ?? 0;
        if (fault.breakAfterFrames !== undefined) {
          effect.breakAfterFrames = fault.breakAfterFrames;
          effect.breakWith = fault.breakWith ?? { name: 'ModelStreamErrorException' };
        }
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.remove(fault.id);
    }
    return effect.faultIds.length === 0 ? undefined : effect;
  }
}
