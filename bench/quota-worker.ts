/**
 * One quota measurement in one fresh process: `node bench/results/build/quota-worker.mjs '<QuotaTask JSON>'`
 * runs one implementation through one scenario against the emulator (whose quota `bench/quota.ts` has just set)
 * and prints one {@link QuotaWorkerResult} JSON line.
 *
 * Implementations: `ours` (our `Client`, quota unknown to it), `ours-declared` (the quota declared in its options),
 * `raw-adaptive` (`BedrockRuntimeClient` with `retryMode: 'adaptive'`, the same keep-alive handler, the same
 * concurrency and the same number of attempts for a throttled request as ours). In `quota-shared`, ours is a server
 * (`startServer()` over one `Client`, in this process) and its two users are two official `openai` clients calling
 * it over loopback; the raw side is two adaptive-mode SDK clients, each with its own token bucket.
 *
 * The wall time starts once the modules are loaded and the clients built (the work only).
 *
 * Queueing delay (per call): the call's wall time minus its last attempt's HTTP time, i.e. everything the caller
 * waited besides Bedrock answering: limiter or token-bucket waits, throttled attempts and retry backoff. An
 * `AsyncLocalStorage` store per call lets the HTTP handler wrapper tell calls apart. Ours in `embed` runs one
 * `embeddings.create` for all texts, and in `shared` serves the calls in a server (whose requests do not run in the
 * caller's store), so there its per-request figure is the limiter's wait per attempt (`onLimit`).
 *
 * Only type imports at the top (see `bench/compile.ts`).
 */
import type { QuotaTask, QuotaWorkerResult } from './protocol.js';

type OursModule = typeof import('../src/index.js');
type SdkModule = typeof import('@aws-sdk/client-bedrock-runtime');

interface CallStore {
  lastAttemptMs: number;
}

