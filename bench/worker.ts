/**
 * One measurement in one fresh process: `node bench/results/build/worker.mjs '<WorkerTask JSON>'` prints one
 * {@link WorkerResult} JSON line. `bench/run.ts` compiles this file (`bench/compile.ts`) and runs it with plain
 * `node`, pinned to one core, so no TypeScript loader sits in the measured process.
 *
 * Every scenario drives the same workload through a {@link Driver}: `ours` (`bedrock-openai`'s `Client`, imported
 * from the built package, `dist/`), `raw` (`BedrockRuntimeClient` with the keep-alive HTTP/1.1 handler our client
 * builds), `raw-default` (`BedrockRuntimeClient` on the SDK's default transport), `ours-responses`, or the official
 * `openai` package through our in-process `createBedrockFetch()` (`openai-fetch`) or against `startServer()` in a
 * process this worker starts (`openai-server`, `bench/server-process.ts`), or against replayed replies
 * (`openai-replay`), or our `createBedrockFetch()` called directly (`fetch-direct`). Client CPU is `process.cpuUsage()`
 * (user + system, all threads) over the measured loop, after the warm-up.
 *
 * Only type imports at the top: what a scenario loads is what it measures.
 */
import type { ChatCompletionChunk, ResponseStreamEvent } from '../src/index.js';
import type { Implementation, ServerReady, ServerStats, ServerTask, Target, WorkerResult, WorkerTask } from './protocol.js';

type OursModule = typeof import('../src/index.js');
type OpenAIModule = typeof import('openai');
type SdkModule = typeof import('@aws-sdk/client-bedrock-runtime');
type HandlerModule = typeof import('@smithy/node-http-handler');
type ParserModule = typeof import('eventsource-parser');

const SDK_SPECIFIER = '@aws-sdk/client-bedrock-runtime';
const HANDLER_SPECIFIER = '@smithy/node-http-handler';
const OPENAI_SPECIFIER = 'openai';
const PARSER_SPECIFIER = 'eventsource-parser';

/** Prompt of the non-streaming chat call; the emulator answers `You said: <prompt>`. */
const CHAT_PROMPT = 'Name three rivers that flow through more than two countries.';
const STREAM_DELTAS = 1000;
const STREAM_MAX_TOKENS = 4000;
const CHAT_MAX_TOKENS = 256;
const TITAN_TEXTS = 1000;
const COHERE_TEXTS = 10_000;
const EMBEDDING_CONCURRENCY = 16;
/** Streams in flight at once in the memory scenario. */
const CONCURRENT_STREAMS = 100;
/** Streams in flight at once through the server (`streams1000`). */
const SERVER_CONCURRENT_STREAMS = 1000;

/**
 * The prompt of stream number `streamId` (0–1,295) of {@link STREAM_DELTAS} text deltas. The emulator echoes
 * `You said: ` + the prompt in deltas of three tokens, each token a whitespace-separated word that keeps the space
 * before it (`src/emulator/event-stream.ts` `chunkText`): the first delta is `You said: go`, and each later one is the
 * next three words of the prompt. Those come in threes: the stream's number, the delta's number (two base-36
 * digits each) and `x`, so each of the other 999 deltas is 8 characters (` 0r 2s x`, the delta size) and
 * says which stream and which place it belongs to: a lost, repeated, reordered or stray delta is detected.
 */
export function streamPrompt(streamId: number): string {
  const words = ['go'];
  for (let index = 1; index < STREAM_DELTAS; index += 1) words.push(base36(streamId), base36(index), 'x');
  return words.join(' ');
}

/** The text deltas stream `streamId` must deliver, in order. */
export function expectedDeltas(streamId: number): string[] {
  const deltas = ['You said: go'];
  for (let index = 1; index < STREAM_DELTAS; index += 1) deltas.push(` ${base36(streamId)} ${base36(index)} x`);
  return deltas;
}

function base36(value: number): string {
  return value.toString(36).padStart(2, '0');
}

const DELTA = /^ ([0-9a-z]{2}) ([0-9a-z]{2}) x$/;

/** The place of `text` among stream `streamId`'s deltas, or -1 when it is none of them. */
export function deltaIndex(streamId: number, text: string): number {
  if (text === 'You said: go') return 0;
  const match = DELTA.exec(text);
  if (match === null || Number.parseInt(match[1] as string, 36) !== streamId) return -1;
  const index = Number.parseInt(match[2] as string, 36);
  return index >= 1 && index < STREAM_DELTAS ? index : -1;
}

/** What one stream delivered, against what it should have. */
export interface DeltaTally {
  received: number;
  /** Deltas of this stream never received. */
  lost: number;
  /** Deltas received at another place than theirs. */
  outOfOrder: number;
  /** Deltas received more than once (each extra copy), or not this stream's at all. */
  strayOrRepeated: number;
}

/** Counts, delta by delta, what stream `streamId` delivers (`add`), then what it lost (`tally`). */
export class DeltaChecker {
  readonly #streamId: number;
  readonly #seen = new Uint8Array(STREAM_DELTAS);
  #received = 0;
  #outOfOrder = 0;
  #strayOrRepeated = 0;

