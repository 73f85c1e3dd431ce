/**
 * `npm run bench`: our `Client` against the raw `BedrockRuntimeClient`, side by side, on one emulator.
 *
 * 1. Builds the package (`dist/`, what users import) and compiles the child entry points (`bench/compile.ts`).
 * 2. Starts the emulator in its own process (pinned to core 0), a few times first to time its start-up.
 * 3. Checks that the implementations send the emulator the same requests (`equivalence`).
 * 4. Measures the emulator's non-streaming throughput.
 * 5. For every scenario × repetition × implementation, runs one fresh `node` process (pinned to core 1 with
 *    `taskset` where it exists) that warms up, measures and prints one JSON line (`bench/worker.ts`).
 * 6. Prints a Markdown table (medians, min–max, ratio to the raw SDK, targets) to stdout, writes every figure as
 *    JSON to `bench/results/latest.json`, and (full runs) the table into `BENCHMARKS.md`.
 * 7. Runs the quota scenarios (`bench/quota.ts`: `quota-embed`, `quota-chat`, `quota-shared`), ours against the SDK's
 *    adaptive retry mode, and prints their table (written to BENCHMARKS.md's quota section when all three ran in
 *    full).
 *
 * The `openai` package is measured through our two doors (issue 16): `openai-fetch` (our in-process
 * `createBedrockFetch()`) and `openai-server` (`startServer()` in its own process, `bench/server-process.ts`, which
 * the worker starts on the emulator's core), in the chat and stream scenarios against `ours`, and alone in
 * `streams1000` (1,000 concurrent streams through the server: its RSS growth, every delta checked in place), and
 * alone against replayed replies (`openai-replay`: the package's own cost, to tell it from our door's), and our
 * `createBedrockFetch()` called directly without the package (`fetch-direct`: our door's own cost).
 *
 * Options: `--quick` (fewer repetitions and iterations, for development; never written to BENCHMARKS.md),
 * `--only chat,stream,…` (scenarios, `equivalence`, `emulator-load` and the `quota-*` ones included; `batch-embed` runs bench/batch.ts:
 * 100,000 embedding records in one batch job, client peak RSS growth and records/s), `--implementations ours,raw,openai-fetch,…`,
 * `--profile` (CPU profiles of the measured loops of ours and raw instead of figures; writes bench/results/profiles/),
 * `--ours-module <path to an index.js>` (measure another build of ours, e.g. a candidate fix, against the same raw),
 * `--skip-build`, `--skip-write`, `--json <path>`, `--render <results JSON>` (print a saved run's table again).
 * Only a full run of everything updates BENCHMARKS.md.
 */
import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { compileEntryPoints } from './compile.js';
import { formatProfile, formatProfileDifference, type ProfileSummary, summarizeProfile } from './profile.js';
import {
  type EmulatorReady,
  IMPLEMENTATIONS,
  type Implementation,
  OPENAI_IMPLEMENTATIONS,
  OPENAI_SCENARIOS,
  RESPONSES_SCENARIOS,
  type Scenario,
  type Target,
  type WorkerResult,
  type WorkerTask,
} from './protocol.js';
import { QUOTA_SCENARIOS, type QuotaRow, renderQuotaMarkdown, runQuotaScenarios } from './quota.js';
import { formatNumber, formatSummary, orderFor, pairedDifferences, pairedRatios, ratioOf, type Summary, summarize } from './stats.js';

const BENCH_DIRECTORY = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH_DIRECTORY, '..');
const RESULTS_DIRECTORY = join(BENCH_DIRECTORY, 'results');
const BUILD_DIRECTORY = join(RESULTS_DIRECTORY, 'build');
const PROFILE_DIRECTORY = join(RESULTS_DIRECTORY, 'profiles');
const BENCHMARKS_FILE = join(ROOT, 'BENCHMARKS.md');
const TABLE_START = '<!-- bench:table:start -->';
const TABLE_END = '<!-- bench:table:end -->';
const QUOTA_START = '<!-- bench:quota:start -->';
const QUOTA_END = '<!-- bench:quota:end -->';

/** Warm-up and measured counts of one scenario (calls, streams, rounds or milliseconds: see `WorkerTask`). */
interface Plan {
  warmup: number;
  iterations: number;
  repetitions: number;
}

interface Settings {
  quick: boolean;
  plans: Record<Exclude<Scenario, 'equivalence'>, Plan>;
  emulatorStarts: number;
}

const FULL: Settings = {
  quick: false,
  plans: {
    // Client CPU per call keeps falling for ~2,000 calls: warm up past that.
    // Nine repetitions for the CPU figures with 5 % targets: on a shared VM one process in five can run 20 % slow.
    chat: { warmup: 2500, iterations: 2000, repetitions: 9 },
    stream: { warmup: 40, iterations: 30, repetitions: 7 },
    'embed-titan': { warmup: 3, iterations: 3, repetitions: 9 },
    'embed-cohere': { warmup: 2, iterations: 2, repetitions: 7 },
    // Sequential streams before the baseline, then bursts of 100 concurrent streams (see `measureConcurrentStreams`).
    streams100: { warmup: 5, iterations: 4, repetitions: 5 },
    // Sequential streams through the server, then bursts of 1,000 concurrent streams (see `measureServerStreams`).
    streams1000: { warmup: 10, iterations: 2, repetitions: 5 },
    cold: { warmup: 0, iterations: 1, repetitions: 10 },
    'emulator-load': { warmup: 1000, iterations: 2000, repetitions: 5 },
  },
  emulatorStarts: 5,
};

const QUICK: Settings = {
  quick: true,
  plans: {
    chat: { warmup: 300, iterations: 300, repetitions: 3 },
    stream: { warmup: 5, iterations: 5, repetitions: 3 },
    'embed-titan': { warmup: 1, iterations: 1, repetitions: 3 },
    'embed-cohere': { warmup: 1, iterations: 1, repetitions: 3 },
    streams100: { warmup: 5, iterations: 2, repetitions: 3 },
    streams1000: { warmup: 5, iterations: 1, repetitions: 2 },
    cold: { warmup: 0, iterations: 1, repetitions: 3 },
    'emulator-load': { warmup: 300, iterations: 700, repetitions: 3 },
  },
  emulatorStarts: 2,
};