interface Handler {
  handle(request: unknown, options?: unknown): Promise<{ response: { statusCode: number } }>;
  destroy?(): void;
  updateHttpClientConfig?(key: never, value: never): void;
  httpHandlerConfigs?(): unknown;
  metadata?: unknown;
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '') as QuotaTask;
  const { AsyncLocalStorage } = await import('node:async_hooks');
  const [{ NodeHttpHandler }, http, https] = await Promise.all([import('@smithy/node-http-handler'), import('node:http'), import('node:https')]);
  const calls = new AsyncLocalStorage<CallStore>();
  let attempts = 0;
  let throttled = 0;

  /** The keep-alive handler our client builds, timing each attempt for the call it belongs to. */
  const timedHandler = (): Handler => {
    const inner = new NodeHttpHandler({
      httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
      httpsAgent: new https.Agent({ keepAlive: true, maxSockets: 64 }),
    }) as unknown as Handler;
    return {
      get metadata() {
        return inner.metadata;
      },
      async handle(request, options) {
        const store = calls.getStore();
        const started = performance.now();
        attempts += 1;
        const output = await inner.handle(request, options);
        if (output.response.statusCode === 429) throttled += 1;
        if (store !== undefined) store.lastAttemptMs = performance.now() - started;
        return output;
      },
      destroy: () => inner.destroy?.(),
      updateHttpClientConfig: (key, value) => inner.updateHttpClientConfig?.(key, value),
      httpHandlerConfigs: () => inner.httpHandlerConfigs?.() ?? {},
    };
  };

  const queueDelays: number[] = [];
  let failures = 0;
  const firstErrors: string[] = [];
  /** Runs one call in its own store and records its queueing delay, or its failure. */
  const call = async (work: () => Promise<unknown>, recordDelay = true): Promise<void> => {
    const store: CallStore = { lastAttemptMs: 0 };
    const started = performance.now();
    try {
      await calls.run(store, work);
      if (recordDelay) queueDelays.push(Math.max(0, performance.now() - started - store.lastAttemptMs));
    } catch (error) {
      failures += 1;
      if (firstErrors.length < 3) firstErrors.push(`${(error as Error).name}: ${(error as Error).message}`);
    }
  };

  const target = task.target;
  const texts = Array.from({ length: task.texts }, (_, index) => `Chunk ${index}: rivers, mountains and the cities between them, part ${index % 37}.`);
  const prompt = (user: number, index: number): string => `User ${user} asks question ${index}: which rivers cross more than two countries?`;
  let started = performance.now();

  if (task.implementation === 'raw-adaptive') {
    const sdk = (await import('@aws-sdk/client-bedrock-runtime')) as SdkModule;
    const newClient = () =>
      new sdk.BedrockRuntimeClient({
        region: target.region,
        endpoint: target.url,
        credentials: target.credentials,
        requestHandler: timedHandler() as never,
        retryMode: 'adaptive',
        maxAttempts: task.maxAttempts,
      });
    const chatOnce = (client: InstanceType<SdkModule['BedrockRuntimeClient']>, text: string) =>
      client.send(new sdk.ConverseCommand({ modelId: target.chatModelId, messages: [{ role: 'user', content: [{ text }] }], inferenceConfig: { maxTokens: task.maxTokens } }));
    if (task.scenario === 'quota-embed') {
      const client = newClient();
      started = performance.now();
      await runPool(texts.length, task.concurrency * task.users, (index) =>
        call(() =>
          client.send(
            new sdk.InvokeModelCommand({
              modelId: target.titanModelId,
              body: JSON.stringify({ inputText: texts[index], dimensions: 256 }),
              contentType: 'application/json',
              accept: 'application/json',
            }),
          ),
        ),
      );
      client.destroy();
    } else {
      const clients = Array.from({ length: task.users }, newClient);
      started = performance.now();
      await Promise.all(clients.map((client, user) => runPool(task.callsPerUser, task.concurrency, (index) => call(() => chatOnce(client, prompt(user, index))))));
      for (const client of clients) client.destroy();
    }
  } else {
    const ours = (await import(target.oursModule)) as OursModule;
    const limiterWaits: number[] = [];
    // BENCH_QUOTA_TRACE=<file>: every throttle (and every 100th grant) appended to that file, to see how the limiter learns.
    const trace = process.env['BENCH_QUOTA_TRACE'];
    const { appendFileSync } = await import('node:fs');
    const options = {
      region: target.region,
      endpoint: target.url,
      credentials: target.credentials,
      configFile: false as const,
      env: {},
      logLevel: 'off' as const,
      requestHandler: timedHandler() as never,
      ...(task.implementation === 'ours-declared' ? { quotas: task.declared } : {}),
      onLimit: (event: { type: string; queuedMs?: number; state: { requestsPerMinute: number | null; tokensPerMinute: number | null; window: number | null; inFlight: number } }) => {
        if (event.type === 'granted' && event.queuedMs !== undefined) limiterWaits.push(event.queuedMs);
        if (trace !== undefined && (event.type !== 'granted' || limiterWaits.length % 100 === 0)) {
          const { requestsPerMinute, tokensPerMinute, window, inFlight } = event.state;
          appendFileSync(trace, `${task.scenario} ${task.implementation} ${((performance.now() - started) / 1000).toFixed(2)} ${event.type} rpm=${requestsPerMinute} tpm=${tokensPerMinute} window=${window} inFlight=${inFlight}\n`);
        }
      },
    };
    const first = new ours.Client(options);
    if (task.scenario === 'quota-embed') {
      // `users` concurrent embeddings calls on one client, splitting the texts.
      const share = Math.ceil(texts.length / task.users);
      started = performance.now();
      await Promise.all(
        Array.from({ length: task.users }, (_, user) =>
          call(
            () => first.embeddings.create({ model: target.titanAlias, input: texts.slice(user * share, (user + 1) * share), dimensions: 256 }, { concurrency: task.concurrency }),
            false,
          ),
        ),
      );
      queueDelays.push(...limiterWaits);
      first.close();
    } else if (task.scenario === 'quota-shared') {
      // Two users of one server: one Client (one limiter per model) behind startServer(), two openai clients.
      const { default: OpenAI } = await import('openai');
      const server = await ours.startServer({ client: first, port: 0, maxConcurrentRequests: 4 * task.users * task.concurrency });
      const users = Array.from({ length: task.users }, () => new OpenAI({ baseURL: server.url, apiKey: 'unused-on-loopback', maxRetries: 2 }));
      started = performance.now();
      await Promise.all(
        users.map((user, index) =>
          runPool(task.callsPerUser, task.concurrency, (n) =>
            call(() => user.chat.completions.create({ model: target.chatAlias, messages: [{ role: 'user', content: prompt(index, n) }], max_tokens: task.maxTokens }), false),
          ),
        ),
      );
      queueDelays.push(...limiterWaits);
      await server.close();
      first.close();
    } else {
      started = performance.now();
      await runPool(task.callsPerUser * task.users, task.concurrency, (index) =>
        call(() => first.chat.completions.create({ model: target.chatAlias, messages: [{ role: 'user', content: prompt(0, index) }], max_tokens: task.maxTokens })),
      );
      first.close();
    }
  }

  const wallMs = performance.now() - started;
  const sorted = [...queueDelays].sort((left, right) => left - right);
  const quantile = (share: number): number => (sorted.length === 0 ? 0 : (sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] as number));
  const result: QuotaWorkerResult = {
    scenario: task.scenario,
    implementation: task.implementation,
    wallMs,
    attempts,
    throttled,
    failures,
    queueP50Ms: quantile(0.5),
    queueP95Ms: quantile(0.95),
    firstErrors,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** `concurrency` workers taking the next index until `count` are done. */
async function runPool(count: number, concurrency: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      next += 1;
      await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`quota-worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
