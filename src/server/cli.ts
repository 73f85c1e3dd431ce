#!/usr/bin/env node
/**
 * `bedrock-openai serve [options]`: OpenAI's HTTP API over Bedrock on a port, until SIGTERM/SIGINT, which drain
 * in-flight requests (the grace period) and exit 0. `--help` lists the options (src/server/options.ts).
 */
import { parseServeArgs, SERVE_USAGE } from './options.js';
import { startServer } from './server.js';

const USAGE = `Usage: bedrock-openai <command>

Commands:
  serve    serve OpenAI's HTTP API over Amazon Bedrock (bedrock-openai serve --help)`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command !== 'serve') {
    console.error(`Unknown command "${command}".\n\n${USAGE}`);
    return 1;
  }
  const args = parseServeArgs(rest, process.env);
  if (args.help) {
    console.log(SERVE_USAGE);
    return 0;
  }
  const server = await startServer({ ...args.server, client: args.client });
  const auth = (args.server.apiKeys?.length ?? 0) > 0 ? `${args.server.apiKeys!.length} API key(s)` : 'no auth (loopback only)';
  console.log(`bedrock-openai: serving OpenAI's API at ${server.url} (${auth}; ${server.client.describe()})`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string): void => {
      console.log(`bedrock-openai: ${signal}: draining ${server.inFlight} request(s)`);
      void server.close().then(({ cutShort }) => {
        console.log(`bedrock-openai: stopped${cutShort > 0 ? ` (${cutShort} request(s) cut short)` : ''}`);
        resolve();
      });
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bedrock-openai: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
