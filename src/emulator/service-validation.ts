/**
 * Request validation from AWS's service model of Bedrock Runtime, as Bedrock's front end (Coral) does it before
 * any model sees the request: required members, unions with exactly one member set, string/list/map/blob lengths,
 * patterns (Java semantics, whole value: `src/internal/service-pattern.ts`), enums, integer ranges (32-bit
 * `integer`), for the URI label, the headers and the JSON body. The shapes come from
 * `service-model.generated.ts` (derived from botocore's copy by scripts/generate-service-model-subset.ts).
 *
 * Problems are reported all at once, in Coral's form: "2 validation errors detected: Value '' at
 * 'toolConfig.tools.1.member.toolSpec.name' failed to satisfy constraint: Member must satisfy regular expression
 * pattern: [a-zA-Z0-9_-]+; Value …". List members are `<list>.<1-based index>.member`; scalars are quoted,
 * `null` is `Value null at`, lists/structures/maps/blobs and sensitive values show no value (`Value at`). For one
 * member, the pattern is checked before the length (as in recorded Bedrock messages). A value of the wrong JSON
 * type cannot be deserialized: `SerializationException`, as for a malformed body.
 *
 * Where no recorded Bedrock wording was found, the emulator's own: a union with zero or several members set
 * ("Member must have exactly one member set"), integers outside 32 bits ("Member must have value less than or
 * equal to 2147483647"), map keys (reported at the map's path), and the SerializationException messages.
 */
import { serviceModelRegExp, serviceStringLength } from '../internal/service-pattern.js';
import { EmulatorError, validationError } from './errors.js';
import type { OperationName } from './faults.js';
import { SERVICE_MODEL } from './service-model.generated.js';
import type { ServiceModelShape } from './service-model-types.js';

/** What arrived: the `{modelId}` label (decoded), the headers (lower-case names) and the body. */
export interface ServiceRequest {
  modelId: string;
  headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body, or for operations whose body is a blob payload (InvokeModel), the raw bytes. */
  body: unknown;
}

const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

class Collector {
  readonly errors: string[] = [];