/** Client scenarios in the order they run (and appear). */
const CLIENT_SCENARIOS = ['chat', 'stream', 'embed-titan', 'embed-cohere', 'streams100', 'streams1000', 'cold'] as const;
type ClientScenario = (typeof CLIENT_SCENARIOS)[number];

/** Every implementation a default run measures. */
const ALL_IMPLEMENTATIONS: readonly Implementation[] = [...IMPLEMENTATIONS, 'ours-responses', ...OPENAI_IMPLEMENTATIONS, 'openai-replay', 'fetch-direct'];

/** Whether `implementation` runs `scenario`: `streams1000` is the server's alone; the others run theirs. */
function runsIn(implementation: Implementation, scenario: ClientScenario): boolean {
  if (scenario === 'streams1000') return implementation === 'openai-server';
  if (implementation === 'ours-responses' || implementation === 'openai-replay' || implementation === 'fetch-direct') return RESPONSES_SCENARIOS.includes(scenario);
  if (implementation === 'openai-fetch' || implementation === 'openai-server') return OPENAI_SCENARIOS.includes(scenario);
  return true;
}

interface Row {
  scenario: ClientScenario;
  figure: string;
  label: string;
  /** The ratio ours / raw (or `versus[0]` / `versus[1]`) must not exceed. */
  target?: number;
  /** The implementations compared, when not ours against raw. */
  versus?: readonly [Implementation, Implementation];
}

const ROWS: readonly Row[] = [
  { scenario: 'chat', figure: 'cpuUsPerRequest', label: 'Chat, sequential: client CPU per request (µs)', target: 1.05 },
  { scenario: 'chat', figure: 'requestsPerSecond', label: 'Chat, sequential: requests/s' },
  { scenario: 'stream', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs)', target: 1.1 },
  { scenario: 'stream', figure: 'ttftMs', label: 'Stream of 1,000 deltas: time to first token (ms)', target: 1.05 },
  { scenario: 'stream', figure: 'streamMs', label: 'Stream of 1,000 deltas: time to last token (ms)' },
  { scenario: 'embed-titan', figure: 'cpuUsPerText', label: 'Titan V2, 1,000 texts at concurrency 16: client CPU per text (µs)', target: 1.05 },
  { scenario: 'embed-titan', figure: 'textsPerSecond', label: 'Titan V2, 1,000 texts at concurrency 16: texts/s' },
  { scenario: 'embed-cohere', figure: 'cpuUsPerText', label: 'Cohere v3, 10,000 texts in batches of 96: client CPU per text (µs)', target: 1.05 },
  { scenario: 'embed-cohere', figure: 'textsPerSecond', label: 'Cohere v3, 10,000 texts in batches of 96: texts/s' },
  { scenario: 'cold', figure: 'importMs', label: 'Cold start: `import()` (ms)', target: 0.5 },
  { scenario: 'cold', figure: 'importRssMb', label: 'Cold start: RSS added by the import (MB)' },
  { scenario: 'cold', figure: 'firstResponseMs', label: 'Cold start: process start → first response (ms)' },
  { scenario: 'cold', figure: 'rssAfterFirstResponseMb', label: 'Cold start: RSS after the first response (MB)' },
  { scenario: 'streams100', figure: 'peakRssMb', label: '100 concurrent streams, repeated bursts: peak RSS (MB)' },
  { scenario: 'streams100', figure: 'rssGrowthMb', label: '100 concurrent streams, repeated bursts: RSS growth, idle → peak (MB)', target: 1.2 },
  { scenario: 'streams100', figure: 'firstBurstGrowthMb', label: '100 concurrent streams: RSS growth in the first burst (MB)' },
];

/** Our Responses API against our chat completions, same workloads. */
const RESPONSES_ROWS: readonly Row[] = [
  { scenario: 'chat', figure: 'cpuUsPerRequest', label: 'Non-streaming call: client CPU per call (µs)', target: 1.1, versus: ['ours-responses', 'ours'] },
  { scenario: 'stream', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs)', target: 1.1, versus: ['ours-responses', 'ours'] },
  { scenario: 'stream', figure: 'ttftMs', label: 'Stream of 1,000 deltas: time to first token (ms)', versus: ['ours-responses', 'ours'] },
];

/**
 * The `openai` package through our doors (issue 16). `ratio`: numerator / denominator, paired per repetition;
 * `difference`: numerator − denominator, paired; `value`: the numerator's own figure, judged on its largest
 * repetition. `denominatorFigure` when the compared figure has another name (server CPU against client CPU);
 * `subtrahend`: a ratio of (numerator − subtrahend) / denominator, e.g. what a door adds to the `openai` package's own
 * cost, over ours (1× would be a door that costs no more than calling our `Client`).
 */
interface OpenAIRow {
  scenario: ClientScenario;
  kind: 'ratio' | 'difference' | 'value';
  figure: string;
  label: string;
  numerator: Implementation;
  denominator?: Implementation;
  denominatorFigure?: string;
  subtrahend?: Implementation;
  target?: number;
  unit?: string;
}

