/**
 * Throughput at the account's quota (`npm run bench -- --only quota-embed,quota-chat,quota-shared`): our `Client`
 * against the AWS SDK's adaptive retry mode doing the same work at the same concurrency, on one emulator whose
 * quota (`src/emulator/quotas.ts`) is set afresh (full buckets) before each run.
 *
 * (a) `quota-embed`: 20,000 Titan V2 texts, one per request, as three concurrent `embeddings.create` calls on one
 *     client (16 requests in flight each; the raw SDK: one client, 48 workers) against a 240 requests/s quota the
 *     client is not told about (14,400 a minute: one pinned core of the 2-core benchmark machine drives about 300
 *     embeddings a second through the emulator when the machine is quiet, less when it is not, and the measure is of
 *     the limiter, not of the CPU).
 * (b) `quota-chat`: 500 chat calls at once against 1,200 requests and 48,000 tokens per minute (each call reserves
 *     input + `max_tokens` 100), 200 ms to first token and 5 ms per output token.
 * (c) `quota-shared`: two users, 300 calls each with 64 in flight, sharing that quota: ours, two official `openai`
 *     clients of one `startServer()` (one `Client`, one limiter); the raw side, two adaptive-mode SDK clients, each
 *     with its own token bucket.
 *
 * Figures: goodput = calls that succeeded ÷ the most the quota admits in the run's wall time (burst + rate × time,
 * for whichever of requests and tokens binds, tokens at the calls' actual use); throttled attempts per successful
 * call (from the emulator); failed calls; p50/p95 queueing delay (see `bench/quota-worker.ts`).
 */
import type { QuotaImplementation, QuotaScenario, QuotaTarget, QuotaTask, QuotaWorkerResult } from './protocol.js';

export const QUOTA_SCENARIOS: readonly QuotaScenario[] = ['quota-embed', 'quota-chat', 'quota-shared'];
const IMPLEMENTATIONS: readonly QuotaImplementation[] = ['ours', 'ours-declared', 'raw-adaptive'];

/** Our embeddings retry a throttled request 8 times (`throttleRetries`): the raw client gets as many attempts. */
const THROTTLE_ATTEMPTS = 9;

interface QuotaSetting {
  requestsPerMinute: number;
  tokensPerMinute?: number;
  burstSeconds: number;
  timeToFirstTokenMs: number;
  msPerOutputToken: number;
}

interface Plan {
  label: string;
  quota: QuotaSetting;
  texts: number;
  users: number;
  callsPerUser: number;
  concurrency: number;
  maxTokens: number;
  /** The goodput target (share of the ceiling). */
  target: number;
  /** Default: all three. */
  implementations?: readonly QuotaImplementation[];
}

function plans(quick: boolean): Record<QuotaScenario, Plan> {
  const chatQuota: QuotaSetting = { requestsPerMinute: 1_200, tokensPerMinute: 48_000, burstSeconds: 1, timeToFirstTokenMs: 200, msPerOutputToken: 5 };
  return {
    'quota-embed': {
      label: `(a) ${quick ? '4,000' : '20,000'} Titan V2 embeddings, 3 calls × 16 in flight, hidden quota 14,400 requests/min (240/s)`,
      quota: { requestsPerMinute: 14_400, burstSeconds: 1, timeToFirstTokenMs: 20, msPerOutputToken: 0 },
      implementations: ['ours', 'raw-adaptive'],
      texts: quick ? 4_000 : 20_000,
      users: 3,
      callsPerUser: 0,
      concurrency: 16,
      maxTokens: 0,
      target: 0.95,
    },
    'quota-chat': {
      label: `(b) burst of ${quick ? 200 : 500} chat calls, 1,200 requests + 48,000 tokens/min`,
      quota: chatQuota,
      texts: 0,
      users: 1,
      callsPerUser: quick ? 200 : 500,
      concurrency: quick ? 200 : 500,
      maxTokens: 100,
      target: 0.9,
    },
    'quota-shared': {
      label: `(c) two users of one server × ${quick ? 100 : 300} chat calls (64 in flight each), one 1,200 requests + 48,000 tokens/min quota`,
      quota: chatQuota,
      texts: 0,
      users: 2,
      callsPerUser: quick ? 100 : 300,
      concurrency: 64,
      maxTokens: 100,
      target: 0.9,
    },
  };
}

interface Usage {
  admitted: number;
  throttledRequests: number;
  throttledTokens: number;
  tokensUsed: number;
}

export interface QuotaRow {
  scenario: QuotaScenario;
  label: string;
  implementation: QuotaImplementation;
  succeeded: number;
  failures: number;
  wallSeconds: number;
  goodput: number;
  throttledPerSuccess: number;
  queueP50Ms: number;
  queueP95Ms: number;
  target: number;
  firstErrors: string[];
}