  add(value: unknown, path: string, constraint: string, hidden: boolean): void {
    this.errors.push(`Value ${render(value, hidden)}at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  }
}

function render(value: unknown, hidden: boolean): string {
  if (value === null || value === undefined) return 'null ';
  if (hidden || typeof value === 'object') return '';
  return `'${String(value)}' `;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

function serializationError(path: string, expected: string): EmulatorError {
  return new EmulatorError('SerializationException', 400, `Cannot deserialize the value at '${path}': expected ${expected}.`);
}

function shapeOf(name: string): ServiceModelShape {
  const shape = SERVICE_MODEL.shapes[name];
  if (shape === undefined) throw new Error(`Shape ${name} is not in the service-model subset`);
  return shape;
}

/** Coral's message for a list of problems ("1 validation error detected: …", "N validation errors detected: …; …"). */
export function coralValidationMessage(errors: readonly string[]): string {
  const count = errors.length;
  return `${count} validation error${count === 1 ? '' : 's'} detected: ${errors.join('; ')}`;
}

/**
 * Every service-model violation of the request, in Coral's wording (empty when it conforms). Throws a
 * `SerializationException` for a value of the wrong JSON type.
 */
export function serviceModelViolations(operation: OperationName, request: ServiceRequest): string[] {
  const inputName = SERVICE_MODEL.operations[operation];
  if (inputName === undefined) throw new Error(`Operation ${operation} is not in the service-model subset`);
  const input = shapeOf(inputName);
  const collector = new Collector();
  const body = isObject(request.body) ? request.body : {};
  for (const [memberName, member] of Object.entries(input.members ?? {})) {
    let value: unknown;
    if (member.location === 'uri') value = request.modelId;
    else if (member.location === 'header') value = request.headers[(member.locationName ?? memberName).toLowerCase()];
    else if (input.payload === memberName) value = request.body;
    else {
      if (request.body !== undefined && request.body !== null && !isObject(request.body)) throw serializationError('', 'a JSON object');
      value = body[memberName];
    }
    if (value === undefined || value === null) {
      if (input.required?.includes(memberName)) collector.add(null, memberName, 'not be null', false);
      continue;
    }
    checkValue(value, member.shape, memberName, collector, false, member.location === 'header' || input.payload === memberName);
  }
  return collector.errors;
}

/** Throws Bedrock's `ValidationException` when the request does not conform to the service model. */
export function validateAgainstServiceModel(operation: OperationName, request: ServiceRequest): void {
  const errors = serviceModelViolations(operation, request);
  if (errors.length > 0) throw validationError(coralValidationMessage(errors));
}

/**
 * Checks one value against a shape. `raw`: the value came from a header or is the HTTP payload (a string or
 * bytes as sent, not JSON).
 */
function checkValue(value: unknown, shapeName: string, path: string, collector: Collector, sensitive: boolean, raw = false): void {
  const shape = shapeOf(shapeName);
  const hidden = sensitive || shape.sensitive === true;
  if (shape.document === true) return;
  switch (shape.type) {
    case 'structure':
      checkStructure(value, shape, path, collector, hidden);
      return;
    case 'list': {
      if (!Array.isArray(value)) throw serializationError(path, 'a list');
      checkLength(value, value.length, shape, path, collector, true);
      value.forEach((item, index) => {
        const itemPath = `${path}.${index + 1}.member`;
        if (item === null || item === undefined) collector.add(null, itemPath, 'not be null', false);
        else checkValue(item, shape.member!, itemPath, collector, hidden);
      });
      return;
    }
    case 'map': {
      if (!isObject(value)) throw serializationError(path, 'a map');
      const entries = Object.entries(value);
      checkLength(value, entries.length, shape, path, collector, true);
      for (const [key, item] of entries) {
        checkValue(key, shape.key!, path, collector, hidden);
        if (item === null || item === undefined) collector.add(null, `${path}.${key}`, 'not be null', false);
        else checkValue(item, shape.value!, `${path}.${key}`, collector, hidden);
      }
      return;
    }
    case 'string': {
      if (typeof value !== 'string') throw serializationError(path, 'a string');
      if (shape.enum !== undefined && !shape.enum.includes(value)) {
        collector.add(value, path, `satisfy enum value set: [${shape.enum.join(', ')}]`, hidden);
      }
      if (shape.pattern !== undefined && !serviceModelRegExp(shape.pattern).test(value)) {
        collector.add(value, path, `satisfy regular expression pattern: ${shape.pattern}`, hidden);
      }
      if (shape.min !== undefined || shape.max !== undefined) checkLength(value, serviceStringLength(value), shape, path, collector, hidden);
      return;
    }
    case 'blob': {
      let length: number;
      if (raw) {
        length = Buffer.isBuffer(value) ? value.length : Buffer.byteLength(String(value));
      } else {
        if (typeof value !== 'string' || !BASE64.test(value)) throw serializationError(path, 'a base64-encoded blob');
        length = Buffer.from(value, 'base64').length;
      }
      checkLength(value, length, shape, path, collector, true);
      return;
    }
    case 'integer':
    case 'long': {
      const number = raw && typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isInteger(number)) throw serializationError(path, `an ${shape.type}`);
      if (shape.type === 'integer' && number > INT32.max) collector.add(number, path, `have value less than or equal to ${INT32.max}`, hidden);
      else if (shape.type === 'integer' && number < INT32.min) collector.add(number, path, `have value greater than or equal to ${INT32.min}`, hidden);
      else checkRange(number, shape, path, collector, hidden);
      return;
    }
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw serializationError(path, `a ${shape.type}`);
      checkRange(value, shape, path, collector, hidden);
      return;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw serializationError(path, 'a boolean');
      return;
    default:
      return;
  }
}

function checkStructure(value: unknown, shape: ServiceModelShape, path: string, collector: Collector, hidden: boolean): void {
  if (!isObject(value)) throw serializationError(path, 'a structure');
  const members = shape.members ?? {};
  if (shape.union === true) {
    const set = Object.keys(members).filter((name) => value[name] !== undefined && value[name] !== null);
    if (set.length !== 1) collector.add(value, path, 'have exactly one member set', true);
  }
  for (const [name, member] of Object.entries(members)) {
    const memberPath = `${path}.${name}`;
    const memberValue = value[name];
    if (memberValue === undefined || memberValue === null) {
      if (shape.required?.includes(name)) collector.add(null, memberPath, 'not be null', false);
      continue;
    }
    checkValue(memberValue, member.shape, memberPath, collector, hidden);
  }
}

function checkLength(value: unknown, length: number, shape: ServiceModelShape, path: string, collector: Collector, hidden: boolean): void {
  if (shape.min !== undefined && length < shape.min) collector.add(value, path, `have length greater than or equal to ${shape.min}`, hidden);
  if (shape.max !== undefined && length > shape.max) collector.add(value, path, `have length less than or equal to ${shape.max}`, hidden);
}

function checkRange(value: number, shape: ServiceModelShape, path: string, collector: Collector, hidden: boolean): void {
  if (shape.min !== undefined && value < shape.min) collector.add(value, path, `have value greater than or equal to ${shape.min}`, hidden);
  if (shape.max !== undefined && value > shape.max) collector.add(value, path, `have value less than or equal to ${shape.max}`, hidden);
}
