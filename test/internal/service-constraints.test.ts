import { describe, expect, it } from 'vitest';
import { SERVICE_MODEL } from '../../src/emulator/service-model.generated.js';
import { conformsTo, MAX_INT32, SERVICE_CONSTRAINTS, serviceViolation, type ConstrainedShape } from '../../src/internal/service-constraints.js';

describe('the client-side service-model constraints', () => {
  it.each(Object.keys(SERVICE_CONSTRAINTS) as ConstrainedShape[])('%s equals the service model (generated subset)', (name) => {
    const shape = SERVICE_MODEL.shapes[name];
    expect(shape).toBeDefined();
    const { min, max, pattern } = shape!;
    expect(SERVICE_CONSTRAINTS[name]).toEqual({ ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }), ...(pattern === undefined ? {} : { pattern }) });
  });

  it('knows maxTokens is a 32-bit integer', () => {
    expect(SERVICE_MODEL.shapes['InferenceConfigurationMaxTokensInteger']?.type).toBe('integer');
    expect(MAX_INT32).toBe(2 ** 31 - 1);
  });

  it('checks lengths, then the pattern with ASCII-only \\s', () => {
    expect(serviceViolation('ToolName', '')).toBe('min');
    expect(serviceViolation('ToolName', 'x'.repeat(65))).toBe('max');
    expect(serviceViolation('ToolName', 'a.b')).toBe('pattern');
    expect(conformsTo('RequestMetadataValueString', 'a\tb')).toBe(true);
    expect(conformsTo('RequestMetadataValueString', 'a\u2003b')).toBe(false);
    expect(conformsTo('S3Uri', 's3://bucket.name-1/key with spaces.png')).toBe(true);
    expect(conformsTo('S3Uri', 's3://Bucket/key.png')).toBe(false);
  });
});