const OPENAI_ROWS: readonly OpenAIRow[] = [
  { scenario: 'chat', kind: 'ratio', figure: 'cpuUsPerRequest', label: 'Chat: client CPU per call (µs), `openai` via `createBedrockFetch()`', numerator: 'openai-fetch', denominator: 'ours', target: 1.25 },
  { scenario: 'chat', kind: 'ratio', figure: 'cpuUsPerRequest', label: 'Chat: client CPU per call (µs), the `openai` package alone (replayed replies)', numerator: 'openai-replay', denominator: 'ours' },
  { scenario: 'chat', kind: 'ratio', figure: 'cpuUsPerRequest', label: 'Chat: client CPU per call, `createBedrockFetch()` path minus the `openai` package alone, over ours', numerator: 'openai-fetch', subtrahend: 'openai-replay', denominator: 'ours' },
  { scenario: 'chat', kind: 'ratio', figure: 'cpuUsPerRequest', label: 'Chat: client CPU per call (µs), our `createBedrockFetch()` called directly (no `openai` package)', numerator: 'fetch-direct', denominator: 'ours' },
  { scenario: 'chat', kind: 'ratio', figure: 'cpuUsPerRequest', label: 'Chat: client CPU per call (µs), `openai` via the server (the `openai` package and its HTTP client)', numerator: 'openai-server', denominator: 'ours' },
  { scenario: 'chat', kind: 'ratio', figure: 'serverCpuUsPerRequest', denominatorFigure: 'cpuUsPerRequest', label: 'Chat: server CPU per request (µs), against our client CPU per call', numerator: 'openai-server', denominator: 'ours' },
  { scenario: 'chat', kind: 'difference', figure: 'p50Ms', label: 'Chat: p50 latency (ms), server on loopback − in-process fetch (what the server adds)', numerator: 'openai-server', denominator: 'openai-fetch', target: 1, unit: 'ms' },
  { scenario: 'chat', kind: 'difference', figure: 'p50Ms', label: 'Chat: p50 latency (ms), `openai` via the server − ours called directly', numerator: 'openai-server', denominator: 'ours', unit: 'ms' },
  { scenario: 'chat', kind: 'difference', figure: 'p50Ms', label: 'Chat: p50 latency (ms), `openai` via `createBedrockFetch()` − ours', numerator: 'openai-fetch', denominator: 'ours', unit: 'ms' },
  { scenario: 'stream', kind: 'ratio', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs), `openai` via `createBedrockFetch()`', numerator: 'openai-fetch', denominator: 'ours', target: 1.3 },
  { scenario: 'stream', kind: 'ratio', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs), the `openai` package alone (replayed stream)', numerator: 'openai-replay', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream, `createBedrockFetch()` path minus the `openai` package alone, over ours', numerator: 'openai-fetch', subtrahend: 'openai-replay', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs), our `createBedrockFetch()` read directly (no `openai` package; events parsed by `eventsource-parser`)', numerator: 'fetch-direct', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: client CPU per stream (µs), `openai` via the server (the `openai` package and its HTTP client)', numerator: 'openai-server', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'serverCpuUsPerStream', denominatorFigure: 'cpuUsPerStream', label: 'Stream of 1,000 deltas: server CPU per stream (µs), against our client CPU per stream', numerator: 'openai-server', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'ttftMs', label: 'Stream of 1,000 deltas: time to first token (ms), `openai` via `createBedrockFetch()`', numerator: 'openai-fetch', denominator: 'ours' },
  { scenario: 'stream', kind: 'ratio', figure: 'ttftMs', label: 'Stream of 1,000 deltas: time to first token (ms), `openai` via the server', numerator: 'openai-server', denominator: 'ours' },
  { scenario: 'stream', kind: 'difference', figure: 'ttftMs', label: 'Stream of 1,000 deltas: time to first token (ms), server − in-process fetch', numerator: 'openai-server', denominator: 'openai-fetch', unit: 'ms' },
  { scenario: 'streams1000', kind: 'value', figure: 'serverRssGrowthMb', label: '1,000 concurrent streams through the server: server RSS growth, idle → peak (MB)', numerator: 'openai-server', target: 150, unit: 'MB' },
  { scenario: 'streams1000', kind: 'value', figure: 'serverRetainedMb', label: '1,000 concurrent streams: server RSS after the bursts, collected, over its baseline (MB)', numerator: 'openai-server' },
  { scenario: 'streams1000', kind: 'value', figure: 'serverHeapRetainedMb', label: '1,000 concurrent streams: server V8 heap after the bursts, collected, over its baseline (MB)', numerator: 'openai-server' },
  { scenario: 'streams1000', kind: 'value', figure: 'lostDeltas', label: '1,000 concurrent streams: deltas lost', numerator: 'openai-server', target: 0 },
  { scenario: 'streams1000', kind: 'value', figure: 'outOfOrderDeltas', label: '1,000 concurrent streams: deltas out of order', numerator: 'openai-server', target: 0 },
  { scenario: 'streams1000', kind: 'value', figure: 'strayOrRepeatedDeltas', label: "1,000 concurrent streams: deltas repeated or not the stream's", numerator: 'openai-server', target: 0 },
  { scenario: 'streams1000', kind: 'value', figure: 'failedStreams', label: '1,000 concurrent streams: streams failed', numerator: 'openai-server', target: 0 },
  { scenario: 'streams1000', kind: 'value', figure: 'deliveredDeltas', label: '1,000 concurrent streams: deltas delivered, 2 bursts (1,000,000 expected per burst)', numerator: 'openai-server' },
  { scenario: 'streams1000', kind: 'value', figure: 'serverCpuUsPerStream', label: '1,000 concurrent streams: server CPU per stream (µs)', numerator: 'openai-server' },
  { scenario: 'streams1000', kind: 'value', figure: 'clientRssGrowthMb', label: '1,000 concurrent streams: client (`openai`) RSS growth (MB)', numerator: 'openai-server' },
  { scenario: 'streams1000', kind: 'value', figure: 'msPerBurst', label: '1,000 concurrent streams: time per burst (ms)', numerator: 'openai-server' },
];

interface Machine {
  cpuModel: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  sdkVersion: string;
  openaiVersion: string;
  packageVersion: string;
  pinning: string;
}

interface EmulatorFigures {
  startup: Record<'importMs' | 'startMs' | 'spawnToReadyMs', Summary>;
  load?: { requestsPerSecond: Summary; cpuUsPerRequest: Summary };
}

interface EquivalenceReport {
  /** Operations whose request bodies differ between `ours` and `raw` (empty: identical). */
  differences: string[];
  /** HTTP version each implementation checked used. */
  httpVersions: Partial<Record<Implementation, string[]>>;
}

interface Results {
  mode: 'full' | 'quick';
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  emulator: EmulatorFigures;
  equivalence: EquivalenceReport | undefined;
  scenarios: Partial<Record<ClientScenario, Partial<Record<Implementation, Record<string, Summary>>>>>;
  /** `ratio`: of the medians; `pairedRatio`: the median of the per-repetition ratios, on which `met` is judged. */
  targets: Array<{ figure: string; ratio: number; pairedRatio: number; target: number; met: boolean }>;
  quota: QuotaRow[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

function describeMachine(pinned: boolean): Machine {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  return {
    cpuModel,
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sdkVersion: String(readJson(join(ROOT, 'node_modules/@aws-sdk/client-bedrock-runtime/package.json'))['version']),
    openaiVersion: String(readJson(join(ROOT, 'node_modules/openai/package.json'))['version']),
    packageVersion: String(readJson(join(ROOT, 'package.json'))['version']),
    pinning: pinned ? 'emulator on core 0, each measured process on core 1 (taskset)' : 'none (taskset missing or one core)',
  };
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The environment of every child: no AWS settings from this shell, no loader hooks, no instance metadata. */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('AWS_') || name.startsWith('BEDROCK_OPENAI') || name === 'NODE_OPTIONS' || name.startsWith('TSX')) continue;
    env[name] = value;
  }
  env['AWS_EC2_METADATA_DISABLED'] = 'true';
  const missing = join(RESULTS_DIRECTORY, 'no-aws-config');
  env['AWS_CONFIG_FILE'] = missing;
  env['AWS_SHARED_CREDENTIALS_FILE'] = missing;
  return env;
}

