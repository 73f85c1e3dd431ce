/**
 * What `bench/run.ts` sends to a measurement process (as one JSON argument) and what the process prints back (one
 * JSON line on stdout). Types only: the worker imports them with `import type`, so its compiled form stays free
 * of imports that would cost load time.
 */

/**
 * - `ours`: `bedrock-openai`'s `Client` (its own keep-alive HTTP/1.1 handler, `maxSockets: 64`).
 * - `raw`: `BedrockRuntimeClient` with the same keep-alive HTTP/1.1 `NodeHttpHandler` configuration.
 * - `raw-default`: `BedrockRuntimeClient` on the SDK's default transport (for reference).
 * - `ours-responses`: our `Client`'s Responses API (`client.responses.create`), for the chat and stream workloads
 *   only; compared with `ours` (chat completions), not with the raw SDK.
 * - `openai-fetch`: the official `openai` package through our in-process `createBedrockFetch()` (the handler and our
 *   `Client` run in the measured process); compared with `ours`.
 * - `openai-server`: the official `openai` package (its default `fetch`) against `startServer()` on loopback, the
 *   server in its own process (`bench/server-process.ts`, on the emulator's core): client CPU is the `openai`
 *   package's alone, the server's CPU and RSS are read from its process; compared with `ours` and `openai-fetch`.
 * - `openai-replay`: the `openai` package against a `fetch` that replays the bytes our handler answered (recorded
 *   once through `createBedrockFetch()` before the warm-up, same chunks): the `openai` package's own cost, with no
 *   handler and no Bedrock call behind it. Chat and stream only; not checked for equivalence (it sends nothing).
 * - `fetch-direct`: our `createBedrockFetch()` called as the `openai` package calls it (a JSON string body, a signal),
 *   its reply read with `response.json()` or, streamed, with `eventsource-parser`'s `createParser`: what our door
 *   costs without the `openai` package. Chat and stream only; compared with `ours`.
 */
export type Implementation = 'ours' | 'raw' | 'raw-default' | 'ours-responses' | 'openai-fetch' | 'openai-server' | 'openai-replay' | 'fetch-direct';

/** The implementations of every client scenario (compared with one another, and checked for equivalence). */
export const IMPLEMENTATIONS: readonly Exclude<Implementation, 'ours-responses'>[] = ['ours', 'raw', 'raw-default'];

/** The scenarios `ours-responses` runs. */
export const RESPONSES_SCENARIOS: readonly Scenario[] = ['chat', 'stream'];

/** The `openai` package through our two doors. */
export const OPENAI_IMPLEMENTATIONS: readonly Extract<Implementation, 'openai-fetch' | 'openai-server'>[] = ['openai-fetch', 'openai-server'];

/** The scenarios the `openai` implementations run (`streams1000` is `openai-server`'s alone; `openai-replay` runs chat and stream). */
export const OPENAI_SCENARIOS: readonly Scenario[] = ['chat', 'stream', 'streams1000'];

/**
 * `emulator-load` measures the emulator, not a client: it replays one SigV4-signed Converse request over
 * keep-alive HTTP/1.1 with many requests in flight (its `implementation` is ignored).
 */
export type Scenario = 'chat' | 'stream' | 'embed-titan' | 'embed-cohere' | 'streams100' | 'streams1000' | 'cold' | 'equivalence' | 'emulator-load';

/** The emulator a worker talks to, and the model IDs the raw client sends (what `Client` resolves the aliases to). */
export interface Target {
  /** What `ours` imports: `bedrock-openai` (the built package, `dist/`), or a file URL of another build's index.js. */
  oursModule: string;
  url: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Alias given to `Client`, and the ID the raw client sends, per workload. */
  chatModel: { alias: string; modelId: string };
  titanModel: { alias: string; modelId: string; dimensions: number };
  cohereModel: { alias: string; modelId: string; batchSize: number };
}

