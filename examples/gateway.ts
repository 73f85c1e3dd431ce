/**
 * A gateway: OpenAI's HTTP API over Bedrock on a port, for any language's OpenAI SDK. `npx tsx examples/gateway.ts`
 * starts one on 127.0.0.1 (a free port), calls it with the `openai` package over HTTP, and shuts it down
 * gracefully. From a shell, the same server is `npx bedrock-openai serve --port 8080`.
 *
 * Against Bedrock when AWS credentials are configured, otherwise the local emulator (see connect.ts).
 */
import OpenAI from 'openai';
import { startServer } from '../src/index.js';
import { connect } from './connect.js';

const { client, close } = await connect();
const apiKey = 'sk-gateway-example-0123456789'; // inbound key: callers send it as "Authorization: Bearer …"
// Behind a load balancer, keep idle connections open longer than its idle timeout (72 s is the default; AWS's ALB
// closes idle connections at 60 s).
const server = await startServer({ client, port: 0, apiKeys: [apiKey], keepAliveTimeoutMs: 72_000 });
console.log(`gateway: ${server.url}`);

try {
  const openai = new OpenAI({ baseURL: server.url, apiKey });
  const completion = await openai.chat.completions.create({ model: 'nova-lite', messages: [{ role: 'user', content: 'Hello, gateway!' }] });
  console.log(`reply: ${completion.choices[0]?.message.content}`);
  const health = await fetch(server.url.replace(/\/v1$/, '/health'));
  console.log(`health: ${health.status}`);
  try {
    await new OpenAI({ baseURL: server.url, apiKey: 'sk-wrong-key-0123456789', maxRetries: 0 }).models.list();
  } catch (error) {
    if (error instanceof OpenAI.AuthenticationError) console.log(`wrong key: ${error.status}`);
    else throw error;
  }
} finally {
  const { cutShort } = await server.close({ graceMs: 5_000 });
  console.log(`closed (${cutShort} cut short)`);
  await close();
}