class Runner {
  readonly #pinned: boolean;
  readonly #env = childEnvironment();

  constructor(pinned: boolean) {
    this.#pinned = pinned;
  }

  get pinned(): boolean {
    return this.#pinned;
  }

  /** `node <flags> <script> <args>`, pinned to `core` when pinning is on. */
  command(core: number, nodeFlags: readonly string[], script: string, args: readonly string[]): [string, string[]] {
    const nodeArgs = [...nodeFlags, script, ...args];
    return this.#pinned ? ['taskset', ['-c', String(core), process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  }

  spawn(core: number, nodeFlags: readonly string[], script: string, args: readonly string[]): ChildProcessWithoutNullStreams {
    const [file, args2] = this.command(core, nodeFlags, script, args);
    return spawn(file, args2, { cwd: ROOT, env: this.#env, stdio: 'pipe' });
  }

  /** Runs a process to its end; resolves with its stdout. */
  run(core: number, nodeFlags: readonly string[], script: string, args: readonly string[]): Promise<string> {
    return new Promise((resolvePromise, reject) => {
      const child = this.spawn(core, nodeFlags, script, args);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolvePromise(stdout);
        else reject(new Error(`${relative(ROOT, script)} exited with ${code}: ${stderr.trim() || stdout.trim()}`));
      });
    });
  }
}

/** Reads a child's stdout line by line. */
class LineReader {
  readonly #lines: string[] = [];
  readonly #waiting: Array<(line: string) => void> = [];
  #buffer = '';

  constructor(child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      this.#buffer += text;
      let newline: number;
      while ((newline = this.#buffer.indexOf('\n')) >= 0) {
        const line = this.#buffer.slice(0, newline);
        this.#buffer = this.#buffer.slice(newline + 1);
        const waiter = this.#waiting.shift();
        if (waiter !== undefined) waiter(line);
        else this.#lines.push(line);
      }
    });
  }

  next(timeoutMs = 30_000): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error('no answer from the emulator process')), timeoutMs);
      this.#waiting.push((next) => {
        clearTimeout(timer);
        resolvePromise(next);
      });
    });
  }
}

/** What the emulator process answers to `stats`. */
interface EmulatorStats {
  cpuUs: number;
  rssBytes: number;
  counts: Record<string, number>;
}

interface RunningEmulator {
  ready: EmulatorReady;
  spawnToReadyMs: number;
  stats(): Promise<EmulatorStats>;
  stop(): Promise<void>;
}

async function startEmulatorProcess(runner: Runner, script: string): Promise<RunningEmulator> {
  const spawned = performance.now();
  const child = runner.spawn(0, [], script, []);
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = new Promise<void>((resolvePromise) => child.on('close', () => resolvePromise()));
  const lines = new LineReader(child);
  let ready: EmulatorReady;
  try {
    ready = JSON.parse(await lines.next()) as EmulatorReady;
  } catch (error) {
    child.kill();
    throw new Error(`the emulator did not start: ${stderr.trim() || String(error)}`);
  }
  const spawnToReadyMs = performance.now() - spawned;
  return {
    ready,
    spawnToReadyMs,
    async stats() {
      child.stdin.write('stats\n');
      return JSON.parse(await lines.next()) as EmulatorStats;
    },
    async stop() {
      child.stdin.end();
      await exited;
    },
  };
}

async function buildPackage(): Promise<void> {
  log('Building dist/ (tsc -p tsconfig.build.json, then scripts/bundle.mjs: what `npm run build` does)…');
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    // tsc still emits when types are wrong; the bench runs on what was emitted, but says so.
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    log(`warning: the build reported type errors (dist/ was still emitted):\n${output.split('\n').slice(0, 10).join('\n')}`);
  }
  execFileSync(process.execPath, [join(ROOT, 'scripts/bundle.mjs')], { cwd: ROOT, stdio: 'pipe' });
  if (!existsSync(join(ROOT, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing after the build.');
}

/** What `Client` sends for each alias, so the raw client sends the very same model IDs. */
async function resolveTarget(ready: EmulatorReady, oursModule: string): Promise<Target> {
  const ours = (await import(pathToFileURL(join(ROOT, 'dist/src/index.js')).href)) as typeof import('../src/index.js');
  const resolveFor = (alias: string): ReturnType<typeof ours.resolveModel> => ours.resolveModel(alias, { region: ready.region, crossRegion: 'auto' });
  const chat = resolveFor('nova-lite');
  const titan = resolveFor('titan-embed-text-v2');
  const cohere = resolveFor('embed-english');
  const titanFacts = titan.entry?.embedding;
  const cohereFacts = cohere.entry?.embedding;
  if (titanFacts === undefined || cohereFacts === undefined) throw new Error('the catalog has no embedding facts for Titan V2 or Cohere v3');
  return {
    oursModule,
    url: ready.url,
    region: ready.region,
    credentials: ready.credentials,
    chatModel: { alias: 'nova-lite', modelId: chat.modelId },
    titanModel: { alias: 'titan-embed-text-v2', modelId: titan.modelId, dimensions: titanFacts.defaultDimensions },
    cohereModel: { alias: 'embed-english', modelId: cohere.modelId, batchSize: cohereFacts.batchSize },
  };
}

function parseResult(stdout: string): WorkerResult {
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as WorkerResult;
}

async function runWorker(runner: Runner, worker: string, task: WorkerTask): Promise<WorkerResult> {
  const flags = task.scenario === 'streams100' || task.scenario === 'streams1000' ? ['--expose-gc'] : [];
  return parseResult(await runner.run(1, flags, worker, [JSON.stringify(task)]));
}

/**
 * The task of one measurement. `openai-server` workers start the server process themselves, with this command:
 * pinned to the emulator's core (0), so the measured client keeps core 1 to itself and the server's CPU is read
 * from its own process.
 */
function taskFor(runner: Runner, serverScript: string, task: WorkerTask): WorkerTask {
  if (task.implementation !== 'openai-server') return task;
  const [file, args] = runner.command(0, ['--expose-gc'], serverScript, []);
  return { ...task, serverCommand: { file, args } };
}

interface RecordedRequest {
  operation?: string;
  modelId?: string;
  httpVersion: string;
  body?: unknown;
}

/** Sends one small call of each kind through each implementation and compares what the emulator received. */
async function checkEquivalence(runner: Runner, worker: string, serverScript: string, target: Target, checked: readonly Implementation[]): Promise<EquivalenceReport> {
  const received = {} as Record<Implementation, RecordedRequest[]>;
  for (const implementation of checked) {
    await fetch(`${target.url}/__emulator/requests`, { method: 'DELETE' });
    await runWorker(runner, worker, taskFor(runner, serverScript, { scenario: 'equivalence', implementation, target, warmup: 0, iterations: 1 }));
    const recorded = (await (await fetch(`${target.url}/__emulator/requests`)).json()) as { requests: RecordedRequest[] };
    received[implementation] = recorded.requests;
  }
  const canonical = (request: RecordedRequest): string => JSON.stringify({ operation: request.operation, modelId: request.modelId, body: sortKeys(request.body) });
  const byOperation = (requests: RecordedRequest[]): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const request of requests) {
      const key = request.operation ?? 'other';
      map.set(key, [...(map.get(key) ?? []), canonical(request)].sort());
    }
    return map;
  };
  const differences: string[] = [];
  const reference = byOperation(received.raw);
  for (const implementation of checked) {
    if (implementation === 'raw') continue;
    const other = byOperation(received[implementation]);
    for (const operation of new Set([...reference.keys(), ...other.keys()])) {
      if (JSON.stringify(reference.get(operation)) !== JSON.stringify(other.get(operation))) {
        differences.push(`${implementation} vs raw, ${operation}: ${JSON.stringify(other.get(operation))?.slice(0, 400)} ≠ ${JSON.stringify(reference.get(operation))?.slice(0, 400)}`);
      }
    }
  }
  const httpVersions: EquivalenceReport['httpVersions'] = {};
  for (const implementation of checked) httpVersions[implementation] = [...new Set(received[implementation].map((request) => request.httpVersion))];
  return { differences, httpVersions };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}

