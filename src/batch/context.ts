/** What the batch resources need from the client: the resolved batch settings and calls through its transport. */
import type { RequestOptions } from '../client.js';
import type { AwsService, OperationMap, SdkClient } from '../core/sdk-clients.js';
import type { BatchConfig } from './config.js';

export interface BatchContext {
  config: BatchConfig;
  region: string;
  /** One operation through the client's transport (retries, per-attempt timeout, cancellation, error mapping). */
  send<Operations extends OperationMap, Name extends keyof Operations & string>(
    service: AwsService<Operations>,
    name: Name,
    input: Operations[Name][0],
    options?: RequestOptions,
  ): Promise<Operations[Name][1]>;
  /** The S3 SDK client, for `@aws-sdk/lib-storage`. */
  s3Client(): Promise<SdkClient>;
  /** Maps an SDK error (from lib-storage) as the transport would. */
  mapError(error: unknown): Error;
}
