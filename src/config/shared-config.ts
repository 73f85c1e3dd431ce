/** The shared AWS config file, read for the profile's `region` when no higher-precedence source set one. */
import type { Env } from '../internal/env.js';

/** The shared config file's profile sections, read with the SDK's own loader (honours AWS_CONFIG_FILE via `env`). */
export async function loadSharedConfig(env: Env): Promise<Record<string, Record<string, string | undefined>>> {
  const { loadSharedConfigFiles } = await import('@smithy/shared-ini-file-loader');
  const configFilepath = env['AWS_CONFIG_FILE']?.trim();
  const filepath = env['AWS_SHARED_CREDENTIALS_FILE']?.trim();
  try {
    const files = await loadSharedConfigFiles({
      ...(configFilepath === undefined || configFilepath === '' ? {} : { configFilepath }),
      ...(filepath === undefined || filepath === '' ? {} : { filepath }),
      ignoreCache: true,
    });
    return files.configFile as Record<string, Record<string, string | undefined>>;
  } catch {
    return {};
  }
}