function summarizeFigures(results: readonly WorkerResult[]): Record<string, Summary> {
  const figures: Record<string, number[]> = {};
  for (const result of results) for (const [name, value] of Object.entries(result.figures)) (figures[name] ??= []).push(value);
  return Object.fromEntries(Object.entries(figures).map(([name, values]) => [name, summarize(values)]));
}

/** One row's figures for ours and raw, the ratio of their medians and the paired per-repetition ratios. */
function compareRow(results: Results, row: Row): { ours: Summary | undefined; raw: Summary | undefined; ratio: number; paired: Summary | undefined } {
  const scenario = results.scenarios[row.scenario];
  const [numerator, denominator] = row.versus ?? ['ours', 'raw'];
  const ours = scenario?.[numerator]?.[row.figure];
  const raw = scenario?.[denominator]?.[row.figure];
  return { ours, raw, ratio: ratioOf(ours, raw), paired: pairedRatios(ours?.values ?? [], raw?.values ?? []) };
}

function renderMarkdown(results: Results): string {
  const machine = results.machine;
  const lines: string[] = [];
  lines.push(
    `Run ${results.startedAt} (${results.mode}, ${Math.round(results.durationSeconds)} s) on ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}; ` +
      `Node ${machine.node}; @aws-sdk/client-bedrock-runtime ${machine.sdkVersion}; bedrock-openai ${machine.packageVersion}; pinning: ${machine.pinning}.`,
  );
  lines.push('');
  lines.push(
    'Each cell: median (min–max) over the repetitions, one fresh process each. Ratio: ours / raw (keep-alive) of the medians. ' +
      'Paired: the median (min–max) of ours / raw within each repetition (two processes run one after the other); the target is judged on it.',
  );
  lines.push('');
  const mainRows = ROWS.filter((row) => results.scenarios[row.scenario]?.ours !== undefined || results.scenarios[row.scenario]?.raw !== undefined);
  if (mainRows.length > 0) {
    lines.push('| Figure | ours | raw SDK, same keep-alive handler | ratio | paired ratio | target | raw SDK, default transport |');
    lines.push('|---|---:|---:|---:|---:|---|---:|');
  }
  for (const row of mainRows) {
    const scenario = results.scenarios[row.scenario] ?? {};
    const { ours, raw, ratio, paired } = compareRow(results, row);
    const judged = paired?.median ?? Number.NaN;
    const target = row.target === undefined ? '' : `≤ ${row.target}× ${Number.isFinite(judged) ? (judged <= row.target ? '✅' : '❌') : ''}`;
    const repetitions = ours?.repetitions ?? 0;
    const pairedCell = paired === undefined ? '–' : `${paired.median.toFixed(2)}× (${paired.min.toFixed(2)}–${paired.max.toFixed(2)})`;
    lines.push(
      `| ${row.label} ×${repetitions} | ${formatSummary(ours)} | ${formatSummary(raw)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'} | ${pairedCell} | ${target} | ${formatSummary(scenario['raw-default']?.[row.figure])} |`,
    );
  }
  const responsesRows = RESPONSES_ROWS.filter((row) => results.scenarios[row.scenario]?.['ours-responses'] !== undefined);
  if (responsesRows.length > 0) {
    lines.push('');
    lines.push('| Responses API vs chat completions (both ours) | responses | chat | ratio | paired ratio | target |');
    lines.push('|---|---:|---:|---:|---:|---|');
    for (const row of responsesRows) {
      const { ours, raw, ratio, paired } = compareRow(results, row);
      const judged = paired?.median ?? Number.NaN;
      const target = row.target === undefined ? '' : `≤ ${row.target}× ${Number.isFinite(judged) ? (judged <= row.target ? '✅' : '❌') : ''}`;
      const pairedCell = paired === undefined ? '–' : `${paired.median.toFixed(2)}× (${paired.min.toFixed(2)}–${paired.max.toFixed(2)})`;
      lines.push(`| ${row.label} ×${ours?.repetitions ?? 0} | ${formatSummary(ours)} | ${formatSummary(raw)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : '–'} | ${pairedCell} | ${target} |`);
    }
  }
  const openaiRows = OPENAI_ROWS.filter((row) => results.scenarios[row.scenario]?.[row.numerator]?.[row.figure] !== undefined);
  if (openaiRows.length > 0) {
    lines.push('');
    lines.push(
      `The official \`openai\` package (${results.machine.openaiVersion}) through our doors, against our \`Client\` called directly (ours). ` +
        'Ratio and difference: of the medians; paired: within each repetition, the target judged on their median; a value with a target is judged on its largest repetition.',
    );
    lines.push('');
    lines.push('| `openai` package through our doors | measured | compared with | ratio or difference | paired | target |');
    lines.push('|---|---:|---:|---:|---:|---|');
    for (const row of openaiRows) lines.push(renderOpenAIRow(results, row));
  }
  const emulator = results.emulator;
  lines.push('');
  lines.push('| Emulator | median (min–max) | target |');
  lines.push('|---|---:|---|');
  const startup = emulator.startup;
  lines.push(`| \`startEmulator()\` until listening (ms) ×${startup.startMs.repetitions} | ${formatSummary(startup.startMs)} | < 200 ms ${startup.startMs.median < 200 ? '✅' : '❌'} |`);
  lines.push(`| \`import('bedrock-openai/emulator')\` (ms) | ${formatSummary(startup.importMs)} | |`);
  lines.push(`| spawn of its process → ready (ms) | ${formatSummary(startup.spawnToReadyMs)} | |`);
  if (emulator.load !== undefined) {
    const load = emulator.load;
    lines.push(
      `| Non-streaming Converse (SigV4), requests/s ×${load.requestsPerSecond.repetitions} | ${formatSummary(load.requestsPerSecond)} | ≥ 1,000 ${load.requestsPerSecond.median >= 1000 ? '✅' : '❌'} |`,
    );
    lines.push(`| Emulator CPU per request (µs) | ${formatSummary(load.cpuUsPerRequest)} | |`);
  }
  if (results.equivalence !== undefined) {
    const equivalence = results.equivalence;
    lines.push('');
    lines.push(
      equivalence.differences.length === 0
        ? `Equivalence: the emulator received identical Converse, ConverseStream and InvokeModel requests from ${Object.keys(equivalence.httpVersions).join(', ')} (HTTP versions: ${Object.entries(equivalence.httpVersions).map(([implementation, versions]) => `${implementation} ${versions.join('/')}`).join(', ')}).`
        : `Equivalence: **requests differ** — ${equivalence.differences.join('; ')}`,
    );
  }
  return lines.join('\n');
}