  constructor(streamId: number) {
    this.#streamId = streamId;
  }

  add(text: string): void {
    const place = this.#received;
    this.#received += 1;
    const index = deltaIndex(this.#streamId, text);
    if (index < 0) {
      this.#strayOrRepeated += 1;
      return;
    }
    if (this.#seen[index] === 1) this.#strayOrRepeated += 1;
    else this.#seen[index] = 1;
    if (index !== place) this.#outOfOrder += 1;
  }

  tally(): DeltaTally {
    let lost = 0;
    for (const seen of this.#seen) if (seen === 0) lost += 1;
    return { received: this.#received, lost, outOfOrder: this.#outOfOrder, strayOrRepeated: this.#strayOrRepeated };
  }
}

/** The same workload through each implementation. */
interface Driver {
  /** One non-streaming chat call; resolves with the reply text. */
  chat(prompt: string, maxTokens: number): Promise<string>;
  /** One streaming chat call; `onText` sees every text delta; resolves with their number. */
  stream(prompt: string, maxTokens: number, onText: (text: string) => void): Promise<number>;
  /** Titan Text Embeddings V2: one text per request, `concurrency` requests in flight. */
  embedTitan(texts: readonly string[], concurrency: number): Promise<number[][]>;
  /** Cohere Embed English v3: batches of the model's batch size, `concurrency` requests in flight. */
  embedCohere(texts: readonly string[], concurrency: number): Promise<number[][]>;
  /** `openai-server`: the server process's CPU and RSS (`mark` first collects and restarts its RSS peak). */
  server?: ServerProcess;
  close(): void | Promise<void>;
}

/** The modules an implementation needs, loaded (this is what the cold-start figure times). */
type Loaded =
  | { implementation: 'ours' | 'ours-responses'; ours: OursModule }
  | { implementation: 'raw' | 'raw-default'; sdk: SdkModule; transport: KeepAliveTransport | undefined }
  | { implementation: 'openai-fetch'; openai: OpenAIModule; ours: OursModule }
  | { implementation: 'openai-replay'; openai: OpenAIModule; fetch: typeof fetch }
  | { implementation: 'fetch-direct'; ours: OursModule; parser: ParserModule }
  | { implementation: 'openai-server'; openai: OpenAIModule; server: ServerProcess };

/** What the `raw` implementation needs to build the keep-alive handler (the modules `Client` loads for it). */
interface KeepAliveTransport {
  handler: HandlerModule;
  http: typeof import('node:http');
  https: typeof import('node:https');
}

async function loadImplementation(implementation: Implementation, task: WorkerTask): Promise<Loaded> {
  const target = task.target;
  if (implementation === 'ours' || implementation === 'ours-responses') return { implementation, ours: (await import(target.oursModule)) as OursModule };
  if (implementation === 'openai-fetch') {
    const [openai, ours] = await Promise.all([import(OPENAI_SPECIFIER) as Promise<OpenAIModule>, import(target.oursModule) as Promise<OursModule>]);
    return { implementation, openai, ours };
  }
  if (implementation === 'fetch-direct') {
    const [ours, parser] = await Promise.all([import(target.oursModule) as Promise<OursModule>, import(PARSER_SPECIFIER) as Promise<ParserModule>]);
    return { implementation, ours, parser };
  }
  if (implementation === 'openai-replay') {
    const [openai, ours] = await Promise.all([import(OPENAI_SPECIFIER) as Promise<OpenAIModule>, import(target.oursModule) as Promise<OursModule>]);
    return { implementation, openai, fetch: await createReplayFetch(ours, target) };
  }
  if (implementation === 'openai-server') {
    const concurrent = task.scenario === 'streams1000' ? SERVER_CONCURRENT_STREAMS : 64;
    const [openai, server] = await Promise.all([
      import(OPENAI_SPECIFIER) as Promise<OpenAIModule>,
      startServerProcess(task, { target, maxSockets: concurrent, maxConcurrentRequests: concurrent + 64 }),
    ]);
    return { implementation, openai, server };
  }
  const sdk = (await import(SDK_SPECIFIER)) as SdkModule;
  if (implementation === 'raw-default') return { implementation, sdk, transport: undefined };
  const [handler, http, https] = await Promise.all([
    import(HANDLER_SPECIFIER) as Promise<HandlerModule>,
    import('node:http'),
    import('node:https'),
  ]);
  return { implementation, sdk, transport: { handler, http, https } };
}

function createDriver(loaded: Loaded, target: Target): Driver {
  switch (loaded.implementation) {
    case 'ours':
      return createOursDriver(loaded.ours, target);
    case 'ours-responses':
      return createResponsesDriver(loaded.ours, target);
    case 'openai-fetch': {
      const fetch = loaded.ours.createBedrockFetch({ client: oursClientOptions(target) });
      return createOpenAIDriver(new loaded.openai.OpenAI({ baseURL: fetch.baseURL, apiKey: 'bench', fetch }), target, undefined);
    }
    case 'openai-server':
      return createOpenAIDriver(new loaded.openai.OpenAI({ baseURL: loaded.server.url, apiKey: 'bench' }), target, loaded.server);
    case 'fetch-direct':
      return createFetchDirectDriver(loaded.ours, loaded.parser, target);
    case 'openai-replay':
      return createOpenAIDriver(new loaded.openai.OpenAI({ baseURL: 'http://replay.invalid/v1', apiKey: 'bench', fetch: loaded.fetch }), target, undefined);
    default:
      return createRawDriver(loaded.sdk, loaded.transport, target);
  }
}

/** One response of our handler, as its bytes arrived (status, headers, body chunks). */
interface Recording {
  status: number;
  headers: Array<[string, string]>;
  chunks: Uint8Array[];
}

/**
 * A `fetch` that answers every chat call with the recorded reply of our handler to the chat workload's request, and
 * every streamed call (its body ends with `"stream":true}`, as the `openai` package serializes it) with the recorded
 * stream of stream 0, chunk by chunk as the handler wrote it. What the `openai` package costs on its own.
 */
async function createReplayFetch(ours: OursModule, target: Target): Promise<typeof fetch> {
  const real = ours.createBedrockFetch({ client: oursClientOptions(target) });
  const record = async (body: Record<string, unknown>): Promise<Recording> => {
    const response = await real(`${real.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const chunks: Uint8Array[] = [];
    for await (const chunk of response.body ?? []) chunks.push(chunk);
    check(response.status === 200, `the recorded call succeeded (${response.status})`);
    return { status: response.status, headers: [...response.headers], chunks };
  };
  const messages = (content: string): Array<{ role: 'user'; content: string }> => [{ role: 'user', content }];
  const chat = await record({ model: target.chatModel.alias, messages: messages(CHAT_PROMPT), max_tokens: CHAT_MAX_TOKENS });
  const stream = await record({ model: target.chatModel.alias, messages: messages(streamPrompt(0)), max_tokens: STREAM_MAX_TOKENS, stream: true });
  real.client.close();
  return async (_input, init) => {
    const recording = typeof init?.body === 'string' && init.body.endsWith('"stream":true}') ? stream : chat;
    let next = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          const chunk = recording.chunks[next];
          next += 1;
          if (chunk === undefined) controller.close();
          else controller.enqueue(chunk);
        },
      },
      { highWaterMark: 1 },
    );
    return new Response(body, { status: recording.status, headers: recording.headers });
  };
}

/** `startServer()` in its own process (`bench/server-process.ts`), started with the command `run.ts` gave. */
interface ServerProcess {
  url: string;
  stats(command: 'stats' | 'mark'): Promise<ServerStats>;
  stop(): Promise<void>;
}

async function startServerProcess(task: WorkerTask, serverTask: ServerTask): Promise<ServerProcess> {
  const command = task.serverCommand;
  if (command === undefined) throw new Error('openai-server needs the server command (serverCommand) in its task');
  const { spawn } = await import('node:child_process');
  const child = spawn(command.file, [...command.args, JSON.stringify(serverTask)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const waiting: Array<(line: string) => void> = [];
  let buffered = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    buffered += text;
    let newline: number;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      waiting.shift()?.(line);
    }
  });
  const nextLine = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the server process')), 30_000);
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
      void exited.then(() => reject(new Error('the server process exited')));
    });
  const ready = JSON.parse(await nextLine()) as ServerReady;
  return {
    url: ready.url,
    async stats(name) {
      const answer = nextLine();
      child.stdin.write(`${name}\n`);
      return JSON.parse(await answer) as ServerStats;
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

/**
 * The official `openai` package, called as its users call it (default retries and timeout), through one of our
 * doors. Embeddings go through `embeddings.create` with its default base64 encoding (the SDK decodes it).
 */
function createOpenAIDriver(openai: InstanceType<OpenAIModule['OpenAI']>, target: Target, server: ServerProcess | undefined): Driver {
  return {
    async chat(prompt, maxTokens) {
      const completion = await openai.chat.completions.create({
        model: target.chatModel.alias,
        messages: [{ role: 'user', content: prompt }],
        max_tokens: maxTokens,
      });
      return completion.choices[0]?.message.content ?? '';
    },
    async stream(prompt, maxTokens, onText) {
      const stream = await openai.chat.completions.create({
        model: target.chatModel.alias,
        messages: [{ role: 'user', content: prompt }],
        max_tokens: maxTokens,
        stream: true,
      });
      let deltas = 0;
      for await (const chunk of stream) {
        const content = chunk.choices[0]?.delta.content;
        if (typeof content === 'string' && content !== '') {
          onText(content);
          deltas += 1;
        }
      }
      return deltas;
    },
    async embedTitan(texts) {
      const response = await openai.embeddings.create({ model: target.titanModel.alias, input: [...texts], dimensions: target.titanModel.dimensions });
      return response.data.map((item) => item.embedding);
    },
    async embedCohere(texts) {
      const response = await openai.embeddings.create({ model: target.cohereModel.alias, input: [...texts] });
      return response.data.map((item) => item.embedding);
    },
    ...(server === undefined ? {} : { server }),
    async close() {
      await server?.stop();
    },
  };
}

/**
 * Our `createBedrockFetch()` called as the `openai` package calls it (a JSON string body and a signal), its reply
 * read with `response.json()`, or streamed through `eventsource-parser` (`createParser`, fed the decoded bytes): what
 * the door costs without the package. Chat and stream only.
 */
function createFetchDirectDriver(ours: OursModule, parser: ParserModule, target: Target): Driver {
  const fetch = ours.createBedrockFetch({ client: oursClientOptions(target) });
  const url = `${fetch.baseURL}/chat/completions`;
  const post = (body: Record<string, unknown>): Promise<Response> =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: new AbortController().signal });
  return {
    async chat(prompt, maxTokens) {
      const response = await post({ model: target.chatModel.alias, messages: [{ role: 'user', content: prompt }], max_tokens: maxTokens });
      const completion = (await response.json()) as { choices: Array<{ message: { content: string | null } }> };
      return completion.choices[0]?.message.content ?? '';
    },
    async stream(prompt, maxTokens, onText) {
      const response = await post({ model: target.chatModel.alias, messages: [{ role: 'user', content: prompt }], max_tokens: maxTokens, stream: true });
      let deltas = 0;
      const events = parser.createParser({
        onEvent(event) {
          if (event.data === '[DONE]') return;
          const content = (JSON.parse(event.data) as ChatCompletionChunk).choices[0]?.delta.content;
          if (typeof content === 'string' && content !== '') {
            onText(content);
            deltas += 1;
          }
        },
      });
      const decoder = new TextDecoder();
      const reader = response.body!.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        events.feed(decoder.decode(value, { stream: true }));
      }
      return deltas;
    },
    embedTitan() {
      throw new Error('fetch-direct runs the chat and stream workloads only');
    },
    embedCohere() {
      throw new Error('fetch-direct runs the chat and stream workloads only');
    },
    close() {
      fetch.client.close();
    },
  };
}

/** Our Client's options against the target, as every "ours" driver builds it (no bedrock.json, no environment, no logs). */
function oursClientOptions(target: Target): ConstructorParameters<OursModule['Client']>[0] {
  return { region: target.region, endpoint: target.url, credentials: target.credentials, configFile: false, env: {}, logLevel: 'off' };
}

function createOursClient(ours: OursModule, target: Target): InstanceType<OursModule['Client']> {
  return new ours.Client(oursClientOptions(target));
}

function createOursDriver(ours: OursModule, target: Target): Driver {
  const client = createOursClient(ours, target);
  return {
    async chat(prompt, maxTokens) {
      const completion = await client.chat.completions.create({
        model: target.chatModel.alias,
        messages: [{ role: 'user', content: prompt }],
        max_tokens: maxTokens,
      });
      return completion.choices[0]?.message.content ?? '';
    },
    async stream(prompt, maxTokens, onText) {
      const stream = await client.chat.completions.create({
        model: target.chatModel.alias,
        messages: [{ role: 'user', content: prompt }],
        max_tokens: maxTokens,
        stream: true,
      });
      let deltas = 0;
      for await (const chunk of stream as AsyncIterable<ChatCompletionChunk>) {
        const content = chunk.choices[0]?.delta.content;
        if (typeof content === 'string' && content !== '') {
          onText(content);
          deltas += 1;
        }
      }
      return deltas;
    },
    async embedTitan(texts, concurrency) {
      const response = await client.embeddings.create(
        { model: target.titanModel.alias, input: [...texts], dimensions: target.titanModel.dimensions },
        { concurrency },
      );
      return response.data.map((item) => item.embedding);
    },
    async embedCohere(texts, concurrency) {
      const response = await client.embeddings.create({ model: target.cohereModel.alias, input: [...texts] }, { concurrency });
      return response.data.map((item) => item.embedding);
    },
    close() {
      client.close();
    },
  };
}

/** The chat and stream workloads through `client.responses` (the embeddings ones are not run for it). */
function createResponsesDriver(ours: OursModule, target: Target): Driver {
  const client = createOursClient(ours, target);
  return {
    embedTitan() {
      throw new Error('ours-responses runs the chat and stream workloads only');
    },
    embedCohere() {
      throw new Error('ours-responses runs the chat and stream workloads only');
    },
    async chat(prompt, maxTokens) {
      const response = await client.responses.create({ model: target.chatModel.alias, input: [{ role: 'user', content: prompt }], max_output_tokens: maxTokens });
      return response.output_text;
    },
    async stream(prompt, maxTokens, onText) {
      const stream = await client.responses.create({ model: target.chatModel.alias, input: [{ role: 'user', content: prompt }], max_output_tokens: maxTokens, stream: true });
      let deltas = 0;
      for await (const event of stream as AsyncIterable<ResponseStreamEvent>) {
        if (event.type === 'response.output_text.delta' && event.delta !== '') {
          onText(event.delta);
          deltas += 1;
        }
      }
      return deltas;
    },
    close() {
      client.close();
    },
  };
}

function createRawDriver(sdk: SdkModule, transport: KeepAliveTransport | undefined, target: Target): Driver {
  // The same handler configuration as `Client`'s default (src/client.ts `#loadHandler`).
  const requestHandler =
    transport === undefined
      ? undefined
      : new transport.handler.NodeHttpHandler({
          httpAgent: new transport.http.Agent({ keepAlive: true, maxSockets: 64 }),
          httpsAgent: new transport.https.Agent({ keepAlive: true, maxSockets: 64 }),
        });
  const client = new sdk.BedrockRuntimeClient({
    region: target.region,
    endpoint: target.url,
    credentials: target.credentials,
    ...(requestHandler === undefined ? {} : { requestHandler }),
  });
  const invokeJson = async (modelId: string, body: unknown): Promise<Record<string, unknown>> => {
    const output = await client.send(
      new sdk.InvokeModelCommand({ modelId, body: JSON.stringify(body), contentType: 'application/json', accept: 'application/json' }),
    );
    return JSON.parse(output.body.transformToString()) as Record<string, unknown>;
  };
  return {
    async chat(prompt, maxTokens) {
      const output = await client.send(
        new sdk.ConverseCommand({
          modelId: target.chatModel.modelId,
          messages: [{ role: 'user', content: [{ text: prompt }] }],
          inferenceConfig: { maxTokens },
        }),
      );
      return output.output?.message?.content?.[0]?.text ?? '';
    },
    async stream(prompt, maxTokens, onText) {
      const output = await client.send(
        new sdk.ConverseStreamCommand({
          modelId: target.chatModel.modelId,
          messages: [{ role: 'user', content: [{ text: prompt }] }],
          inferenceConfig: { maxTokens },
        }),
      );
      let deltas = 0;
      for await (const event of output.stream ?? []) {
        const text = event.contentBlockDelta?.delta?.text;
        if (typeof text === 'string' && text !== '') {
          onText(text);
          deltas += 1;
        }
      }
      return deltas;
    },
    async embedTitan(texts, concurrency) {
      const vectors = new Array<number[]>(texts.length);
      await runPool(texts.length, 1, concurrency, async (start) => {
        const json = await invokeJson(target.titanModel.modelId, { inputText: texts[start], dimensions: target.titanModel.dimensions });
        vectors[start] = json['embedding'] as number[];
      });
      return vectors;
    },
    async embedCohere(texts, concurrency) {
      const vectors = new Array<number[]>(texts.length);
      await runPool(texts.length, target.cohereModel.batchSize, concurrency, async (start, end) => {
        const json = await invokeJson(target.cohereModel.modelId, { texts: texts.slice(start, end), input_type: 'search_document' });
        const embeddings = json['embeddings'] as number[][];
        for (let offset = 0; offset < embeddings.length; offset += 1) vectors[start + offset] = embeddings[offset] as number[];
      });
      return vectors;
    },
    close() {
      client.destroy();
    },
  };
}

/** `concurrency` workers, each taking the next range `[start, end)` of `batchSize` items until none is left. */
async function runPool(count: number, batchSize: number, concurrency: number, work: (start: number, end: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const start = next;
      const end = Math.min(start + batchSize, count);
      next = end;
      await work(start, end);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.ceil(count / batchSize)) }, worker));
}

/** Client CPU time so far (user + system, all threads), in µs. */
function cpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench check failed: ${message}`);
}

/** Starts a V8 CPU profile (the profiler `node --cpu-prof` uses) when asked; the returned function writes it. */
async function startProfile(path: string | undefined): Promise<() => Promise<void>> {
  if (path === undefined) return async () => undefined;
  const inspector = await import('node:inspector/promises');
  const session = new inspector.Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path, JSON.stringify(profile));
    session.disconnect();
  };
}

function titanTexts(): string[] {
  return Array.from({ length: TITAN_TEXTS }, (_, index) => `Document ${index}: rivers, mountains and the cities between them, chapter ${index % 37}.`);
}

function cohereTexts(): string[] {
  return Array.from({ length: COHERE_TEXTS }, (_, index) => `Passage ${index} about ${['rivers', 'trade', 'weather', 'bridges'][index % 4]} number ${index % 101}.`);
}

/** The server process's CPU (µs) spent between two readings, per unit; none without a server. */
function serverCpuPer(before: ServerStats | undefined, after: ServerStats | undefined, units: number): WorkerResult['figures'] {
  return before === undefined || after === undefined ? {} : { serverCpuUsPer: (after.cpuUs - before.cpuUs) / units };
}

async function measureChat(driver: Driver, task: WorkerTask): Promise<WorkerResult['figures']> {
  const expected = `You said: ${CHAT_PROMPT}`;
  check((await driver.chat(CHAT_PROMPT, CHAT_MAX_TOKENS)) === expected, 'chat reply is the echo of the prompt');
  for (let call = 1; call < task.warmup; call += 1) await driver.chat(CHAT_PROMPT, CHAT_MAX_TOKENS);
  const latencies = new Float64Array(task.iterations);
  const serverBefore = await driver.server?.stats('stats');
  const stopProfile = await startProfile(task.profilePath);
  const cpuBefore = cpuMicros();
  const started = performance.now();
  let callStarted = started;
  for (let call = 0; call < task.iterations; call += 1) {
    await driver.chat(CHAT_PROMPT, CHAT_MAX_TOKENS);
    const now = performance.now();
    latencies[call] = now - callStarted;
    callStarted = now;
  }
  const elapsedMs = performance.now() - started;
  const cpu = cpuMicros() - cpuBefore;
  await stopProfile();
  const serverAfter = await driver.server?.stats('stats');
  const { serverCpuUsPer } = serverCpuPer(serverBefore, serverAfter, task.iterations);
  return {
    cpuUsPerRequest: cpu / task.iterations,
    requestsPerSecond: (task.iterations * 1000) / elapsedMs,
    p50Ms: median([...latencies]),
    ...(serverCpuUsPer === undefined ? {} : { serverCpuUsPerRequest: serverCpuUsPer }),
  };
}

async function measureStream(driver: Driver, task: WorkerTask): Promise<WorkerResult['figures']> {
  const prompt = streamPrompt(0);
  const expected = expectedDeltas(0);
  const once = async (): Promise<{ ttftMs: number; totalMs: number }> => {
    const started = performance.now();
    let firstAt = -1;
    let received = 0;
    let wrong = 0;
    const deltas = await driver.stream(prompt, STREAM_MAX_TOKENS, (text) => {
      if (firstAt < 0) firstAt = performance.now();
      if (text !== expected[received]) wrong += 1;
      received += 1;
    });
    check(deltas === STREAM_DELTAS && wrong === 0, `the stream has the ${STREAM_DELTAS} expected text deltas (got ${deltas}, ${wrong} not as expected)`);
    return { ttftMs: firstAt - started, totalMs: performance.now() - started };
  };
  for (let stream = 0; stream < task.warmup; stream += 1) await once();
  const serverBefore = await driver.server?.stats('stats');
  const stopProfile = await startProfile(task.profilePath);
  const ttft: number[] = [];
  const total: number[] = [];
  const cpuBefore = cpuMicros();
  for (let stream = 0; stream < task.iterations; stream += 1) {
    const timing = await once();
    ttft.push(timing.ttftMs);
    total.push(timing.totalMs);
  }
  const cpu = cpuMicros() - cpuBefore;
  await stopProfile();
  const serverAfter = await driver.server?.stats('stats');
  const { serverCpuUsPer } = serverCpuPer(serverBefore, serverAfter, task.iterations);
  return {
    cpuUsPerStream: cpu / task.iterations,
    cpuUsPerDelta: cpu / task.iterations / STREAM_DELTAS,
    ttftMs: median(ttft),
    streamMs: median(total),
    ...(serverCpuUsPer === undefined ? {} : { serverCpuUsPerStream: serverCpuUsPer }),
  };
}

async function measureEmbeddings(driver: Driver, task: WorkerTask, family: 'titan' | 'cohere'): Promise<WorkerResult['figures']> {
  const texts = family === 'titan' ? titanTexts() : cohereTexts();
  const embed = (): Promise<number[][]> =>
    family === 'titan' ? driver.embedTitan(texts, EMBEDDING_CONCURRENCY) : driver.embedCohere(texts, EMBEDDING_CONCURRENCY);
  const first = await embed();
  check(first.length === texts.length && first.every((vector) => Array.isArray(vector) && vector.length > 0), 'every text has a vector');
  for (let round = 1; round < task.warmup; round += 1) await embed();
  const stopProfile = await startProfile(task.profilePath);
  const cpuBefore = cpuMicros();
  const started = performance.now();
  for (let round = 0; round < task.iterations; round += 1) await embed();
  const elapsedMs = performance.now() - started;
  const cpu = cpuMicros() - cpuBefore;
  await stopProfile();
  const count = texts.length * task.iterations;
  return { cpuUsPerText: cpu / count, textsPerSecond: (count * 1000) / elapsedMs, msPerCall: elapsedMs / task.iterations };
}

/**
 * Memory under {@link CONCURRENT_STREAMS} concurrent streams. The baseline is the client after `warmup` sequential
 * streams (its code loaded), collected; then `iterations` bursts of concurrent streams run one after another, with
 * RSS sampled every 2 ms and every 100 deltas. The peak is taken over all bursts: by the last ones V8 has sized its
 * young generation for the load, so peak and growth no longer depend on where its doubling steps happened to fall
 * (a single burst after N sequential streams is a step function of N; see BENCHMARKS.md).
 */
async function measureConcurrentStreams(driver: Driver, task: WorkerTask): Promise<WorkerResult['figures']> {
  const prompt = streamPrompt(0);
  for (let stream = 0; stream < task.warmup; stream += 1) await driver.stream(prompt, STREAM_MAX_TOKENS, () => undefined);
  const gc = (globalThis as { gc?: () => void }).gc;
  check(gc !== undefined, 'the process runs with --expose-gc');
  gc?.();
  gc?.();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sample = (): void => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
  };
  const sampler = setInterval(sample, 2);
  const burstPeaks: number[] = [];
  const started = performance.now();
  for (let burst = 0; burst < task.iterations; burst += 1) {
    const before = peak;
    peak = 0;
    const counts = await Promise.all(
      Array.from({ length: CONCURRENT_STREAMS }, async () => {
        let seen = 0;
        return driver.stream(prompt, STREAM_MAX_TOKENS, () => {
          seen += 1;
          if (seen % 100 === 0) sample();
        });
      }),
    );
    sample();
    burstPeaks.push(peak);
    peak = Math.max(peak, before);
    check(
      counts.every((deltas) => deltas === STREAM_DELTAS),
      `all ${CONCURRENT_STREAMS} streams have ${STREAM_DELTAS} deltas`,
    );
  }
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  gc?.();
  const after = process.memoryUsage.rss();
  const mb = 1024 * 1024;
  return {
    baselineRssMb: baseline / mb,
    peakRssMb: peak / mb,
    rssGrowthMb: (peak - baseline) / mb,
    firstBurstGrowthMb: ((burstPeaks[0] ?? baseline) - baseline) / mb,
    lastBurstPeakRssMb: (burstPeaks[burstPeaks.length - 1] ?? baseline) / mb,
    retainedRssMb: (after - baseline) / mb,
    msPerBurst: elapsedMs / task.iterations,
  };
}

/**
 * {@link SERVER_CONCURRENT_STREAMS} concurrent 1,000-delta streams through the server (`openai-server` only), in
 * `iterations` bursts after `warmup` sequential streams. Every stream has its own prompt and every delta is checked
 * against its place ({@link DeltaChecker}): lost, out-of-order and stray/repeated deltas and failed streams are
 * counted, not thrown, so the row can fail. The server's RSS growth is its peak (sampled every 2 ms in the server)
 * over all bursts minus its RSS after a collection before the first; the client's is reported too.
 */
async function measureServerStreams(driver: Driver, task: WorkerTask): Promise<WorkerResult['figures']> {
  const server = driver.server;
  if (server === undefined) throw new Error('streams1000 runs through the server only (openai-server)');
  const warmupPrompt = streamPrompt(0);
  for (let stream = 0; stream < task.warmup; stream += 1) await driver.stream(warmupPrompt, STREAM_MAX_TOKENS, () => undefined);
  const prompts = Array.from({ length: SERVER_CONCURRENT_STREAMS }, (_, streamId) => streamPrompt(streamId));
  const gc = (globalThis as { gc?: () => void }).gc;
  check(gc !== undefined, 'the process runs with --expose-gc');
  gc?.();
  const clientBaseline = process.memoryUsage.rss();
  let clientPeak = clientBaseline;
  const sampler = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > clientPeak) clientPeak = rss;
  }, 2);
  const baseline = await server.stats('mark');
  const totals = { received: 0, lost: 0, outOfOrder: 0, strayOrRepeated: 0, failedStreams: 0 };
  const started = performance.now();
  for (let burst = 0; burst < task.iterations; burst += 1) {
    const tallies = await Promise.all(
      prompts.map(async (prompt, streamId) => {
        const checker = new DeltaChecker(streamId);
        let failed = 0;
        try {
          await driver.stream(prompt, STREAM_MAX_TOKENS, (text) => checker.add(text));
        } catch (error) {
          failed = 1;
          if (totals.failedStreams === 0) process.stderr.write(`worker: stream ${streamId} failed: ${String(error)}\n`);
        }
        return { ...checker.tally(), failed };
      }),
    );
    for (const tally of tallies) {
      totals.received += tally.received;
      totals.lost += tally.lost;
      totals.outOfOrder += tally.outOfOrder;
      totals.strayOrRepeated += tally.strayOrRepeated;
      totals.failedStreams += tally.failed;
    }
  }
  const elapsedMs = performance.now() - started;
  clearInterval(sampler);
  const after = await server.stats('stats');
  // What the server still holds once the streams are over and it has collected (its RSS also keeps pages the
  // allocator has not returned to the system; its V8 heap does not).
  const settled = await server.stats('mark');
  const mb = 1024 * 1024;
  const streams = SERVER_CONCURRENT_STREAMS * task.iterations;
  return {
    serverRssGrowthMb: (after.peakRssBytes - baseline.rssBytes) / mb,
    serverPeakRssMb: after.peakRssBytes / mb,
    serverRetainedMb: (settled.rssBytes - baseline.rssBytes) / mb,
    serverHeapRetainedMb: (settled.heapUsedBytes - baseline.heapUsedBytes) / mb,
    serverCpuUsPerStream: (after.cpuUs - baseline.cpuUs) / streams,
    clientRssGrowthMb: (clientPeak - clientBaseline) / mb,
    deliveredDeltas: totals.received,
    expectedDeltas: streams * STREAM_DELTAS,
    lostDeltas: totals.lost,
    outOfOrderDeltas: totals.outOfOrder,
    strayOrRepeatedDeltas: totals.strayOrRepeated,
    failedStreams: totals.failedStreams,
    msPerBurst: elapsedMs / task.iterations,
  };
}

/** Cold start: the import, then construction and the first response (no warm-up: this process is fresh). */
async function measureColdStart(task: WorkerTask): Promise<WorkerResult['figures']> {
  const mb = 1024 * 1024;
  const rssBefore = process.memoryUsage.rss();
  const importStarted = performance.now();
  const loaded = await loadImplementation(task.implementation, task);
  const importMs = performance.now() - importStarted;
  const rssAfterImport = process.memoryUsage.rss();
  const driver = createDriver(loaded, task.target);
  const reply = await driver.chat(CHAT_PROMPT, CHAT_MAX_TOKENS);
  // `performance.now()` counts from the process's start (`performance.timeOrigin`).
  const firstResponseMs = performance.now();
  check(reply === `You said: ${CHAT_PROMPT}`, 'the first reply is the echo of the prompt');
  const rssAfterFirstResponse = process.memoryUsage.rss();
  await driver.close();
  return {
    importMs,
    importRssMb: (rssAfterImport - rssBefore) / mb,
    rssAfterImportMb: rssAfterImport / mb,
    firstResponseMs,
    firstRequestMs: firstResponseMs - importStarted - importMs,
    rssAfterFirstResponseMb: rssAfterFirstResponse / mb,
  };
}

/** Requests in flight while measuring the emulator's throughput. */
const LOAD_CONCURRENCY = 32;

/**
 * The emulator's non-streaming throughput: one Converse request, signed once with SigV4 (the emulator verifies the
 * signature of every request; a signature stays valid for 5 minutes), replayed by {@link LOAD_CONCURRENCY} loops
 * over keep-alive HTTP/1.1 — a far lighter client than the SDK, so the emulator is the bottleneck.
 */
async function measureEmulatorLoad(task: WorkerTask): Promise<WorkerResult['figures']> {
  const [{ SignatureV4 }, { Sha256 }, { HttpRequest }, http] = await Promise.all([
    import('@smithy/signature-v4'),
    import('@smithy/core/checksum'),
    import('@smithy/core/protocols'),
    import('node:http'),
  ]);
  const url = new URL(task.target.url);
  const body = JSON.stringify({ messages: [{ role: 'user', content: [{ text: CHAT_PROMPT }] }], inferenceConfig: { maxTokens: CHAT_MAX_TOKENS } });
  const path = `/model/${encodeURIComponent(task.target.chatModel.modelId)}/converse`;
  const signer = new SignatureV4({ service: 'bedrock', region: task.target.region, credentials: task.target.credentials, sha256: Sha256 });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path,
      headers: { host: url.host, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body,
    }),
  );
  const agent = new http.Agent({ keepAlive: true, maxSockets: LOAD_CONCURRENCY });
  const send = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const request = http.request(
        { host: url.hostname, port: Number(url.port), method: 'POST', path, headers: signed.headers as Record<string, string>, agent },
        (response) => {
          response.on('data', () => undefined);
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  check((await send()) === 200, 'the signed Converse request is accepted');
  let counting = false;
  let completed = 0;
  let stopAt = performance.now() + task.warmup;
  const loop = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const status = await send();
      if (status !== 200) throw new Error(`the emulator answered ${status}`);
      if (counting) completed += 1;
    }
  };
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, loop));
  counting = true;
  const started = performance.now();
  stopAt = started + task.iterations;
  await Promise.all(Array.from({ length: LOAD_CONCURRENCY }, loop));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { requestsPerSecond: (completed * 1000) / elapsedMs, requests: completed };
}

/** One small call of each kind, so `run.ts` can compare what the emulator received from each implementation. */
async function sendEquivalenceCalls(driver: Driver): Promise<WorkerResult['figures']> {
  await driver.chat(CHAT_PROMPT, CHAT_MAX_TOKENS);
  const deltas = await driver.stream('one two three four five six seven', 64, () => undefined);
  await driver.embedTitan(['first text', 'second text'], EMBEDDING_CONCURRENCY);
  await driver.embedCohere(['first text', 'second text'], EMBEDDING_CONCURRENCY);
  return { streamDeltas: deltas };
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '') as WorkerTask;
  let figures: WorkerResult['figures'];
  if (task.scenario === 'cold') {
    figures = await measureColdStart(task);
  } else if (task.scenario === 'emulator-load') {
    figures = await measureEmulatorLoad(task);
  } else {
    const driver = createDriver(await loadImplementation(task.implementation, task), task.target);
    switch (task.scenario) {
      case 'chat':
        figures = await measureChat(driver, task);
        break;
      case 'stream':
        figures = await measureStream(driver, task);
        break;
      case 'embed-titan':
        figures = await measureEmbeddings(driver, task, 'titan');
        break;
      case 'embed-cohere':
        figures = await measureEmbeddings(driver, task, 'cohere');
        break;
      case 'streams100':
        figures = await measureConcurrentStreams(driver, task);
        break;
      case 'streams1000':
        figures = await measureServerStreams(driver, task);
        break;
      case 'equivalence':
        figures = await sendEquivalenceCalls(driver);
        break;
      default:
        throw new Error(`unknown scenario ${String(task.scenario)}`);
    }
    await driver.close();
  }
  const measuredUnits =
    task.scenario === 'embed-titan' ? TITAN_TEXTS * task.iterations : task.scenario === 'embed-cohere' ? COHERE_TEXTS * task.iterations : task.iterations;
  const result: WorkerResult = { scenario: task.scenario, implementation: task.implementation, figures, notes: { measuredUnits } };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

// Run as a process (`node worker.mjs '<task>'`), not when a test imports the pure helpers above.
if (process.argv[1]?.endsWith('worker.mjs') === true) void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
