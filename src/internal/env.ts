/** The environment the client reads: `process.env` by default, injected in tests. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads an environment variable, trimmed; blank or whitespace-only values count as unset (as `openai`'s
 * `readEnv` does), so `AWS_REGION=` in a `.env` file does not override anything.
 */
export function readEnv(env: Env, name: string): string | undefined {
  const value = env[name];
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