/** One `openai` row's figures and verdict (`judged` NaN when there is nothing to judge). */
function compareOpenAIRow(results: Results, row: OpenAIRow): { measured: Summary | undefined; against: Summary | undefined; combined: number; paired: Summary | undefined; judged: number } {
  const scenario = results.scenarios[row.scenario];
  const measured = scenario?.[row.numerator]?.[row.figure];
  if (row.kind === 'value' || row.denominator === undefined) return { measured, against: undefined, combined: Number.NaN, paired: undefined, judged: measured?.max ?? Number.NaN };
  const against = scenario?.[row.denominator]?.[row.denominatorFigure ?? row.figure];
  if (row.subtrahend !== undefined) {
    // (numerator − subtrahend) / denominator, of the medians and paired; the measured cell shows the difference.
    const subtracted = scenario?.[row.subtrahend]?.[row.figure];
    const excess = measured === undefined || subtracted === undefined ? undefined : pairedDifferences(measured.values, subtracted.values);
    const combinedExcess = measured === undefined || subtracted === undefined || against === undefined ? Number.NaN : (measured.median - subtracted.median) / against.median;
    const paired = pairedRatios(excess?.values ?? [], against?.values ?? []);
    return { measured: excess, against, combined: combinedExcess, paired, judged: paired?.median ?? Number.NaN };
  }
  const combined = measured === undefined || against === undefined ? Number.NaN : row.kind === 'ratio' ? ratioOf(measured, against) : measured.median - against.median;
  const paired = row.kind === 'ratio' ? pairedRatios(measured?.values ?? [], against?.values ?? []) : pairedDifferences(measured?.values ?? [], against?.values ?? []);
  return { measured, against, combined, paired, judged: paired?.median ?? Number.NaN };
}

function renderOpenAIRow(results: Results, row: OpenAIRow): string {
  const { measured, against, combined, paired, judged } = compareOpenAIRow(results, row);
  const unit = row.unit === undefined ? '' : ` ${row.unit}`;
  const format = (value: number): string => (row.kind === 'ratio' ? `${value.toFixed(2)}×` : `${value >= 0 && row.kind === 'difference' ? '+' : ''}${formatNumber(value)}`);
  const target = row.target === undefined ? '' : `${row.kind === 'ratio' ? `≤ ${row.target}×` : row.target === 0 ? 'none' : `≤ ${formatNumber(row.target)}${unit}`} ${Number.isFinite(judged) ? (judged <= row.target ? '✅' : '❌') : ''}`;
  const againstCell = against === undefined ? '–' : `${formatSummary(against)} (${row.denominator})`;
  // Counts (deltas, streams) as whole numbers.
  const measuredCell =
    measured !== undefined && measured.values.every((value) => Number.isInteger(value))
      ? `${measured.median.toLocaleString('en-US')} (${measured.min.toLocaleString('en-US')}–${measured.max.toLocaleString('en-US')})`
      : formatSummary(measured);
  const pairedCell = paired === undefined ? '–' : `${format(paired.median)} (${format(paired.min)} – ${format(paired.max)})`;
  return `| ${row.label} ×${measured?.repetitions ?? 0} | ${measuredCell} | ${againstCell} | ${Number.isFinite(combined) ? format(combined) : '–'} | ${pairedCell} | ${target} |`;
}

