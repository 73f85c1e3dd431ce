/**
 * Throughput at your quota: a local emulator with a Bedrock-style quota (600 requests a minute), then 60 chat calls
 * at once through one `Client` that declares that quota — paced, never throttled — and the limiter's state.
 *
 *   npx tsx examples/quota.ts
 */
import { Client } from '../src/index.js'; // in your project: from 'bedrock-openai'
// In your project: import { startEmulator } from 'bedrock-openai/emulator';
import { startEmulator } from '../src/emulator/index.js';

const emulator = await startEmulator();
emulator.quotas.set({ model: 'amazon.nova-lite-v1:0', requestsPerMinute: 600, burstSeconds: 2, timeToFirstTokenMs: 50 });
const client = new Client({
  endpoint: emulator.url,
  region: emulator.region,
  credentials: emulator.credentials,
  configFile: false,
  crossRegion: 'off',
  quotas: { 'nova-lite': { requestsPerMinute: 600 } }, // as in the Service Quotas console; also in bedrock.json
  onLimit: (event) => {
    if (event.type === 'throttled') console.log(`throttled (${event.kind}): now ${event.state.requestsPerMinute} requests/min`);
  },
});

try {
  const started = performance.now();
  const replies = await Promise.all(
    Array.from({ length: 60 }, (_, index) =>
      client.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: `question ${index}` }], max_tokens: 50 }),
    ),
  );
  console.log(`${replies.length} replies in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const [state] = client.limits.states();
  console.log(`limiter: ${state?.model}, ${state?.admitted} admitted, ${state?.throttled} throttled, ${state?.requestsPerMinute} requests/min`);
  console.log(`emulator: ${emulator.quotas.usage()[0]?.throttledRequests} throttled`);
} finally {
  client.close();
  await emulator.close();
}
