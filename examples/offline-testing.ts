/**
 * Testing your app offline: start the local Bedrock emulator, point a raw BedrockRuntimeClient at it, make a
 * call, inject a fault, read the request log, and close.
 *
 *   npx tsx examples/offline-testing.ts
 */
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
// In your project: import { startEmulator } from 'bedrock-openai/emulator';
import { startEmulator } from '../src/emulator/index.js';

const emulator = await startEmulator(); // a free port on 127.0.0.1; `startEmulator({ port: 4599 })` for a fixed one
const client = new BedrockRuntimeClient({
  region: emulator.region, // us-east-1
  endpoint: emulator.url,
  credentials: emulator.credentials, // fake, built-in key pair; SigV4 is verified for real
  maxAttempts: 1,
});

try {
  const reply = await client.send(
    new ConverseCommand({
      modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0', // Claude 4.5 needs an inference profile, as on Bedrock
      messages: [{ role: 'user', content: [{ text: 'Hello, emulator!' }] }],
    }),
  );
  console.log(reply.output?.message?.content?.[0]?.text); // "You said: Hello, emulator!"
  console.log(reply.usage); // { inputTokens: 2, outputTokens: 4, totalTokens: 6 } (tokens = words)

  emulator.faults.failNext(1, 'ThrottlingException');
  await client
    .send(new ConverseCommand({ modelId: 'amazon.nova-lite-v1:0', messages: [{ role: 'user', content: [{ text: 'again' }] }] }))
    .catch((error: Error) => console.log(`${error.name}: ${error.message}`)); // ThrottlingException: Too many requests…

  console.log(emulator.requests.map((request) => `${request.operation} ${request.modelId} → ${request.status}`));
} finally {
  client.destroy();
  await emulator.close();
}