function targetsOf(results: Results): Results['targets'] {
  const targets: Results['targets'] = [];
  for (const row of [...ROWS, ...RESPONSES_ROWS]) {
    if (row.target === undefined) continue;
    const { ratio, paired } = compareRow(results, row);
    if (paired !== undefined) {
      const figure = `${row.versus === undefined ? '' : `${row.versus[0]}/${row.versus[1]} `}${row.scenario}.${row.figure}`;
      targets.push({ figure, ratio, pairedRatio: paired.median, target: row.target, met: paired.median <= row.target });
    }
  }
  for (const row of OPENAI_ROWS) {
    if (row.target === undefined) continue;
    const { combined, judged } = compareOpenAIRow(results, row);
    if (!Number.isFinite(judged)) continue;
    const figure = `${row.numerator}${row.denominator === undefined ? '' : `/${row.denominator}`} ${row.scenario}.${row.figure} (${row.kind})`;
    targets.push({ figure, ratio: combined, pairedRatio: judged, target: row.target, met: judged <= row.target });
  }
  return targets;
}

function updateBenchmarksFile(table: string, startMarker = TABLE_START, endMarker = TABLE_END): boolean {
  if (!existsSync(BENCHMARKS_FILE)) return false;
  const text = readFileSync(BENCHMARKS_FILE, 'utf8');
  const start = text.indexOf(startMarker);
  const end = text.indexOf(endMarker);
  if (start < 0 || end < start) return false;
  writeFileSync(BENCHMARKS_FILE, `${text.slice(0, start + startMarker.length)}\n${table}\n${text.slice(end)}`);
  return true;
}

