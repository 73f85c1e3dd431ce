/**
 * The service-model constraints (botocore's Bedrock Runtime `service-2.json`) on the members the client fills from
 * OpenAI fields, so each converter can refuse a value before sending, naming the OpenAI field. Copied from the
 * model: test/internal/service-constraints.test.ts checks each entry equals the emulator's generated subset
 * (`src/emulator/service-model.generated.ts`), so they cannot drift. Patterns are read with the service's
 * semantics through {@link serviceModelRegExp} (ASCII-only `\s`, whole value).
 */
import { serviceModelRegExp, serviceStringLength } from './service-pattern.js';

export interface StringConstraint {
  min?: number;
  max?: number;
  pattern?: string;
}

export const SERVICE_CONSTRAINTS = {
  ConversationalModelId: { min: 1, max: 2048, pattern: "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)" },
  InvokeModelIdentifier: { min: 1, max: 2048, pattern: "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)$|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)" },
  ToolName: { min: 1, max: 64, pattern: "[a-zA-Z0-9_-]+" },
  ToolUseId: { min: 1, max: 64, pattern: "[a-zA-Z0-9_.:-]+" },
  RequestMetadataKeyString: { min: 1, max: 256, pattern: "[a-zA-Z0-9\\s:_@$#=/+,-.]{1,256}" },
  RequestMetadataValueString: { min: 0, max: 256, pattern: "[a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}" },
  S3Uri: { min: 1, max: 1024, pattern: "s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?" },
  GuardrailIdentifier: { min: 0, max: 2048, pattern: "(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))" },
  GuardrailVersion: { pattern: "(|([1-9][0-9]{0,7})|(DRAFT))" },
  NonEmptyString: { min: 1 },
  DocumentBlockNameString: { min: 1, max: 200 },
} as const satisfies Record<string, StringConstraint>;

export type ConstrainedShape = keyof typeof SERVICE_CONSTRAINTS;

/** The largest value of a service-model `integer` (32-bit): `inferenceConfig.maxTokens` and the like. */
export const MAX_INT32 = 2_147_483_647;

/** What is wrong with `value` for the shape (`'pattern'`, `'min'`, `'max'`), or `undefined` when it conforms. */
export function serviceViolation(shape: ConstrainedShape, value: string): 'pattern' | 'min' | 'max' | undefined {
  const constraint: StringConstraint = SERVICE_CONSTRAINTS[shape];
  const length = serviceStringLength(value);
  if (constraint.min !== undefined && length < constraint.min) return 'min';
  if (constraint.max !== undefined && length > constraint.max) return 'max';
  if (constraint.pattern !== undefined && !serviceModelRegExp(constraint.pattern).test(value)) return 'pattern';
  return undefined;
}

/** Whether `value` satisfies the shape's length and pattern. */
export function conformsTo(shape: ConstrainedShape, value: string): boolean {
  return serviceViolation(shape, value) === undefined;
}
