/**
 * ARNs Bedrock Runtime accepts as `modelId` (bedrock-wire.md §1.2): foundation-model, inference-profile,
 * application-inference-profile, provisioned-model, custom-model(-deployment), imported-model, prompt and
 * prompt-router ARNs, plus SageMaker endpoint ARNs (kept as `other`).
 */

/** The kinds of ARN Bedrock Runtime accepts as `modelId`. */
export type ArnResourceType =
  | 'foundation-model'
  | 'inference-profile'
  | 'application-inference-profile'
  | 'provisioned-model'
  | 'custom-model'
  | 'custom-model-deployment'
  | 'imported-model'
  | 'prompt'
  | 'prompt-router'
  | 'default-prompt-router'
  | 'other';

export interface ParsedArn {
  partition: string;
  service: string;
  /** Empty when the ARN has none. */
  region: string;
  accountId: string;
  resourceType: ArnResourceType;
  /** Everything after `<resource-type>/`. */
  resourceId: string;
}

const ARN_PATTERN = /^arn:(aws[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:([^/\s]+)\/(\S+)$/;
const ARN_RESOURCE_TYPES: ReadonlySet<string> = new Set<ArnResourceType>([
  'foundation-model',
  'inference-profile',
  'application-inference-profile',
  'provisioned-model',
  'custom-model',
  'custom-model-deployment',
  'imported-model',
  'prompt',
  'prompt-router',
  'default-prompt-router',
]);

/** Splits a Bedrock (or SageMaker) ARN; `undefined` when `value` is not a well-formed ARN. */
export function parseBedrockArn(value: string): ParsedArn | undefined {
  const match = ARN_PATTERN.exec(value);
  if (match === null) return undefined;
  const [, partition = '', service = '', region = '', accountId = '', type = '', resourceId = ''] = match;
  const resourceType = (service === 'bedrock' && ARN_RESOURCE_TYPES.has(type) ? type : 'other') as ArnResourceType;
  return { partition, service, region, accountId, resourceType, resourceId };
}