async function profileRun(
  runner: Runner,
  worker: string,
  serverScript: string,
  target: Target,
  settings: Settings,
  selected: (name: string) => boolean,
  implementations: readonly Implementation[],
): Promise<void> {
  mkdirSync(PROFILE_DIRECTORY, { recursive: true });
  const sections: string[] = [];
  const units = { chat: 'request', stream: 'stream', 'embed-titan': 'text', 'embed-cohere': 'text' } as const;
  for (const scenario of ['chat', 'stream', 'embed-titan', 'embed-cohere'] as const) {
    if (!selected(scenario)) continue;
    const plan = settings.plans[scenario];
    const summaries: Partial<Record<Implementation, ProfileSummary>> = {};
    let measuredUnits = plan.iterations;
    // Ours and raw always; the Responses API and the `openai` doors when they run this scenario and were asked for.
    const profiled = (['ours', 'raw', 'ours-responses', ...OPENAI_IMPLEMENTATIONS] as const).filter(
      (implementation) => implementation === 'ours' || implementation === 'raw' || (implementations.includes(implementation) && runsIn(implementation, scenario)),
    );
    for (const implementation of profiled) {
      const profilePath = join(PROFILE_DIRECTORY, `${scenario}-${implementation}.cpuprofile`);
      log(`profiling ${scenario} / ${implementation} → ${relative(ROOT, profilePath)}`);
      const task = taskFor(runner, serverScript, { scenario, implementation, target, warmup: plan.warmup, iterations: plan.iterations, profilePath });
      const result = await runWorker(runner, worker, task);
      measuredUnits = Number(result.notes?.['measuredUnits'] ?? plan.iterations);
      const summary = summarizeProfile(profilePath);
      summaries[implementation] = summary;
      sections.push(formatProfile(`${scenario}, ${implementation}`, summary));
    }
    if (summaries.ours !== undefined && summaries.raw !== undefined) sections.push(formatProfileDifference(scenario, summaries.ours, summaries.raw, measuredUnits, units[scenario]));
    const responses = summaries['ours-responses'];
    if (summaries.ours !== undefined && responses !== undefined) {
      sections.push(formatProfileDifference(`${scenario} (Responses API)`, responses, summaries.ours, measuredUnits, units[scenario]));
    }
  }
  const report = sections.join('\n');
  writeFileSync(join(PROFILE_DIRECTORY, 'summary.md'), report);
  process.stdout.write(`${report}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      profile: { type: 'boolean', default: false },
      'skip-build': { type: 'boolean', default: false },
      'skip-write': { type: 'boolean', default: false },
      json: { type: 'string' },
      implementations: { type: 'string' },
      'ours-module': { type: 'string' },
      render: { type: 'string' },
    },
    strict: true,
  });
  if (values.render !== undefined) {
    // Prints the table of a results file again (e.g. after a change of labels), measuring nothing.
    const saved = JSON.parse(readFileSync(values.render, 'utf8')) as Results;
    process.stdout.write(`${renderMarkdown(saved)}\n`);
    return;
  }
  const settings = values.quick ? QUICK : FULL;
  const implementations: readonly Implementation[] =
    values.implementations === undefined ? ALL_IMPLEMENTATIONS : ALL_IMPLEMENTATIONS.filter((name) => values.implementations?.split(',').includes(name));
  const only = values.only === undefined ? undefined : new Set(values.only.split(',').map((name) => name.trim()));
  const selected = (name: string): boolean => only === undefined || only.has(name);
  // `batch-embed` (bench/batch.ts) runs on its own, only when asked for: 100,000 records take minutes.
  if (only?.has('batch-embed') === true) {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const output = execFileSync(tsx, [join(BENCH_DIRECTORY, 'batch.ts')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    process.stdout.write(output);
    if (only.size === 1) return;
  }
  const startedAt = new Date();
  const clock = performance.now();
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });

  if (!values['skip-build']) await buildPackage();
  const scripts = compileEntryPoints(BENCH_DIRECTORY, BUILD_DIRECTORY);
  const worker = scripts['worker.ts'];
  const serverScript = scripts['server-process.ts'];
  const pinned = os.availableParallelism() >= 2 && hasTaskset();
  const runner = new Runner(pinned);
  const machine = describeMachine(pinned);
  log(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, SDK ${machine.sdkVersion}; pinning: ${machine.pinning}`);

  // Emulator start-up, in fresh processes.
  const startups: Array<{ importMs: number; startMs: number; spawnToReadyMs: number }> = [];
  for (let start = 0; start < settings.emulatorStarts; start += 1) {
    const emulator = await startEmulatorProcess(runner, scripts['emulator-process.ts']);
    startups.push({ importMs: emulator.ready.importMs, startMs: emulator.ready.startMs, spawnToReadyMs: emulator.spawnToReadyMs });
    await emulator.stop();
  }
  const emulator = await startEmulatorProcess(runner, scripts['emulator-process.ts']);
  const emulatorFigures: EmulatorFigures = {
    startup: {
      importMs: summarize(startups.map((startup) => startup.importMs)),
      startMs: summarize(startups.map((startup) => startup.startMs)),
      spawnToReadyMs: summarize(startups.map((startup) => startup.spawnToReadyMs)),
    },
  };
  try {
    const oursModule = values['ours-module'] === undefined ? 'bedrock-openai' : pathToFileURL(resolve(values['ours-module'])).href;
    const target = await resolveTarget(emulator.ready, oursModule);
    log(`emulator at ${target.url}; chat model ${target.chatModel.modelId}, ${target.titanModel.modelId}, ${target.cohereModel.modelId}`);

    if (values.profile) {
      await profileRun(runner, worker, serverScript, target, settings, selected, implementations);
      return;
    }

    const checked = [...IMPLEMENTATIONS, ...OPENAI_IMPLEMENTATIONS].filter((implementation) => implementation === 'raw' || implementations.includes(implementation));
    const equivalence = selected('equivalence') ? await checkEquivalence(runner, worker, serverScript, target, checked) : undefined;
    if (equivalence !== undefined && equivalence.differences.length > 0) log(`WARNING: requests differ:\n${equivalence.differences.join('\n')}`);

    if (selected('emulator-load')) {
      const plan = settings.plans['emulator-load'];
      const throughput: number[] = [];
      const cpuPerRequest: number[] = [];
      for (let repetition = 0; repetition < plan.repetitions; repetition += 1) {
        const before = await emulator.stats();
        const result = await runWorker(runner, worker, { scenario: 'emulator-load', implementation: 'raw', target, warmup: plan.warmup, iterations: plan.iterations });
        const after = await emulator.stats();
        const counts = (stats: EmulatorStats): number => Object.values(stats.counts).reduce((sum, count) => sum + count, 0);
        throughput.push(result.figures['requestsPerSecond'] as number);
        cpuPerRequest.push((after.cpuUs - before.cpuUs) / Math.max(1, counts(after) - counts(before)));
        log(`emulator-load ${repetition + 1}/${plan.repetitions}: ${formatNumber(result.figures['requestsPerSecond'] as number)} requests/s`);
      }
      emulatorFigures.load = { requestsPerSecond: summarize(throughput), cpuUsPerRequest: summarize(cpuPerRequest) };
    }

    const scenarios: Results['scenarios'] = {};
    for (const scenario of CLIENT_SCENARIOS) {
      if (!selected(scenario)) continue;
      const plan = settings.plans[scenario];
      const collected: Record<Implementation, WorkerResult[]> = { ours: [], raw: [], 'raw-default': [], 'ours-responses': [], 'openai-fetch': [], 'openai-server': [], 'openai-replay': [], 'fetch-direct': [] };
      const running = implementations.filter((implementation) => runsIn(implementation, scenario));
      if (running.length === 0) continue;
      for (let repetition = 0; repetition < plan.repetitions; repetition += 1) {
        // Interleaved, and in alternating order, so drift over the run affects every implementation alike.
        for (const implementation of orderFor(running, repetition)) {
          const result = await runWorker(runner, worker, taskFor(runner, serverScript, { scenario, implementation, target, warmup: plan.warmup, iterations: plan.iterations }));
          collected[implementation].push(result);
          const shown = Object.entries(result.figures)
            .map(([name, value]) => `${name} ${formatNumber(value)}`)
            .join(', ');
          log(`${scenario} ${repetition + 1}/${plan.repetitions} ${implementation}: ${shown}`);
        }
      }
      const summaries: Partial<Record<Implementation, Record<string, Summary>>> = {};
      for (const implementation of running) summaries[implementation] = summarizeFigures(collected[implementation]);
      scenarios[scenario] = summaries;
      // What is measured so far survives a run that dies later (the table is written at the end).
      writeFileSync(join(RESULTS_DIRECTORY, 'partial.json'), `${JSON.stringify({ machine, emulator: emulatorFigures, equivalence, scenarios }, null, 2)}\n`);
    }

    const quotaScenarios = QUOTA_SCENARIOS.filter(selected);
    let quota: QuotaRow[] = [];
    if (quotaScenarios.length > 0) {
      quota = await runQuotaScenarios({
        run: (script, args) => runner.run(1, [], script, args),
        worker: scripts['quota-worker.ts'],
        target: {
          oursModule: target.oursModule,
          url: target.url,
          region: target.region,
          credentials: target.credentials,
          titanAlias: target.titanModel.alias,
          titanModelId: target.titanModel.modelId,
          chatAlias: target.chatModel.alias,
          chatModelId: target.chatModel.modelId,
        },
        scenarios: quotaScenarios,
        quick: settings.quick,
        log,
      });
    }

    const results: Results = {
      mode: settings.quick ? 'quick' : 'full',
      startedAt: startedAt.toISOString(),
      durationSeconds: (performance.now() - clock) / 1000,
      machine,
      emulator: emulatorFigures,
      equivalence,
      scenarios,
      targets: [],
      quota,
    };
    results.targets = targetsOf(results);
    const table = renderMarkdown(results);
    process.stdout.write(`${table}\n`);
    const quotaTable = quota.length === 0 ? '' : `Run ${results.startedAt} (${results.mode}); ${machine.cpuModel}, ${machine.cores} cores; Node ${machine.node}.\n\n${renderQuotaMarkdown(quota)}`;
    if (quotaTable !== '') process.stdout.write(`\n${quotaTable}\n`);
    const jsonPath = values.json ?? join(RESULTS_DIRECTORY, settings.quick ? 'latest-quick.json' : 'latest.json');
    writeFileSync(jsonPath, `${JSON.stringify(results, null, 2)}\n`);
    log(`JSON: ${relative(process.cwd(), jsonPath)}`);
    if (!settings.quick && only === undefined && implementations.length === ALL_IMPLEMENTATIONS.length && values['ours-module'] === undefined && !values['skip-write']) {
      log(updateBenchmarksFile(table) ? 'BENCHMARKS.md updated.' : `BENCHMARKS.md has no ${TABLE_START} … ${TABLE_END} section: not updated.`);
    }
    if (!settings.quick && quotaScenarios.length === QUOTA_SCENARIOS.length && values['ours-module'] === undefined && !values['skip-write']) {
      log(updateBenchmarksFile(quotaTable, QUOTA_START, QUOTA_END) ? 'BENCHMARKS.md quota section updated.' : `BENCHMARKS.md has no ${QUOTA_START} section: not updated.`);
    }
  } finally {
    await emulator.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
