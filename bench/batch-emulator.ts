/** The emulator in its own process for `bench/batch.ts`: prints its URL and credentials as one JSON line, closes when stdin ends. */
import { startEmulator } from '../src/emulator/index.js';

const emulator = await startEmulator({ batch: { stepDelayMs: 1, recordsPerTick: 2000 } });
process.stdout.write(`${JSON.stringify({ url: emulator.url, credentials: emulator.credentials })}\n`);
process.stdin.resume();
process.stdin.on('end', () => void emulator.close().then(() => process.exit(0)));