async function control(url: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${url}/__emulator/${path}`, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** The most calls the quota admits in `seconds`: burst + rate × time, for the binding dimension. */
export function ceilingCalls(quota: QuotaSetting, seconds: number, tokensPerCall: number): number {
  const calls = (perMinute: number, cost: number): number => ((perMinute * quota.burstSeconds) / 60 + (perMinute / 60) * seconds) / cost;
  const byRequests = calls(quota.requestsPerMinute, 1);
  const byTokens = quota.tokensPerMinute === undefined || tokensPerCall <= 0 ? Number.POSITIVE_INFINITY : calls(quota.tokensPerMinute, tokensPerCall);
  return Math.min(byRequests, byTokens);
}

export async function runQuotaScenarios(options: {
  run: (script: string, args: readonly string[]) => Promise<string>;
  worker: string;
  target: QuotaTarget;
  scenarios: readonly QuotaScenario[];
  implementations?: readonly QuotaImplementation[];
  quick: boolean;
  log: (message: string) => void;
}): Promise<QuotaRow[]> {
  const rows: QuotaRow[] = [];
  const all = plans(options.quick);
  for (const scenario of options.scenarios) {
    const plan = all[scenario];
    const modelId = scenario === 'quota-embed' ? options.target.titanModelId : options.target.chatModelId;
    const alias = scenario === 'quota-embed' ? options.target.titanAlias : options.target.chatAlias;
    const declared = { [alias]: { requestsPerMinute: plan.quota.requestsPerMinute, ...(plan.quota.tokensPerMinute === undefined ? {} : { tokensPerMinute: plan.quota.tokensPerMinute }) } };
    for (const implementation of options.implementations ?? plan.implementations ?? IMPLEMENTATIONS) {
      await control(options.target.url, 'POST', 'reset');
      await control(options.target.url, 'PUT', 'quotas', { model: modelId, ...plan.quota });
      const task: QuotaTask = {
        scenario,
        implementation,
        target: options.target,
        texts: plan.texts,
        users: plan.users,
        callsPerUser: plan.callsPerUser,
        concurrency: plan.concurrency,
        maxTokens: plan.maxTokens,
        maxAttempts: THROTTLE_ATTEMPTS,
        declared,
      };
      const stdout = await options.run(options.worker, [JSON.stringify(task)]);
      const result = JSON.parse(stdout.trim().split('\n').pop() ?? '') as QuotaWorkerResult;
      const listed = (await control(options.target.url, 'GET', 'quotas')) as { usage: Usage[] };
      const usage = listed.usage[0] ?? { admitted: 0, throttledRequests: 0, throttledTokens: 0, tokensUsed: 0 };
      const seconds = result.wallMs / 1000;
      const tokensPerCall = usage.admitted === 0 ? 0 : usage.tokensUsed / usage.admitted;
      const row: QuotaRow = {
        scenario,
        label: plan.label,
        implementation,
        succeeded: usage.admitted,
        failures: result.failures,
        wallSeconds: seconds,
        goodput: usage.admitted / ceilingCalls(plan.quota, seconds, tokensPerCall),
        throttledPerSuccess: (usage.throttledRequests + usage.throttledTokens) / Math.max(1, usage.admitted),
        queueP50Ms: result.queueP50Ms,
        queueP95Ms: result.queueP95Ms,
        target: plan.target,
        firstErrors: result.firstErrors,
      };
      rows.push(row);
      options.log(
        `${scenario} ${implementation}: ${row.succeeded} ok, ${row.failures} failed, ${seconds.toFixed(1)} s, goodput ${(row.goodput * 100).toFixed(1)} %, ` +
          `throttled/ok ${(row.throttledPerSuccess * 100).toFixed(2)} % (emulator: ${usage.throttledRequests} requests, ${usage.throttledTokens} tokens), ` +
          `queue p50 ${row.queueP50Ms.toFixed(0)} ms p95 ${row.queueP95Ms.toFixed(0)} ms${row.firstErrors.length > 0 ? `; errors: ${row.firstErrors.join(' | ')}` : ''}`,
      );
    }
  }
  await control(options.target.url, 'POST', 'reset');
  return rows;
}

const NAMES: Record<QuotaImplementation, string> = {
  ours: 'ours (quota not declared)',
  'ours-declared': 'ours (quota declared)',
  'raw-adaptive': "raw SDK, retryMode 'adaptive'",
};

export function renderQuotaMarkdown(rows: readonly QuotaRow[]): string {
  const lines: string[] = [];
  lines.push('| Scenario | implementation | calls ok | failed | wall (s) | goodput (% of ceiling) | throttled attempts per ok call | queueing delay p50 / p95 (ms) | targets |');
  lines.push('|---|---|---:|---:|---:|---:|---:|---:|---|');
  for (const row of rows) {
    let targets = '';
    if (row.implementation !== 'raw-adaptive') {
      const raw = rows.find((other) => other.scenario === row.scenario && other.implementation === 'raw-adaptive');
      const met = [
        `goodput ≥ ${row.target * 100} % ${row.goodput >= row.target ? '✅' : '❌'}`,
        `throttled ≤ 5 % ${row.throttledPerSuccess <= 0.05 ? '✅' : '❌'}`,
        `no failures ${row.failures === 0 ? '✅' : '❌'}`,
        ...(raw === undefined ? [] : [`ahead of adaptive ${row.goodput > raw.goodput ? '✅' : '❌'}`]),
      ];
      targets = met.join(', ');
    }
    lines.push(
      `| ${row.label} | ${NAMES[row.implementation]} | ${row.succeeded} | ${row.failures} | ${row.wallSeconds.toFixed(1)} | ${(row.goodput * 100).toFixed(1)} | ${row.throttledPerSuccess.toFixed(3)} | ${row.queueP50Ms.toFixed(0)} / ${row.queueP95Ms.toFixed(0)} | ${targets} |`,
    );
  }
  return lines.join('\n');
}
