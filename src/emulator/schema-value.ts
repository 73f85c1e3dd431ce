/**
 * Generates a deterministic value that validates against a JSON Schema: used for tool inputs and structured
 * output. Covers what tool and response schemas use in practice: `type` (incl. type arrays), `properties` /
 * `required` (every declared property is filled), `enum` / `const` / `default` / `examples`, `anyOf` / `oneOf`
 * (first branch), `allOf` (merged), local `$ref` (`#/$defs/…`, `#/definitions/…`), string `minLength` /
 * `maxLength` / common `format`s, number bounds and `multipleOf`, array `minItems` / `maxItems` / `items` /
 * `prefixItems`. `pattern` is not solved.
 */

type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FORMAT_EXAMPLES: Readonly<Record<string, string>> = {
  date: '2024-01-01',
  'date-time': '2024-01-01T00:00:00Z',
  time: '00:00:00Z',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uuid: '00000000-0000-4000-8000-000000000000',
};

const MAX_DEPTH = 12;

/**
 * A value valid against `schema`. String leaves use `text` (e.g. the user's question), fitted to the length
 * bounds; without it, the property name (or `"example"`).
 */
export function generateFromSchema(schema: unknown, text?: string): unknown {
  return generate(schema, isSchema(schema) ? schema : {}, text, 'example', 0);
}

function resolveRef(schema: Schema, root: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current['$ref'] === 'string'; hops += 1) {
    const ref = current['$ref'];
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const part of ref.slice(1).split('/').filter(Boolean)) {
      const key = decodeURIComponent(part.replace(/~1/g, '/').replace(/~0/g, '~'));
      target = isSchema(target) ? target[key] : undefined;
    }
    if (!isSchema(target)) return {};
    const { $ref: _ignored, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}

function mergeAllOf(schema: Schema, root: Schema): Schema {
  const parts = schema['allOf'];
  if (!Array.isArray(parts)) return schema;
  const merged: Schema = { ...schema };
  delete merged['allOf'];
  const properties: Schema = { ...(isSchema(schema['properties']) ? schema['properties'] : {}) };
  const required = new Set<string>(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  for (const part of parts) {
    if (!isSchema(part)) continue;
    const resolved = mergeAllOf(resolveRef(part, root), root);
    Object.assign(merged, resolved);
    if (isSchema(resolved['properties'])) Object.assign(properties, resolved['properties']);
    if (Array.isArray(resolved['required'])) for (const name of resolved['required'] as string[]) required.add(name);
  }
  if (Object.keys(properties).length > 0) merged['properties'] = properties;
  if (required.size > 0) merged['required'] = [...required];
  return merged;
}

function pickType(schema: Schema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const nonNull = type.find((item) => item !== 'null');
    return typeof nonNull === 'string' ? nonNull : 'null';
  }
  if (isSchema(schema['properties']) || schema['required'] !== undefined) return 'object';
  if (schema['items'] !== undefined || schema['prefixItems'] !== undefined) return 'array';
  return undefined;
}

function generate(input: unknown, root: Schema, text: string | undefined, name: string, depth: number): unknown {
  if (!isSchema(input)) return {};
  const schema = mergeAllOf(resolveRef(input, root), root);
  if (schema['const'] !== undefined) return schema['const'];
  if (Array.isArray(schema['enum']) && schema['enum'].length > 0) return schema['enum'][0];
  if (schema['default'] !== undefined) return schema['default'];
  if (Array.isArray(schema['examples']) && schema['examples'].length > 0) return schema['examples'][0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const preferred = branches.find((branch) => isSchema(branch) && branch['type'] !== 'null') ?? branches[0];
      const { [key]: _branches, ...rest } = schema;
      return generate({ ...rest, ...(isSchema(preferred) ? preferred : {}) }, root, text, name, depth);
    }
  }
  switch (pickType(schema)) {
    case 'object':
      return generateObject(schema, root, text, depth);
    case 'array':
      return generateArray(schema, root, text, name, depth);
    case 'string':
      return generateString(schema, text ?? name);
    case 'integer':
      return generateNumber(schema, true);
    case 'number':
      return generateNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return text ?? name;
  }
}

function generateObject(schema: Schema, root: Schema, text: string | undefined, depth: number): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const properties = isSchema(schema['properties']) ? schema['properties'] : {};
  const required = Array.isArray(schema['required']) ? (schema['required'] as unknown[]).filter((item): item is string => typeof item === 'string') : [];
  const names = depth >= MAX_DEPTH ? required : [...new Set([...required, ...Object.keys(properties)])];
  for (const property of names) {
    result[property] = generate(properties[property] ?? {}, root, text, property, depth + 1);
  }
  return result;
}

function generateArray(schema: Schema, root: Schema, text: string | undefined, name: string, depth: number): unknown[] {
  const prefix = Array.isArray(schema['prefixItems']) ? schema['prefixItems'] : [];
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : depth >= MAX_DEPTH ? 0 : 1;
  const maxItems = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : Number.POSITIVE_INFINITY;
  const count = Math.min(Math.max(minItems, prefix.length), maxItems);
  const items: unknown[] = [];
  for (let index = 0; index < count; index += 1) {
    const itemSchema = index < prefix.length ? prefix[index] : schema['items'];
    items.push(generate(itemSchema ?? {}, root, text, name, depth + 1));
  }
  if (schema['uniqueItems'] === true && items.length > 1) {
    return items.map((item, index) => (typeof item === 'string' ? `${item} ${index + 1}` : typeof item === 'number' ? item + index : item));
  }
  return items;
}

function generateString(schema: Schema, text: string): string {
  const format = typeof schema['format'] === 'string' ? FORMAT_EXAMPLES[schema['format']] : undefined;
  let value = format ?? text;
  const minLength = typeof schema['minLength'] === 'number' ? schema['minLength'] : 0;
  const maxLength = typeof schema['maxLength'] === 'number' ? schema['maxLength'] : Number.POSITIVE_INFINITY;
  if (value.length === 0 && minLength > 0) value = 'x';
  while (value.length < minLength) value = `${value} ${value}`;
  if (value.length > maxLength) value = value.slice(0, maxLength);
  return value;
}

function generateNumber(schema: Schema, integer: boolean): number {
  const minimum = typeof schema['minimum'] === 'number' ? schema['minimum'] : undefined;
  const exclusiveMinimum = typeof schema['exclusiveMinimum'] === 'number' ? schema['exclusiveMinimum'] : undefined;
  const maximum = typeof schema['maximum'] === 'number' ? schema['maximum'] : undefined;
  const exclusiveMaximum = typeof schema['exclusiveMaximum'] === 'number' ? schema['exclusiveMaximum'] : undefined;
  const step = typeof schema['multipleOf'] === 'number' && schema['multipleOf'] > 0 ? schema['multipleOf'] : integer ? 1 : undefined;
  let value = 1;
  if (minimum !== undefined) value = minimum;
  if (exclusiveMinimum !== undefined) value = exclusiveMinimum + (step ?? 0.5);
  const upper = maximum ?? (exclusiveMaximum !== undefined ? exclusiveMaximum - (step ?? 0.5) : undefined);
  if (upper !== undefined && value > upper) value = upper;
  if (minimum === undefined && exclusiveMinimum === undefined && upper !== undefined && upper < 1) value = upper;
  if (step !== undefined) {
    value = Math.ceil(value / step) * step;
    if (upper !== undefined && value > upper) value = Math.floor(upper / step) * step;
  }
  return integer ? Math.round(value) : value;
}