export interface WorkerTask {
  scenario: Scenario;
  implementation: Implementation;
  target: Target;
  /** Calls (or streams, or rounds) run before measuring; for `emulator-load`, milliseconds of warm-up. */
  warmup: number;
  /** Calls (or streams, or rounds) measured; for `emulator-load`, milliseconds measured. */
  iterations: number;
  /** Where to write a V8 CPU profile of the measured loop (none when absent). */
  profilePath?: string;
  /** `openai-server`: how to start `bench/server-process.ts` (the pinned `node` command line `run.ts` builds). */
  serverCommand?: { file: string; args: string[] };
}

/** One line a worker prints: the figures of one measurement. Every figure is a number; names carry the unit. */
export interface WorkerResult {
  scenario: Scenario;
  implementation: Implementation;
  figures: Record<string, number>;
  /** Extra facts (the SDK version, counts checked, …). */
  notes?: Record<string, string | number | boolean>;
}

/** The JSON line `bench/emulator-process.ts` prints once it listens. */
export interface EmulatorReady {
  url: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  apiKey: string;
  /** `import('bedrock-openai/emulator')`, in ms. */
  importMs: number;
  /** `startEmulator({ port: 0 })` until it listens, in ms. */
  startMs: number;
  /** `performance.now()` when ready: node's own start-up, the import and the start. */
  sinceProcessStartMs: number;
  pid: number;
}

/** What `bench/server-process.ts` is started with (one JSON argument). */
export interface ServerTask {
  target: Target;
  /** Sockets of the server's `Client` to the emulator (its default handler keeps 64). */
  maxSockets: number;
  /** `startServer`'s `maxConcurrentRequests`. */
  maxConcurrentRequests: number;
}

/** The JSON line `bench/server-process.ts` prints once it listens. */
export interface ServerReady {
  url: string;
  pid: number;
}

/** Its answer to `stats` (and to `mark`, which first collects garbage and restarts the RSS peak). */
export interface ServerStats {
  cpuUs: number;
  rssBytes: number;
  /** Highest RSS sampled (every 2 ms) since the last `mark`; the RSS at `mark` before any. */
  peakRssBytes: number;
  /** V8 heap in use (after the collection, for `mark`). */
  heapUsedBytes: number;
}

/** Quota scenarios (`bench/quota.ts`): (a) embeddings against a hidden quota, (b) a chat burst, (c) two users sharing a quota. */
export type QuotaScenario = 'quota-embed' | 'quota-chat' | 'quota-shared';

/** `ours`: the quota unknown to the client; `ours-declared`: declared in its options; `raw-adaptive`: the SDK's adaptive retry mode. */
export type QuotaImplementation = 'ours' | 'ours-declared' | 'raw-adaptive';

/** Where and what a quota worker calls. */
export interface QuotaTarget {
  oursModule: string;
  url: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  titanAlias: string;
  titanModelId: string;
  chatAlias: string;
  chatModelId: string;
}

export interface QuotaTask {
  scenario: QuotaScenario;
  implementation: QuotaImplementation;
  target: QuotaTarget;
  /** Texts to embed (`quota-embed`). */
  texts: number;
  /** Clients (users) running at once; `quota-embed`: concurrent `embeddings.create` calls on one client. */
  users: number;
  /** Chat calls per user. */
  callsPerUser: number;
  /** Requests in flight per user. */
  concurrency: number;
  maxTokens: number;
  /** Attempts the raw client makes for a throttled request (ours: 1 + `throttleRetries`). */
  maxAttempts: number;
  /** The quota, as `ours-declared` declares it. */
  declared: Record<string, { requestsPerMinute?: number; tokensPerMinute?: number }>;
}

export interface QuotaWorkerResult {
  scenario: QuotaScenario;
  implementation: QuotaImplementation;
  wallMs: number;
  /** HTTP attempts the client sent, and how many were answered 429. */
  attempts: number;
  throttled: number;
  /** Calls that failed. */
  failures: number;
  queueP50Ms: number;
  queueP95Ms: number;
  firstErrors: string[];
}
