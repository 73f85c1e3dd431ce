import { describe, expect, it } from 'vitest';
import { generateFromSchema } from '../../src/emulator/schema-value.js';

describe('generateFromSchema', () => {
  it.each([
    ['string', { type: 'string' }, undefined, 'example'],
    ['string from text', { type: 'string' }, 'Paris', 'Paris'],
    ['string bounds', { type: 'string', minLength: 8, maxLength: 9 }, 'ab', 'ab ab ab '],
    ['format', { type: 'string', format: 'date-time' }, 'x', '2024-01-01T00:00:00Z'],
    ['enum', { enum: ['red', 'green'] }, undefined, 'red'],
    ['const', { const: 42 }, undefined, 42],
    ['default', { type: 'integer', default: 7 }, undefined, 7],
    ['integer minimum', { type: 'integer', minimum: 10 }, undefined, 10],
    ['integer exclusive minimum', { type: 'integer', exclusiveMinimum: 10 }, undefined, 11],
    ['number maximum', { type: 'number', maximum: 0.5 }, undefined, 0.5],
    ['multipleOf', { type: 'integer', minimum: 3, multipleOf: 5 }, undefined, 5],
    ['boolean', { type: 'boolean' }, undefined, true],
    ['null', { type: 'null' }, undefined, null],
    ['nullable type array', { type: ['null', 'string'] }, 'v', 'v'],
    ['empty object', { type: 'object', properties: {} }, undefined, {}],
    ['no schema', {}, 'v', 'v'],
    ['array minItems', { type: 'array', items: { type: 'integer' }, minItems: 2 }, undefined, [1, 1]],
    ['array maxItems 0', { type: 'array', items: { type: 'integer' }, maxItems: 0 }, undefined, []],
    ['prefixItems', { type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean' }] }, 's', ['s', true]],
    ['anyOf picks a non-null branch', { anyOf: [{ type: 'null' }, { type: 'integer', minimum: 2 }] }, undefined, 2],
  ])('%s', (_name, schema, text, expected) => {
    expect(generateFromSchema(schema, text)).toEqual(expected);
  });

  it('fills required and declared properties of nested objects, following $ref and allOf', () => {
    const schema = {
      $defs: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string', pattern: '^\\d+$' } }, required: ['city'] } },
      type: 'object',
      allOf: [{ properties: { id: { type: 'integer', minimum: 1 } }, required: ['id'] }],
      properties: { home: { $ref: '#/$defs/address' }, nickname: { type: ['string', 'null'] } },
      required: ['home'],
    };
    expect(generateFromSchema(schema, 'Ada')).toEqual({ home: { city: 'Ada', zip: 'Ada' }, id: 1, nickname: 'Ada' });
  });

  it('terminates on recursive schemas', () => {
    const schema = { $defs: { node: { type: 'object', properties: { child: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    expect(generateFromSchema(schema)).toBeTypeOf('object');
  });
});
