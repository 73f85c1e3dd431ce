import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import http from 'node:http';
import { startEmulator } from '/work/main/src/emulator/index.js';
import { startTcpProxy } from '/work/main/test/resilience/helpers.js';
const emu = await startEmulator();
const proxy = await startTcpProxy(emu.port);
const sdk = new BedrockRuntimeClient({ region: emu.region, endpoint: proxy.url, credentials: emu.credentials, maxAttempts: 1, requestHandler: new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true }) }) });
proxy.resetNext(1);
try { await sdk.send(new ConverseCommand({ modelId: 'anthropic.claude-3-haiku-20240307-v1:0', messages: [{ role: 'user', content: [{ text: 'hi' }] }] })); } catch (e: any) { console.log({ name: e.name, code: e.code, message: e.message, meta: e.$metadata }); }
sdk.destroy(); await proxy.close(); await emu.close();
