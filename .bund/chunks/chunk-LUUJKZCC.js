import {
  serviceModelRegExp,
  serviceStringLength
} from "./chunk-MA7DIEUK.js";

// dist/src/emulator/auth.js
import { createHash, timingSafeEqual } from "node:crypto";
import { Sha256 } from "@smithy/core/checksum";
import { HttpRequest } from "@smithy/core/protocols";
import { SignatureV4 } from "@smithy/signature-v4";

// dist/src/emulator/errors.js
var BEDROCK_ERROR_NAMESPACE = "http://internal.amazon.com/coral/com.amazon.bedrock/";
var CORAL_ERROR_NAMESPACE = "http://internal.amazon.com/coral/com.amazon.coral.service/";
var MODELED_EXCEPTION_STATUS = {
  AccessDeniedException: 403,
  ValidationException: 400,
  ConflictException: 400,
  ServiceQuotaExceededException: 400,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ThrottlingException: 429,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ModelStreamErrorException: 424,
  InternalServerException: 500,
  ServiceUnavailableException: 503
};
var DEFAULT_EXCEPTION_MESSAGES = {
  AccessDeniedException: "You don't have access to the model with the specified model ID.",
  ValidationException: "The request was rejected by the emulator (injected fault).",
  ConflictException: "The request conflicts with the current state of the resource.",
  ServiceQuotaExceededException: "Your request exceeds the service quota for your account.",
  ResourceNotFoundException: "The requested resource could not be found.",
  ModelTimeoutException: "Model has timed out in processing the request. Try your request again.",
  ThrottlingException: "Too many requests, please wait before trying again.",
  ModelNotReadyException: "Model is not ready to serve inference requests. The AWS SDK will automatically retry the operation.",
  ModelErrorException: "The model returned an error (injected fault).",
  ModelStreamErrorException: "The model stream returned an error (injected fault).",
  InternalServerException: "The server encountered an internal error while processing the request.",
  ServiceUnavailableException: "Bedrock is unable to process your request."
};
function isModeledExceptionName(name) {
  return Object.hasOwn(MODELED_EXCEPTION_STATUS, name);
}
var EmulatorError = class extends Error {
  name;
  status;
  namespace;
  body;
  constructor(name, status, message, options = {}) {
    super(message);
    this.name = name;
    this.status = status;
    this.namespace = options.namespace ?? BEDROCK_ERROR_NAMESPACE;
    this.body = options.body ?? { message };
  }
  /** `x-amzn-ErrorType` header value. */
  get errorType() {
    return `${this.name}:${this.namespace}`;
  }
};
function validationError(message) {
  return new EmulatorError("ValidationException", 400, message);
}

// dist/src/emulator/auth.js
var MAX_CLOCK_SKEW_MS = 5 * 60 * 1e3;
var API_KEY_PREFIXES = ["bedrock-api-key-", "ABSK"];
var AUTHORIZATION_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})$/;
var SIGNATURE_MISMATCH_MESSAGE = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
var INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";
function invalidSignature(message) {
  return new EmulatorError("InvalidSignatureException", 403, message, { namespace: CORAL_ERROR_NAMESPACE });
}
function unrecognizedClient() {
  return new EmulatorError("UnrecognizedClientException", 403, INVALID_TOKEN_MESSAGE, {
    namespace: CORAL_ERROR_NAMESPACE
  });
}
function formatAmzDate(date) {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}
function parseAmzDate(value) {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!match)
    return void 0;
  const [, year, month, day, hour, minute, second] = match;
  const date = /* @__PURE__ */ new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`);
  return Number.isNaN(date.getTime()) ? void 0 : date;
}
function clockSkewMessage(signedAt, now) {
  const skew = signedAt.getTime() - now.getTime();
  if (skew < -MAX_CLOCK_SKEW_MS) {
    const earliest = new Date(now.getTime() - MAX_CLOCK_SKEW_MS);
    return `Signature expired: ${formatAmzDate(signedAt)} is now earlier than ${formatAmzDate(earliest)} (${formatAmzDate(now)} - 5 min.)`;
  }
  if (skew > MAX_CLOCK_SKEW_MS) {
    const latest = new Date(now.getTime() + MAX_CLOCK_SKEW_MS);
    return `Signature not yet current: ${formatAmzDate(signedAt)} is still later than ${formatAmzDate(latest)} (${formatAmzDate(now)} + 5 min.)`;
  }
  return void 0;
}
function equalStrings(left, right) {
  const a = Buffer.from(left);
  const b = Buffer.from(right);
  return a.length === b.length && timingSafeEqual(a, b);
}
var Authenticator = class {
  #credentials;
  #apiKeys;
  #bearerRegion;
  #now;
  #signers = /* @__PURE__ */ new Map();
  constructor(options) {
    this.#credentials = new Map(options.credentials.map((pair) => [pair.accessKeyId, pair]));
    this.#apiKeys = new Set(options.apiKeys);
    this.#bearerRegion = options.region;
    this.#now = options.now ?? Date.now;
  }
  /**
   * Resolves who sent the request, or throws the {@link EmulatorError} Bedrock would answer with. `service` is the
   * SigV4 signing name the request must be scoped to: `bedrock` (Runtime and control plane) or `s3` (signed without
   * re-escaping the path, as S3 requires; bearer keys are Bedrock's only).
   */
  async authenticate(input, expectedService = "bedrock") {
    const authorization = input.headers["authorization"];
    if (authorization === void 0 || authorization.trim() === "") {
      throw new EmulatorError("MissingAuthenticationTokenException", 403, "Missing Authentication Token", {
        namespace: CORAL_ERROR_NAMESPACE
      });
    }
    if (/^Bearer\s/i.test(authorization) && expectedService === "bedrock")
      return this.#authenticateBearer(authorization.replace(/^Bearer\s+/i, "").trim());
    if (authorization.startsWith("AWS4-HMAC-SHA256"))
      return this.#authenticateSigV4(input, authorization, expectedService);
    throw new EmulatorError("IncompleteSignatureException", 400, `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${authorization.split(/\s/)[0] ?? ""}`, { namespace: CORAL_ERROR_NAMESPACE });
  }
  #authenticateBearer(token) {
    if (!API_KEY_PREFIXES.some((prefix) => token.startsWith(prefix))) {
      const message = "Invalid API Key format: Must start with pre-defined prefix";
      throw new EmulatorError("AccessDeniedException", 403, message, { namespace: CORAL_ERROR_NAMESPACE, body: { Message: message } });
    }
    if (!this.#apiKeys.has(token)) {
      const message = "Authentication failed: Please make sure your API Key is valid.";
      throw new EmulatorError("AccessDeniedException", 403, message, { namespace: CORAL_ERROR_NAMESPACE, body: { Message: message } });
    }
    return { scheme: "bearer", region: this.#bearerRegion };
  }
  async #authenticateSigV4(input, authorization, expectedService) {
    const match = AUTHORIZATION_PATTERN.exec(authorization);
    if (!match) {
      throw new EmulatorError("IncompleteSignatureException", 400, "Authorization header is malformed: expected Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=\u2026, Signature=\u2026", { namespace: CORAL_ERROR_NAMESPACE });
    }
    const [, accessKeyId = "", scopeDate = "", region = "", service = "", signedHeaderList = "", signature = ""] = match;
    const pair = this.#credentials.get(accessKeyId);
    if (pair === void 0)
      throw unrecognizedClient();
    const requestToken = input.headers["x-amz-security-token"];
    if (!equalStrings(pair.sessionToken ?? "", requestToken ?? ""))
      throw unrecognizedClient();
    if (service !== expectedService) {
      throw invalidSignature(`Credential should be scoped to correct service: '${expectedService}'. `);
    }
    const amzDate = input.headers["x-amz-date"] ?? "";
    const signedAt = parseAmzDate(amzDate);
    if (signedAt === void 0) {
      throw new EmulatorError("IncompleteSignatureException", 400, "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.", { namespace: CORAL_ERROR_NAMESPACE });
    }
    const skew = clockSkewMessage(signedAt, new Date(this.#now()));
    if (skew !== void 0)
      throw invalidSignature(skew);
    if (!amzDate.startsWith(scopeDate)) {
      throw invalidSignature(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
    }
    const contentHash = input.headers["x-amz-content-sha256"];
    if (contentHash !== void 0 && contentHash !== "UNSIGNED-PAYLOAD" && !contentHash.startsWith("STREAMING-")) {
      const actual = createHash("sha256").update(input.body).digest("hex");
      if (actual !== contentHash)
        throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    }
    const questionMark = input.rawPath.indexOf("?");
    const path = questionMark === -1 ? input.rawPath : input.rawPath.slice(0, questionMark);
    const query = {};
    if (questionMark !== -1) {
      for (const pair2 of input.rawPath.slice(questionMark + 1).split("&")) {
        if (pair2 === "")
          continue;
        const equals = pair2.indexOf("=");
        const key = decodeURIComponent(equals === -1 ? pair2 : pair2.slice(0, equals));
        const value = equals === -1 ? "" : decodeURIComponent(pair2.slice(equals + 1).replace(/\+/g, "%20"));
        const previous = query[key];
        query[key] = previous === void 0 ? value : [...Array.isArray(previous) ? previous : [previous], value];
      }
    }
    const signedHeaders = {};
    for (const name of signedHeaderList.split(";")) {
      const value = input.headers[name];
      if (value === void 0)
        throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
      signedHeaders[name] = value;
    }
    const credentials = requestToken === void 0 ? { accessKeyId, secretAccessKey: pair.secretAccessKey } : { accessKeyId, secretAccessKey: pair.secretAccessKey, sessionToken: requestToken };
    const signed = await this.#signer(accessKeyId, region, credentials, expectedService).sign(new HttpRequest({ method: input.method, protocol: "http:", hostname: "localhost", path, query, headers: signedHeaders, body: input.body }), { signingDate: signedAt });
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers["authorization"] ?? ""))?.[1] ?? "";
    if (!equalStrings(expected, signature))
      throw invalidSignature(SIGNATURE_MISMATCH_MESSAGE);
    return { scheme: "sigv4", region, accessKeyId };
  }
  #signer(accessKeyId, region, credentials, service) {
    const key = `${service}\0${accessKeyId}\0${region}\0${credentials.sessionToken ?? ""}`;
    let signer = this.#signers.get(key);
    if (signer === void 0) {
      signer = new SignatureV4({ service, region, credentials, sha256: Sha256, uriEscapePath: service !== "s3" });
      this.#signers.set(key, signer);
    }
    return signer;
  }
};

// dist/src/emulator/converse.js
import { createHash as createHash3 } from "node:crypto";

// dist/src/emulator/media.js
var VIDEO_MODELS = /* @__PURE__ */ new Set(["amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0", "amazon.nova-premier-v1:0", "amazon.nova-2-lite-v1:0", "amazon.nova-2-pro-preview-20251202-v1:0"]);
var AUDIO_MODELS = /* @__PURE__ */ new Set(["mistral.voxtral-mini-3b-2507", "mistral.voxtral-small-24b-2507"]);
var NO_CITATIONS = /* @__PURE__ */ new Set([
  "anthropic.claude-3-haiku-20240307-v1:0",
  "anthropic.claude-3-sonnet-20240229-v1:0",
  "anthropic.claude-3-opus-20240229-v1:0",
  "anthropic.claude-3-5-sonnet-20240620-v1:0",
  "anthropic.claude-3-5-sonnet-20241022-v2:0"
]);
function mediaSupport(modelId) {
  return {
    audio: AUDIO_MODELS.has(modelId),
    video: VIDEO_MODELS.has(modelId),
    citations: modelId.startsWith("anthropic.") && !NO_CITATIONS.has(modelId)
  };
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function unsupported(field) {
  throw validationError(`This model doesn't support the ${field} field. Remove ${field} and try again.`);
}
function validateMedia(request, modelId) {
  const support = mediaSupport(modelId);
  const visit = (block) => {
    if (!isObject(block))
      return;
    if (block["audio"] !== void 0 && !support.audio)
      unsupported("audio");
    if (block["video"] !== void 0 && !support.video)
      unsupported("video");
    const document = block["document"];
    if (isObject(document) && isObject(document["citations"]) && document["citations"]["enabled"] === true && !support.citations)
      unsupported("citations");
    const toolResult = block["toolResult"];
    if (isObject(toolResult) && Array.isArray(toolResult["content"]))
      toolResult["content"].forEach(visit);
  };
  for (const message of request.messages ?? [])
    if (Array.isArray(message.content))
      message.content.forEach(visit);
}
var TEXT_FORMATS = /* @__PURE__ */ new Set(["txt", "md", "csv", "html"]);
function documentText(document) {
  const source = isObject(document["source"]) ? document["source"] : {};
  if (typeof source["text"] === "string")
    return source["text"];
  if (Array.isArray(source["content"])) {
    return source["content"].map((item) => isObject(item) && typeof item["text"] === "string" ? item["text"] : "").join("\n");
  }
  if (typeof source["bytes"] === "string" && TEXT_FORMATS.has(String(document["format"])))
    return Buffer.from(source["bytes"], "base64").toString("utf8");
  return void 0;
}
function citationBlocks(request) {
  const messages = request.messages ?? [];
  let documentIndex = 0;
  const blocks = [];
  messages.forEach((message, messageIndex) => {
    for (const block of Array.isArray(message.content) ? message.content : []) {
      const document = isObject(block) ? block["document"] : void 0;
      if (!isObject(document))
        continue;
      const index = documentIndex++;
      const last = messageIndex === messages.length - 1 && message.role === "user";
      if (!last || !isObject(document["citations"]) || document["citations"]["enabled"] !== true)
        continue;
      const title = typeof document["name"] === "string" ? document["name"] : `document ${index}`;
      const text = documentText(document);
      if (text === void 0) {
        blocks.push({ citationsContent: { content: [{ text: "(page 1)" }], citations: [{ title, location: { documentPage: { documentIndex: index, start: 1, end: 2 } } }] } });
        continue;
      }
      const firstLine = text.split("\n").map((line) => line.trim()).find((line) => line !== "") ?? text;
      const quote = firstLine.slice(0, 80);
      const start = Math.max(0, text.indexOf(quote));
      blocks.push({
        citationsContent: {
          content: [{ text: quote }],
          citations: [{ title, sourceContent: [{ text: quote }], location: { documentChar: { documentIndex: index, start, end: start + quote.length } } }]
        }
      });
    }
  });
  return blocks;
}

// dist/src/emulator/reasoning.js
import { createHash as createHash2, createHmac, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var SIGNING_KEY = "bedrock-openai-emulator/reasoning-signature";
var REDACTION_KEY = "bedrock-openai-emulator/redacted-reasoning";
var NONCE_BYTES = 16;
var MAC_BYTES = 32;
var REDACTED_THINKING_TRIGGER = "ANTHROPIC_MAGIC_STRING_TRIGGER_REDACTED_THINKING_46C9A13E193C177646C7398A98432ECCCE4C1253D5E2D82641AC0E52CC2876CB";
function createRedactedReasoning(seed) {
  const nonce = createHash2("sha256").update(seed).digest().subarray(0, NONCE_BYTES);
  const mac = createHmac("sha256", REDACTION_KEY).update(nonce).digest();
  return Buffer.concat([nonce, mac]).toString("base64");
}
function verifyRedactedReasoning(data) {
  if (typeof data !== "string" || !/^[A-Za-z0-9+/]+={0,2}$/.test(data))
    return false;
  const bytes = Buffer.from(data, "base64");
  if (bytes.length !== NONCE_BYTES + MAC_BYTES)
    return false;
  const expected = createHmac("sha256", REDACTION_KEY).update(bytes.subarray(0, NONCE_BYTES)).digest();
  return timingSafeEqual2(expected, bytes.subarray(NONCE_BYTES));
}
function signReasoning(text) {
  return createHmac("sha256", SIGNING_KEY).update(text).digest("base64");
}
function verifyReasoningSignature(text, signature) {
  return signReasoning(text) === signature;
}
function shouldRedactReasoning(model, reasoning, userText, trigger) {
  if (reasoning?.signed !== true || model.redactedThinking !== true)
    return false;
  return trigger !== void 0 && trigger !== "" && userText.includes(trigger);
}
function objectOrUndefined(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? value : void 0;
}
function readReasoningRequest(model, additionalFields) {
  switch (model.reasoning) {
    case "anthropic-thinking": {
      const thinking = objectOrUndefined(additionalFields?.["thinking"]);
      if (thinking === void 0)
        return void 0;
      if (thinking["type"] === "enabled") {
        const budget = thinking["budget_tokens"];
        return typeof budget === "number" ? { budgetTokens: budget, signed: true } : { signed: true };
      }
      if (thinking["type"] === "adaptive")
        return { signed: true };
      return void 0;
    }
    case "nova-reasoning-config": {
      const config = objectOrUndefined(additionalFields?.["reasoningConfig"]);
      if (config?.["type"] !== "enabled")
        return void 0;
      const effort = config["maxReasoningEffort"];
      return typeof effort === "string" ? { effort, signed: false } : { signed: false };
    }
    case "reasoning-effort": {
      const effort = additionalFields?.["reasoning_effort"];
      return typeof effort === "string" ? { effort, signed: false } : void 0;
    }
    case "always":
      return { signed: false };
    case void 0:
      return void 0;
  }
}

// dist/src/emulator/schema-value.js
function isSchema(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var FORMAT_EXAMPLES = {
  date: "2024-01-01",
  "date-time": "2024-01-01T00:00:00Z",
  time: "00:00:00Z",
  email: "user@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uuid: "00000000-0000-4000-8000-000000000000"
};
var MAX_DEPTH = 12;
function generateFromSchema(schema, text) {
  return generate(schema, isSchema(schema) ? schema : {}, text, "example", 0);
}
function resolveRef(schema, root) {
  let current = schema;
  for (let hops = 0; hops < 16 && typeof current["$ref"] === "string"; hops += 1) {
    const ref = current["$ref"];
    if (!ref.startsWith("#"))
      return {};
    let target = root;
    for (const part of ref.slice(1).split("/").filter(Boolean)) {
      const key = decodeURIComponent(part.replace(/~1/g, "/").replace(/~0/g, "~"));
      target = isSchema(target) ? target[key] : void 0;
    }
    if (!isSchema(target))
      return {};
    const { $ref: _ignored, ...rest } = current;
    current = { ...target, ...rest };
  }
  return current;
}
function mergeAllOf(schema, root) {
  const parts = schema["allOf"];
  if (!Array.isArray(parts))
    return schema;
  const merged = { ...schema };
  delete merged["allOf"];
  const properties = { ...isSchema(schema["properties"]) ? schema["properties"] : {} };
  const required = new Set(Array.isArray(schema["required"]) ? schema["required"] : []);
  for (const part of parts) {
    if (!isSchema(part))
      continue;
    const resolved = mergeAllOf(resolveRef(part, root), root);
    Object.assign(merged, resolved);
    if (isSchema(resolved["properties"]))
      Object.assign(properties, resolved["properties"]);
    if (Array.isArray(resolved["required"]))
      for (const name of resolved["required"])
        required.add(name);
  }
  if (Object.keys(properties).length > 0)
    merged["properties"] = properties;
  if (required.size > 0)
    merged["required"] = [...required];
  return merged;
}
function pickType(schema) {
  const type = schema["type"];
  if (typeof type === "string")
    return type;
  if (Array.isArray(type)) {
    const nonNull = type.find((item) => item !== "null");
    return typeof nonNull === "string" ? nonNull : "null";
  }
  if (isSchema(schema["properties"]) || schema["required"] !== void 0)
    return "object";
  if (schema["items"] !== void 0 || schema["prefixItems"] !== void 0)
    return "array";
  return void 0;
}
function generate(input, root, text, name, depth) {
  if (!isSchema(input))
    return {};
  const schema = mergeAllOf(resolveRef(input, root), root);
  if (schema["const"] !== void 0)
    return schema["const"];
  if (Array.isArray(schema["enum"]) && schema["enum"].length > 0)
    return schema["enum"][0];
  if (schema["default"] !== void 0)
    return schema["default"];
  if (Array.isArray(schema["examples"]) && schema["examples"].length > 0)
    return schema["examples"][0];
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const preferred = branches.find((branch) => isSchema(branch) && branch["type"] !== "null") ?? branches[0];
      const { [key]: _branches, ...rest } = schema;
      return generate({ ...rest, ...isSchema(preferred) ? preferred : {} }, root, text, name, depth);
    }
  }
  switch (pickType(schema)) {
    case "object":
      return generateObject(schema, root, text, depth);
    case "array":
      return generateArray(schema, root, text, name, depth);
    case "string":
      return generateString(schema, text ?? name);
    case "integer":
      return generateNumber(schema, true);
    case "number":
      return generateNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return text ?? name;
  }
}
function generateObject(schema, root, text, depth) {
  const result = {};
  const properties = isSchema(schema["properties"]) ? schema["properties"] : {};
  const required = Array.isArray(schema["required"]) ? schema["required"].filter((item) => typeof item === "string") : [];
  const names = depth >= MAX_DEPTH ? required : [.../* @__PURE__ */ new Set([...required, ...Object.keys(properties)])];
  for (const property of names) {
    result[property] = generate(properties[property] ?? {}, root, text, property, depth + 1);
  }
  return result;
}
function generateArray(schema, root, text, name, depth) {
  const prefix = Array.isArray(schema["prefixItems"]) ? schema["prefixItems"] : [];
  const minItems = typeof schema["minItems"] === "number" ? schema["minItems"] : depth >= MAX_DEPTH ? 0 : 1;
  const maxItems = typeof schema["maxItems"] === "number" ? schema["maxItems"] : Number.POSITIVE_INFINITY;
  const count = Math.min(Math.max(minItems, prefix.length), maxItems);
  const items = [];
  for (let index = 0; index < count; index += 1) {
    const itemSchema = index < prefix.length ? prefix[index] : schema["items"];
    items.push(generate(itemSchema ?? {}, root, text, name, depth + 1));
  }
  if (schema["uniqueItems"] === true && items.length > 1) {
    return items.map((item, index) => typeof item === "string" ? `${item} ${index + 1}` : typeof item === "number" ? item + index : item);
  }
  return items;
}
function generateString(schema, text) {
  const format = typeof schema["format"] === "string" ? FORMAT_EXAMPLES[schema["format"]] : void 0;
  let value = format ?? text;
  const minLength = typeof schema["minLength"] === "number" ? schema["minLength"] : 0;
  const maxLength = typeof schema["maxLength"] === "number" ? schema["maxLength"] : Number.POSITIVE_INFINITY;
  if (value.length === 0 && minLength > 0)
    value = "x";
  while (value.length < minLength)
    value = `${value} ${value}`;
  if (value.length > maxLength)
    value = value.slice(0, maxLength);
  return value;
}
function generateNumber(schema, integer) {
  const minimum = typeof schema["minimum"] === "number" ? schema["minimum"] : void 0;
  const exclusiveMinimum = typeof schema["exclusiveMinimum"] === "number" ? schema["exclusiveMinimum"] : void 0;
  const maximum = typeof schema["maximum"] === "number" ? schema["maximum"] : void 0;
  const exclusiveMaximum = typeof schema["exclusiveMaximum"] === "number" ? schema["exclusiveMaximum"] : void 0;
  const step = typeof schema["multipleOf"] === "number" && schema["multipleOf"] > 0 ? schema["multipleOf"] : integer ? 1 : void 0;
  let value = 1;
  if (minimum !== void 0)
    value = minimum;
  if (exclusiveMinimum !== void 0)
    value = exclusiveMinimum + (step ?? 0.5);
  const upper = maximum ?? (exclusiveMaximum !== void 0 ? exclusiveMaximum - (step ?? 0.5) : void 0);
  if (upper !== void 0 && value > upper)
    value = upper;
  if (minimum === void 0 && exclusiveMinimum === void 0 && upper !== void 0 && upper < 1)
    value = upper;
  if (step !== void 0) {
    value = Math.ceil(value / step) * step;
    if (upper !== void 0 && value > upper)
      value = Math.floor(upper / step) * step;
  }
  return integer ? Math.round(value) : value;
}

// dist/src/emulator/tokens.js
var WORD = /\S+/g;
function countTokens(text) {
  let count = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null)
    count += 1;
  return count;
}
function splitTokens(text) {
  return text.match(/\s*\S+/g) ?? [];
}

// dist/src/emulator/validation-messages.js
var MODEL_ERROR_PREFIX = "The model returned the following errors: ";
var MESSAGES = {
  startWithUser: "A conversation must start with a user message. Try again with a conversation that starts with a user message.",
  alternateRoles: "A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.",
  toolConfigRequired: "The toolConfig field must be defined when using toolUse and toolResult content blocks.",
  unsupportedAction: "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
  streamingUnsupported: "The model is unsupported for streaming.",
  streamingToolUseUnsupported: "This model doesn't support tool use in streaming mode.",
  toolUseUnsupported: "This model doesn't support tool use.",
  systemUnsupported: "This model doesn't support system messages.",
  temperatureAndTopP: `${MODEL_ERROR_PREFIX}\`temperature\` and \`top_p\` cannot both be specified for this model. Please use only one.`,
  thinkingForcedTool: `${MODEL_ERROR_PREFIX}Thinking may not be enabled when tool_choice forces tool use.`,
  thinkingBudgetMinimum: `${MODEL_ERROR_PREFIX}thinking.enabled.budget_tokens: Input should be greater than or equal to 1024`,
  thinkingBudgetBelowMax: `${MODEL_ERROR_PREFIX}\`max_tokens\` must be greater than \`thinking.budget_tokens\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size`,
  thinkingTemperature: `${MODEL_ERROR_PREFIX}\`temperature\` may only be set to 1 when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingTopP: `${MODEL_ERROR_PREFIX}\`top_p\` must be greater than or equal to 0.95 or unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingTopK: `${MODEL_ERROR_PREFIX}\`top_k\` must be unset when thinking is enabled. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking#important-considerations-when-using-extended-thinking`,
  thinkingUnsupported: `${MODEL_ERROR_PREFIX}thinking: Extra inputs are not permitted`,
  extendedTtlNonAnthropic: "Extended TTL prompt caching is only supported for Anthropic models"
};
var at = (path, message) => `${MODEL_ERROR_PREFIX}${path}: ${message}`;
function maxTokensMessage(limit) {
  return `The maximum tokens you requested exceeds the model limit of ${limit}. Try again with a maximum tokens value that is lower than ${limit}.`;
}
function constraintMessage(value, path, constraint) {
  return `1 validation error detected: Value '${String(value)}' at '${path}' failed to satisfy constraint: ${constraint}`;
}
function cacheLimitMessage(found) {
  return `${MODEL_ERROR_PREFIX}A maximum of 4 blocks with cache_control may be provided. Found ${found}.`;
}
function isObject2(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function fail(message) {
  throw validationError(message);
}

// dist/src/emulator/validate-tools.js
function validateTools(request, context) {
  const { model, operation } = context;
  const messages = request.messages ?? [];
  const toolConfig = request.toolConfig;
  const hasToolBlocks = messages.some((message) => message.content.some((block) => block["toolUse"] !== void 0 || block["toolResult"] !== void 0));
  if (toolConfig === void 0) {
    if (hasToolBlocks)
      fail(MESSAGES.toolConfigRequired);
    return;
  }
  if (!isObject2(toolConfig))
    fail(constraintMessage(toolConfig, "toolConfig", "Member must be a structure"));
  if (model.toolChoice.length === 0)
    fail(MESSAGES.toolUseUnsupported);
  if (operation === "ConverseStream" && !model.streamingToolUse)
    fail(MESSAGES.streamingToolUseUnsupported);
  const tools = toolConfig.tools;
  if (!Array.isArray(tools) || tools.length === 0) {
    fail(constraintMessage("[]", "toolConfig.tools", "Member must have length greater than or equal to 1"));
  }
  const names = /* @__PURE__ */ new Set();
  tools.forEach((tool, index) => {
    const spec = isObject2(tool) ? tool["toolSpec"] : void 0;
    if (!isObject2(spec))
      return;
    const name = spec["name"];
    if (typeof name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
      fail(constraintMessage(name, `toolConfig.tools.${index + 1}.member.toolSpec.name`, "Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+"));
    }
    if (names.has(name))
      fail(`${MODEL_ERROR_PREFIX}tools: Tool names must be unique.`);
    names.add(name);
  });
  const choice = toolConfig.toolChoice;
  if (choice !== void 0) {
    const kind = ["auto", "any", "tool"].find((key) => isObject2(choice) && choice[key] !== void 0);
    if (kind === void 0)
      fail(constraintMessage(JSON.stringify(choice), "toolConfig.toolChoice", "Member must be one of auto, any, tool"));
    if (!model.toolChoice.includes(kind)) {
      fail(`This model doesn't support the toolConfig.toolChoice.${kind} field. Remove toolConfig.toolChoice.${kind} and try again.`);
    }
    if (kind === "tool") {
      const name = choice["tool"]["name"];
      if (typeof name !== "string" || !names.has(name)) {
        fail(`${MODEL_ERROR_PREFIX}tool_choice.name: Tool '${String(name)}' not found in provided tools`);
      }
    }
  }
  let previousToolUses = [];
  messages.forEach((message, messageIndex) => {
    const toolUses = [];
    const toolResults = [];
    message.content.forEach((block, blockIndex) => {
      const toolUse = block["toolUse"];
      if (isObject2(toolUse))
        toolUses.push({ id: String(toolUse["toolUseId"]), messageIndex, blockIndex });
      const toolResult = block["toolResult"];
      if (isObject2(toolResult)) {
        toolResults.push({ id: String(toolResult["toolUseId"]), messageIndex, blockIndex });
        if (toolResult["status"] !== void 0 && !supportsToolResultStatus(model)) {
          fail("This model doesn't support the status field. Remove status and try again.");
        }
      }
    });
    if (message.role === "user") {
      if (toolResults.length > previousToolUses.length) {
        fail(`The number of toolResult blocks at messages.${messageIndex}.content exceeds the number of toolUse blocks of previous turn.`);
      }
      const known = new Set(previousToolUses.map((use) => use.id));
      const unexpected = toolResults.filter((result) => !known.has(result.id));
      const first = unexpected[0];
      if (first !== void 0) {
        fail(at(`messages.${messageIndex}.content.${first.blockIndex}`, `unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${unexpected.map((result) => result.id).join(", ")}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`));
      }
      const answered = new Set(toolResults.map((result) => result.id));
      const missing = previousToolUses.filter((use) => !answered.has(use.id));
      const firstMissing = missing[0];
      if (firstMissing !== void 0) {
        fail(at(`messages.${firstMissing.messageIndex}`, `\`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.map((use) => use.id).join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`));
      }
      previousToolUses = [];
    } else if (message.role === "assistant") {
      previousToolUses = toolUses;
    }
  });
}
function supportsToolResultStatus(model) {
  return model.id.startsWith("anthropic.") || model.id.startsWith("amazon.nova");
}

// dist/src/emulator/validation.js
function findCachePoints(request) {
  const points = [];
  const visit = (block, path) => {
    if (!isObject2(block) || !isObject2(block["cachePoint"]))
      return;
    const ttl = block["cachePoint"]["ttl"];
    points.push({ path, ttl: ttl === "1h" ? "1h" : "5m" });
  };
  (request.toolConfig?.tools ?? []).forEach((tool, index) => visit(tool, `toolConfig.tools.${index}`));
  (request.system ?? []).forEach((block, index) => visit(block, `system.${index}`));
  (request.messages ?? []).forEach((message, messageIndex) => (isObject2(message) && Array.isArray(message.content) ? message.content : []).forEach((block, blockIndex) => visit(block, `messages.${messageIndex}.content.${blockIndex}`)));
  return points;
}
function validateConverseRequest(body, context) {
  const { model, operation } = context;
  if (model.kind !== "chat" || !model.converse)
    fail(MESSAGES.unsupportedAction);
  if (operation === "ConverseStream" && !model.converseStream)
    fail(MESSAGES.streamingUnsupported);
  if (!isObject2(body))
    fail("The request body must be a JSON object.");
  const request = body;
  validateMessages(request);
  validateDocumentNames(request);
  validateMedia(request, model.id);
  validateSystem(request, model);
  validateTools(request, context);
  const maxTokens = validateInferenceConfig(request, model);
  validateReasoning(request, model, maxTokens);
  validateCachePoints(request, model);
  validateOutputConfig(request, model);
  return request;
}
function validateMessages(request) {
  const messages = request.messages;
  if (messages !== void 0 && !Array.isArray(messages))
    fail(constraintMessage(messages, "messages", "Member must be a list"));
  const list = messages ?? [];
  const conversation = list.filter((message) => !(isObject2(message) && message.role === "system"));
  list.forEach((message, index) => {
    if (!isObject2(message))
      fail(constraintMessage(message, `messages.${index + 1}.member`, "Member must be a structure"));
    if (message.role !== "user" && message.role !== "assistant" && message.role !== "system") {
      fail(constraintMessage(message.role, `messages.${index + 1}.member.role`, "Member must satisfy enum value set: [user, assistant, system]"));
    }
  });
  if (conversation.length === 0 || conversation[0]?.role !== "user")
    fail(MESSAGES.startWithUser);
  for (let index = 1; index < conversation.length; index += 1) {
    if (conversation[index]?.role === conversation[index - 1]?.role)
      fail(MESSAGES.alternateRoles);
  }
  list.forEach((message, messageIndex) => {
    if (!Array.isArray(message.content) || message.content.length === 0) {
      fail(`The content field in the Message object at messages.${messageIndex} is empty. Add a ContentBlock object to the content field and try again.`);
    }
    message.content.forEach((block, blockIndex) => {
      if (!isObject2(block))
        fail(constraintMessage(block, `messages.${messageIndex}.content.${blockIndex}`, "Member must be a structure"));
      const text = block["text"];
      if (text !== void 0 && (typeof text !== "string" || text.trim() === "")) {
        fail(`The text field in the ContentBlock object at messages.${messageIndex}.content.${blockIndex} is blank. Add text to the text field, and try again.`);
      }
    });
  });
}
function validateDocumentNames(request) {
  const seen = /* @__PURE__ */ new Set();
  const check = (block, path) => {
    const document = isObject2(block) && isObject2(block["document"]) ? block["document"] : void 0;
    const name = document?.["name"];
    if (typeof name !== "string")
      return;
    if (!/^[a-zA-Z0-9 \t\n\v\f\r\-()[\]]*$/.test(name) || /[ \t\n\v\f\r]{2}/.test(name)) {
      fail(`The document name at ${path}.document.name is invalid. A name may contain only alphanumeric characters, whitespace characters (no more than one in a row), hyphens, parentheses and square brackets.`);
    }
    if (seen.has(name))
      fail("Messages can't contain duplicate document names.");
    seen.add(name);
  };
  (request.messages ?? []).forEach((message, messageIndex) => (isObject2(message) && Array.isArray(message.content) ? message.content : []).forEach((block, blockIndex) => {
    const path = `messages.${messageIndex}.content.${blockIndex}`;
    check(block, path);
    const results = isObject2(block) && isObject2(block["toolResult"]) ? block["toolResult"]["content"] : void 0;
    if (Array.isArray(results))
      results.forEach((item, itemIndex) => check(item, `${path}.toolResult.content.${itemIndex}`));
  }));
}
function validateSystem(request, model) {
  const system = request.system;
  if (system === void 0)
    return;
  if (!Array.isArray(system))
    fail(constraintMessage(system, "system", "Member must be a list"));
  if (system.length > 0 && !model.systemPrompt)
    fail(MESSAGES.systemUnsupported);
  system.forEach((block, index) => {
    const text = isObject2(block) ? block["text"] : void 0;
    if (text !== void 0 && (typeof text !== "string" || text.trim() === "")) {
      fail(`The text field in the SystemContentBlock object at system.${index} is blank. Add text to the text field, and try again.`);
    }
  });
}
function validateInferenceConfig(request, model) {
  const config = request.inferenceConfig;
  if (config === void 0)
    return model.maxOutputTokens;
  if (!isObject2(config))
    fail(constraintMessage(config, "inferenceConfig", "Member must be a structure"));
  const { maxTokens, temperature, topP, stopSequences } = config;
  if (maxTokens !== void 0) {
    if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1) {
      fail(constraintMessage(maxTokens, "inferenceConfig.maxTokens", "Member must have value greater than or equal to 1"));
    }
    if (maxTokens > model.maxOutputTokens)
      fail(maxTokensMessage(model.maxOutputTokens));
  }
  for (const [name, value] of [
    ["temperature", temperature],
    ["topP", topP]
  ]) {
    if (value === void 0)
      continue;
    if (typeof value !== "number" || value < 0) {
      fail(constraintMessage(value, `inferenceConfig.${name}`, "Member must have value greater than or equal to 0"));
    }
    if (value > 1)
      fail(constraintMessage(value, `inferenceConfig.${name}`, "Member must have value less than or equal to 1"));
  }
  if (temperature !== void 0 && topP !== void 0 && model.samplingParametersExclusive)
    fail(MESSAGES.temperatureAndTopP);
  if (stopSequences !== void 0 && (!Array.isArray(stopSequences) || stopSequences.some((item) => typeof item !== "string"))) {
    fail(constraintMessage(JSON.stringify(stopSequences), "inferenceConfig.stopSequences", "Member must be a list of strings"));
  }
  return maxTokens ?? model.maxOutputTokens;
}
function validateReasoning(request, model, maxTokens) {
  const fields = request.additionalModelRequestFields;
  if (fields !== void 0 && !isObject2(fields)) {
    fail(constraintMessage(fields, "additionalModelRequestFields", "Member must be a JSON object"));
  }
  if (model.id.startsWith("anthropic.") && model.reasoning === void 0 && isObject2(fields?.["thinking"])) {
    fail(MESSAGES.thinkingUnsupported);
  }
  if (model.reasoning === "nova-reasoning-config" && isObject2(fields?.["reasoningConfig"])) {
    const effort = fields["reasoningConfig"]["maxReasoningEffort"];
    if (effort !== void 0 && effort !== "low" && effort !== "medium" && effort !== "high") {
      fail(`${MODEL_ERROR_PREFIX}reasoningConfig.maxReasoningEffort: Input should be 'low', 'medium' or 'high'`);
    }
  }
  if (model.reasoning === "reasoning-effort" && fields?.["reasoning_effort"] !== void 0) {
    const effort = fields["reasoning_effort"];
    if (effort !== "low" && effort !== "medium" && effort !== "high") {
      fail(`${MODEL_ERROR_PREFIX}reasoning_effort: Input should be 'low', 'medium' or 'high'`);
    }
  }
  if (model.reasoning !== "anthropic-thinking")
    return;
  const reasoning = readReasoningRequest(model, fields);
  if (reasoning === void 0)
    return;
  const thinkingField = fields?.["thinking"];
  if (isObject2(thinkingField) && thinkingField["type"] === "enabled" && typeof thinkingField["budget_tokens"] !== "number") {
    fail(at("thinking.enabled.budget_tokens", "Field required"));
  }
  if (reasoning.budgetTokens !== void 0) {
    if (reasoning.budgetTokens < 1024)
      fail(MESSAGES.thinkingBudgetMinimum);
    if (maxTokens <= reasoning.budgetTokens)
      fail(MESSAGES.thinkingBudgetBelowMax);
  }
  const choice = request.toolConfig?.toolChoice;
  if (isObject2(choice) && (choice["any"] !== void 0 || choice["tool"] !== void 0))
    fail(MESSAGES.thinkingForcedTool);
  const { temperature, topP } = request.inferenceConfig ?? {};
  if (temperature !== void 0 && temperature !== 1)
    fail(MESSAGES.thinkingTemperature);
  if (topP !== void 0 && topP < 0.95)
    fail(MESSAGES.thinkingTopP);
  if (fields?.["top_k"] !== void 0)
    fail(MESSAGES.thinkingTopK);
  validateReplayedReasoning(request);
}
function validateReplayedReasoning(request) {
  const messages = request.messages ?? [];
  messages.forEach((message, messageIndex) => {
    if (message.role !== "assistant")
      return;
    message.content.forEach((block, blockIndex) => {
      const reasoning = block["reasoningContent"];
      if (isObject2(reasoning) && reasoning["redactedContent"] !== void 0 && !verifyRedactedReasoning(reasoning["redactedContent"])) {
        fail(at(`messages.${messageIndex}.content.${blockIndex}`, "Invalid `data` in `redacted_thinking` block"));
      }
      if (!isObject2(reasoning) || !isObject2(reasoning["reasoningText"]))
        return;
      const { text, signature } = reasoning["reasoningText"];
      if (typeof signature !== "string" || signature === "") {
        fail(at(`messages.${messageIndex}.content.${blockIndex}.thinking.signature`, "Field required"));
      }
      if (typeof text !== "string" || !verifyReasoningSignature(text, signature)) {
        fail(at(`messages.${messageIndex}.content.${blockIndex}`, "Invalid `signature` in `thinking` block"));
      }
    });
  });
  const last = messages[messages.length - 1];
  const previous = messages[messages.length - 2];
  if (last?.role === "user" && previous?.role === "assistant" && last.content.some((block) => block["toolResult"] !== void 0) && previous.content.some((block) => block["toolUse"] !== void 0)) {
    const first = previous.content[0];
    if (first !== void 0 && first["reasoningContent"] === void 0) {
      const found = first["toolUse"] !== void 0 ? "tool_use" : first["text"] !== void 0 ? "text" : "other";
      fail(at(`messages.${messages.length - 2}.content.0.type`, `Expected \`thinking\` or \`redacted_thinking\`, but found \`${found}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`));
    }
  }
}
function validateCachePoints(request, model) {
  const points = findCachePoints(request);
  for (const point of points) {
    const ttl = lookupTtl(request, point.path);
    if (ttl !== void 0 && ttl !== "5m" && ttl !== "1h") {
      fail(constraintMessage(ttl, `${point.path}.cachePoint.ttl`, "Member must satisfy enum value set: [5m, 1h]"));
    }
    if (ttl === "1h" && !model.extendedCacheTtl) {
      if (model.id.startsWith("anthropic."))
        fail(at(`${point.path}.cache_control.ttl`, "Extra inputs are not permitted"));
      fail(MESSAGES.extendedTtlNonAnthropic);
    }
  }
  if (points.length > 4 && model.promptCaching)
    fail(cacheLimitMessage(points.length));
}
function lookupTtl(request, path) {
  let current = request;
  for (const key of path.split(".")) {
    if (current === void 0 || current === null)
      return void 0;
    current = current[key];
  }
  return isObject2(current) && isObject2(current["cachePoint"]) ? current["cachePoint"]["ttl"] : void 0;
}
function supportsStructuredOutput(model) {
  if (model.id.startsWith("anthropic."))
    return model.extendedCacheTtl;
  return /^(qwen|deepseek|mistral|google|nvidia|minimax|moonshot|moonshotai|openai)\./.test(model.id);
}
function validateOutputConfig(request, model) {
  const outputConfig = request["outputConfig"];
  if (outputConfig === void 0)
    return;
  if (!isObject2(outputConfig))
    fail(constraintMessage(outputConfig, "outputConfig", "Member must be a structure"));
  const textFormat = outputConfig["textFormat"];
  if (textFormat === void 0)
    return;
  if (!supportsStructuredOutput(model)) {
    fail("This model doesn't support the outputConfig.textFormat field. Remove outputConfig.textFormat and try again.");
  }
  const schema = readOutputSchema(request);
  if (schema instanceof Error)
    fail(schema.message);
}
function readOutputSchema(request) {
  const textFormat = request["outputConfig"]?.["textFormat"];
  if (!isObject2(textFormat))
    return void 0;
  if (textFormat["type"] !== "json_schema") {
    return new Error(constraintMessage(textFormat["type"], "outputConfig.textFormat.type", "Member must satisfy enum value set: [json_schema]"));
  }
  const jsonSchema = isObject2(textFormat["structure"]) ? textFormat["structure"]["jsonSchema"] : void 0;
  const schemaText = isObject2(jsonSchema) ? jsonSchema["schema"] : void 0;
  if (typeof schemaText !== "string") {
    return new Error(constraintMessage(schemaText, "outputConfig.textFormat.structure.jsonSchema.schema", "Member must be a string containing a JSON Schema"));
  }
  try {
    const parsed = JSON.parse(schemaText);
    if (!isObject2(parsed))
      throw new Error("not an object");
    return parsed;
  } catch {
    return new Error("The JSON schema in outputConfig.textFormat.structure.jsonSchema.schema is not valid JSON. Fix the schema and try again.");
  }
}

// dist/src/emulator/converse.js
var GREETING = "Hello from the Bedrock emulator.";
var DEFAULT_GUARDRAIL_TRIGGER = "blocked-topic";
var GUARDRAIL_BLOCKED_MESSAGE = "Sorry, the model cannot answer this question.";
function textOf(block) {
  return typeof block["text"] === "string" ? block["text"] : void 0;
}
function countBlockTokens(block) {
  const text = textOf(block);
  if (text !== void 0)
    return countTokens(text);
  if (block["toolUse"] !== void 0)
    return countTokens(JSON.stringify(block["toolUse"]["input"] ?? {}));
  if (block["toolResult"] !== void 0) {
    const content = block["toolResult"]["content"] ?? [];
    return content.reduce((sum, item) => sum + countTokens(toolResultItemText(item)), 0);
  }
  const reasoningText = block["reasoningContent"]?.["reasoningText"];
  if (typeof reasoningText?.["text"] === "string")
    return countTokens(reasoningText["text"]);
  const guarded = block["guardContent"]?.["text"]?.["text"];
  if (typeof guarded === "string")
    return countTokens(guarded);
  return 0;
}
function toolResultItemText(item) {
  return typeof item["text"] === "string" ? item["text"] : JSON.stringify(item["json"] ?? "");
}
function countInputTokens(request) {
  let total = 0;
  for (const block of request.system ?? [])
    total += countBlockTokens(block);
  for (const message of request.messages ?? [])
    for (const block of message.content)
      total += countBlockTokens(block);
  for (const tool of request.toolConfig?.tools ?? []) {
    if (tool["toolSpec"] !== void 0)
      total += countTokens(JSON.stringify(tool["toolSpec"]));
  }
  return total;
}
function lastUserMessage(request) {
  const messages = request.messages ?? [];
  for (let index = messages.length - 1; index >= 0; index -= 1) {
    if (messages[index]?.role === "user")
      return messages[index];
  }
  return void 0;
}
function lastUserText(request) {
  const message = lastUserMessage(request);
  if (message === void 0)
    return "";
  return message.content.map((block) => textOf(block) ?? block["guardContent"]?.["text"]?.["text"]).filter((text) => typeof text === "string").join("\n").trim();
}
function toolNamesById(request) {
  const names = /* @__PURE__ */ new Map();
  for (const message of request.messages ?? []) {
    for (const block of message.content) {
      const toolUse = block["toolUse"];
      if (toolUse !== void 0)
        names.set(String(toolUse["toolUseId"]), String(toolUse["name"]));
    }
  }
  return names;
}
function echoText(request) {
  const message = lastUserMessage(request);
  const results = (message?.content ?? []).map((block) => block["toolResult"]).filter((result) => result !== void 0);
  if (results.length > 0) {
    const names = toolNamesById(request);
    return results.map((result) => {
      const content = (result["content"] ?? []).map(toolResultItemText).join(" ");
      return `Tool ${names.get(String(result["toolUseId"])) ?? String(result["toolUseId"])} returned: ${content}`;
    }).join("\n");
  }
  const text = lastUserText(request);
  return text === "" ? GREETING : `You said: ${text}`;
}
function limitText(text, maxTokens, stopSequences) {
  let earliest = -1;
  let sequenceFound;
  for (const sequence of stopSequences ?? []) {
    if (sequence === "")
      continue;
    const index = text.indexOf(sequence);
    if (index !== -1 && (earliest === -1 || index < earliest)) {
      earliest = index;
      sequenceFound = sequence;
    }
  }
  const cut = earliest === -1 ? text : text.slice(0, earliest);
  if (maxTokens !== void 0) {
    const tokens = splitTokens(cut);
    if (tokens.length > maxTokens)
      return { text: tokens.slice(0, maxTokens).join(""), stopReason: "max_tokens" };
  }
  return sequenceFound === void 0 ? { text: cut, stopReason: "end_turn" } : { text: cut, stopReason: "stop_sequence", stopSequence: sequenceFound };
}
function toolUseIdFor(seed, index) {
  return `tooluse_${createHash3("sha256").update(`${seed}\0${index}`).digest("base64url").slice(0, 22)}`;
}
function toolSpecs(request) {
  const specs = [];
  for (const tool of request.toolConfig?.tools ?? []) {
    const spec = tool["toolSpec"];
    if (spec === void 0 || typeof spec["name"] !== "string")
      continue;
    specs.push({ name: spec["name"], schema: spec["inputSchema"]?.["json"] ?? { type: "object" } });
  }
  return specs;
}
function selectTools(request) {
  const specs = toolSpecs(request);
  if (specs.length === 0)
    return [];
  const choice = request.toolConfig?.toolChoice;
  const forcedName = choice?.["tool"]?.["name"] ?? void 0;
  if (forcedName !== void 0)
    return specs.filter((spec) => spec.name === forcedName);
  const text = lastUserText(request).toLowerCase();
  const named = specs.filter((spec) => new RegExp(`(^|[^a-z0-9_-])${spec.name.toLowerCase().replace(/[-]/g, "\\-")}($|[^a-z0-9_-])`).test(text));
  if (choice?.["any"] !== void 0)
    return named.length > 0 ? named : specs.slice(0, 1);
  const afterToolResult = lastUserMessage(request)?.content.some((block) => block["toolResult"] !== void 0) ?? false;
  return afterToolResult ? [] : named;
}
function guardrailIntervenes(request, trigger) {
  if (request.guardrailConfig === void 0 || trigger === "")
    return false;
  const needle = trigger.toLowerCase();
  for (const message of request.messages ?? []) {
    if (message.role !== "user")
      continue;
    for (const block of message.content) {
      const text = textOf(block) ?? block["guardContent"]?.["text"]?.["text"];
      if (typeof text === "string" && text.toLowerCase().includes(needle))
        return true;
    }
  }
  return false;
}
function guardrailTrace(request, intervened) {
  const id = request.guardrailConfig?.guardrailIdentifier ?? "guardrail";
  return {
    guardrail: {
      inputAssessment: {
        [id]: intervened ? { topicPolicy: { topics: [{ name: "EmulatorBlockedTopic", type: "DENY", action: "BLOCKED", detected: true }] } } : {}
      },
      ...intervened ? { actionReason: "Guardrail blocked." } : {}
    }
  };
}
function usageFor(inputTokens, outputTokens, cache) {
  if (cache === void 0)
    return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  const uncached = Math.max(0, inputTokens - cache.cacheReadInputTokens - cache.cacheWriteInputTokens);
  return {
    inputTokens: uncached,
    outputTokens,
    totalTokens: uncached + outputTokens + cache.cacheReadInputTokens + cache.cacheWriteInputTokens,
    cacheReadInputTokens: cache.cacheReadInputTokens,
    cacheWriteInputTokens: cache.cacheWriteInputTokens,
    ...cache.cacheDetails.length > 0 ? { cacheDetails: cache.cacheDetails } : {}
  };
}
function replyFor(request, context) {
  const { model } = context;
  const inputTokens = countInputTokens(request);
  const traceEnabled = request.guardrailConfig?.trace === "enabled" || request.guardrailConfig?.trace === "enabled_full";
  if (guardrailIntervenes(request, context.guardrailTrigger ?? DEFAULT_GUARDRAIL_TRIGGER)) {
    return {
      content: [{ text: GUARDRAIL_BLOCKED_MESSAGE }],
      stopReason: "guardrail_intervened",
      usage: { inputTokens, outputTokens: 0, totalTokens: inputTokens },
      ...traceEnabled ? { trace: guardrailTrace(request, true) } : {}
    };
  }
  const cache = model.promptCaching ? context.promptCache?.apply(model.id, request) : void 0;
  const maxTokens = request.inferenceConfig?.maxTokens ?? model.maxOutputTokens;
  const content = [];
  let outputTokens = 0;
  const userText = lastUserText(request);
  const reasoning = readReasoningRequest(model, request.additionalModelRequestFields);
  if (reasoning !== void 0) {
    const thought = `The user wrote ${countTokens(userText)} words. I will answer by repeating their message.`;
    const budget = Math.min(reasoning.budgetTokens ?? maxTokens, Math.max(1, maxTokens - 1));
    const reasoningText = splitTokens(thought).slice(0, budget).join("");
    outputTokens += countTokens(reasoningText);
    if (shouldRedactReasoning(model, reasoning, userText, context.redactedThinkingTrigger)) {
      content.push({ reasoningContent: { redactedContent: createRedactedReasoning(`${reasoningText}\0${JSON.stringify(request.messages ?? [])}`) } });
    } else {
      content.push({
        reasoningContent: { reasoningText: reasoning.signed ? { text: reasoningText, signature: signReasoning(reasoningText) } : { text: reasoningText } }
      });
    }
  }
  const tools = selectTools(request);
  if (tools.length > 0) {
    const seed = JSON.stringify(request.messages ?? []);
    const forced = request.toolConfig?.toolChoice?.["any"] !== void 0 || request.toolConfig?.toolChoice?.["tool"] !== void 0;
    if (!forced) {
      const preface = `Calling ${tools.map((tool) => tool.name).join(", ")}.`;
      content.push({ text: preface });
      outputTokens += countTokens(preface);
    }
    tools.forEach((tool, index) => {
      const input = generateFromSchema(tool.schema, userText === "" ? void 0 : userText);
      outputTokens += countTokens(JSON.stringify(input));
      content.push({ toolUse: { toolUseId: toolUseIdFor(seed, index), name: tool.name, input } });
    });
    return {
      content,
      stopReason: "tool_use",
      usage: usageFor(inputTokens, outputTokens, cache),
      ...traceEnabled ? { trace: guardrailTrace(request, false) } : {}
    };
  }
  const schema = readOutputSchema(request);
  const baseText = schema !== void 0 && !(schema instanceof Error) ? JSON.stringify(generateFromSchema(schema, userText === "" ? void 0 : userText)) : echoText(request);
  const limited = limitText(baseText, Math.max(0, maxTokens - outputTokens), request.inferenceConfig?.stopSequences);
  if (limited.text !== "")
    content.push({ text: limited.text });
  outputTokens += countTokens(limited.text);
  if (schema === void 0 && limited.stopReason === "end_turn") {
    for (const block of citationBlocks(request)) {
      content.push(block);
      outputTokens += countTokens(String(block["citationsContent"]["content"][0]?.["text"] ?? ""));
    }
  }
  const wantsStopSequence = (request.additionalModelResponseFieldPaths ?? []).includes("/stop_sequence");
  return {
    content,
    stopReason: limited.stopReason,
    usage: usageFor(inputTokens, outputTokens, cache),
    ...wantsStopSequence ? { additionalModelResponseFields: { stop_sequence: limited.stopSequence ?? null } } : {},
    ...traceEnabled ? { trace: guardrailTrace(request, false) } : {}
  };
}

// dist/src/emulator/faults.js
import { randomUUID } from "node:crypto";
var STREAMING_OPERATIONS = ["ConverseStream", "InvokeModelWithResponseStream"];
function pickDelay(delay, random = Math.random) {
  if (delay === void 0)
    return 0;
  if (typeof delay === "number")
    return Math.max(0, delay);
  const low = Math.max(0, Math.min(delay.min, delay.max));
  const high = Math.max(delay.min, delay.max);
  return low + Math.floor(random() * (high - low + 1));
}
var STREAM_ONLY_KEYS = ["frameDelayMs", "pauseBeforeFirstFrameMs", "breakAfterFrames"];
function validateDelay(delay, field) {
  if (delay === void 0)
    return;
  if (typeof delay === "number" && delay >= 0)
    return;
  if (typeof delay === "object" && delay !== null && typeof delay.min === "number" && typeof delay.max === "number")
    return;
  throw new TypeError(`fault.${field} must be a non-negative number or { min, max }`);
}
function validateFaultSpec(spec) {
  if (typeof spec !== "object" || spec === null)
    throw new TypeError("fault must be an object");
  if (spec.count !== void 0 && !(spec.count === Infinity || Number.isInteger(spec.count) && spec.count >= 1)) {
    throw new TypeError("fault.count must be a positive integer or Infinity");
  }
  if (spec.error !== void 0 && (typeof spec.error !== "object" || typeof spec.error.name !== "string" || spec.error.name === "")) {
    throw new TypeError('fault.error.name must be an exception name such as "ThrottlingException"');
  }
  validateDelay(spec.latencyMs, "latencyMs");
  validateDelay(spec.frameDelayMs, "frameDelayMs");
  if (spec.pauseBeforeFirstFrameMs !== void 0 && !(spec.pauseBeforeFirstFrameMs >= 0))
    throw new TypeError("fault.pauseBeforeFirstFrameMs must be >= 0");
  if (spec.breakAfterFrames !== void 0 && !(Number.isInteger(spec.breakAfterFrames) && spec.breakAfterFrames >= 0)) {
    throw new TypeError("fault.breakAfterFrames must be an integer >= 0");
  }
  if (spec.error === void 0 && spec.latencyMs === void 0 && STREAM_ONLY_KEYS.every((key) => spec[key] === void 0)) {
    throw new TypeError("fault must set at least one of error, latencyMs, frameDelayMs, pauseBeforeFirstFrameMs, breakAfterFrames");
  }
}
var FaultRegistry = class {
  #faults = [];
  add(spec) {
    validateFaultSpec(spec);
    const id = randomUUID();
    this.#faults.push({ ...spec, id, remaining: spec.count ?? 1 });
    return id;
  }
  remove(id) {
    const index = this.#faults.findIndex((fault) => fault.id === id);
    if (index === -1)
      return false;
    this.#faults.splice(index, 1);
    return true;
  }
  clear() {
    this.#faults.length = 0;
  }
  list() {
    return this.#faults.map((fault) => ({ ...fault }));
  }
  /** Takes the faults that apply to a request (using up their counts) and combines them. */
  take(operation, modelIds) {
    if (this.#faults.length === 0)
      return void 0;
    const streaming = STREAMING_OPERATIONS.includes(operation);
    const effect = { faultIds: [], latencyMs: 0, pauseBeforeFirstFrameMs: 0 };
    for (const fault of [...this.#faults]) {
      const operations = fault.operation === void 0 ? void 0 : Array.isArray(fault.operation) ? fault.operation : [fault.operation];
      if (operations !== void 0 && !operations.includes(operation))
        continue;
      if (fault.model !== void 0 && !modelIds.includes(fault.model))
        continue;
      const streamOnly = fault.error === void 0 && fault.latencyMs === void 0;
      if (streamOnly && !streaming)
        continue;
      effect.faultIds.push(fault.id);
      if (fault.error !== void 0 && effect.error === void 0) {
        const status = fault.error.status ?? (isModeledExceptionName(fault.error.name) ? MODELED_EXCEPTION_STATUS[fault.error.name] : 400);
        effect.error = fault.error.message === void 0 ? { name: fault.error.name, status } : { name: fault.error.name, message: fault.error.message, status };
      }
      effect.latencyMs += pickDelay(fault.latencyMs);
      if (streaming) {
        if (fault.frameDelayMs !== void 0)
          effect.frameDelay = fault.frameDelayMs;
        effect.pauseBeforeFirstFrameMs += fault.pauseBeforeFirstFrameMs ?? 0;
        if (fault.breakAfterFrames !== void 0) {
          effect.breakAfterFrames = fault.breakAfterFrames;
          effect.breakWith = fault.breakWith ?? { name: "ModelStreamErrorException" };
        }
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0)
        this.remove(fault.id);
    }
    return effect.faultIds.length === 0 ? void 0 : effect;
  }
};

// dist/src/emulator/model-table.js
function chat(id, onDemand, profilePrefixes, maxOutputTokens, flags) {
  const toolChoice = flags.toolChoice ?? [];
  return {
    id,
    kind: "chat",
    onDemand,
    profilePrefixes,
    maxOutputTokens,
    converse: flags.converse ?? true,
    converseStream: flags.converseStream ?? true,
    systemPrompt: flags.systemPrompt ?? true,
    toolChoice,
    streamingToolUse: toolChoice.length > 0 && (flags.streamingToolUse ?? true),
    promptCaching: flags.promptCaching ?? false,
    extendedCacheTtl: flags.extendedCacheTtl ?? false,
    samplingParametersExclusive: flags.samplingParametersExclusive ?? false,
    reasoning: flags.reasoning,
    ...flags.redactedThinking === true ? { redactedThinking: true } : {}
  };
}
function embedding(id, onDemand, profilePrefixes) {
  return {
    id,
    kind: "embedding",
    onDemand,
    profilePrefixes,
    maxOutputTokens: 0,
    converse: false,
    converseStream: false,
    systemPrompt: false,
    toolChoice: [],
    streamingToolUse: false,
    promptCaching: false,
    extendedCacheTtl: false,
    samplingParametersExclusive: false,
    reasoning: void 0
  };
}
var MODELS = [
  chat("anthropic.claude-3-haiku-20240307-v1:0", "on-demand", ["apac", "eu", "us"], 4096, { toolChoice: ["auto", "any", "tool"] }),
  chat("anthropic.claude-3-sonnet-20240229-v1:0", { profileOnlyIn: ["ap-southeast-1"] }, ["apac", "eu", "us"], 4096, { toolChoice: ["auto", "any", "tool"] }),
  chat("anthropic.claude-3-opus-20240229-v1:0", "on-demand", ["eu", "us"], 4096, { toolChoice: ["auto", "any", "tool"] }),
  chat("anthropic.claude-3-5-sonnet-20240620-v1:0", "on-demand", ["apac", "eu", "us", "us-gov"], 4096, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("anthropic.claude-3-5-sonnet-20241022-v2:0", "profile-only", ["apac", "eu", "us"], 8192, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("anthropic.claude-3-5-haiku-20241022-v1:0", "on-demand", ["eu", "us"], 8192, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("anthropic.claude-3-7-sonnet-20250219-v1:0", "profile-only", ["apac", "eu", "us", "us-gov"], 8192, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", redactedThinking: true }),
  chat("anthropic.claude-sonnet-4-20250514-v1:0", "profile-only", ["apac", "eu", "global", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking" }),
  chat("anthropic.claude-opus-4-20250514-v1:0", "profile-only", ["eu", "us"], 32e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking" }),
  chat("anthropic.claude-opus-4-1-20250805-v1:0", "profile-only", ["eu", "us"], 32e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true }),
  chat("anthropic.claude-sonnet-4-5-20250929-v1:0", "profile-only", ["au", "eu", "global", "jp", "us", "us-gov"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-haiku-4-5-20251001-v1:0", "profile-only", ["apac", "au", "eu", "global", "jp", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-opus-4-5-20251101-v1:0", "profile-only", ["eu", "global", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-opus-4-6-v1", "profile-only", ["au", "eu", "global", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-sonnet-4-6", "profile-only", ["au", "eu", "global", "jp", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-opus-4-7", "profile-only", ["au", "eu", "global", "jp", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-opus-4-8", "profile-only", ["au", "eu", "global", "jp", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-opus-5", "profile-only", ["au", "eu", "global", "jp", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-sonnet-5", "profile-only", ["au", "eu", "global", "jp", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("anthropic.claude-fable-5", "profile-only", ["eu", "global", "us"], 128e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "anthropic-thinking", samplingParametersExclusive: true, extendedCacheTtl: true }),
  chat("amazon.nova-micro-v1:0", { profileOnlyIn: ["ap-southeast-1"] }, ["apac", "eu", "us"], 1e4, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("amazon.nova-lite-v1:0", { profileOnlyIn: ["ap-southeast-1"] }, ["apac", "eu", "us"], 1e4, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("amazon.nova-pro-v1:0", { profileOnlyIn: ["ap-southeast-1"] }, ["apac", "eu", "us"], 1e4, { toolChoice: ["auto", "any", "tool"], promptCaching: true }),
  chat("amazon.nova-premier-v1:0", "profile-only", ["us"], 16384, { toolChoice: ["auto", "any", "tool"] }),
  chat("amazon.nova-2-lite-v1:0", "profile-only", ["apac", "eu", "global", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "nova-reasoning-config" }),
  chat("amazon.nova-2-pro-preview-20251202-v1:0", "on-demand", ["apac", "eu", "us"], 64e3, { toolChoice: ["auto", "any", "tool"], promptCaching: true, reasoning: "nova-reasoning-config" }),
  chat("amazon.titan-text-express-v1", "on-demand", [], 8192, { systemPrompt: false }),
  chat("amazon.titan-text-lite-v1", "on-demand", [], 4096, { systemPrompt: false }),
  chat("amazon.titan-text-premier-v1:0", "on-demand", [], 3072, { systemPrompt: false }),
  chat("meta.llama3-8b-instruct-v1:0", "on-demand", [], 8192, {}),
  chat("meta.llama3-70b-instruct-v1:0", "on-demand", [], 8192, {}),
  chat("meta.llama3-1-8b-instruct-v1:0", "on-demand", ["us"], 2048, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama3-1-70b-instruct-v1:0", "on-demand", ["us"], 2048, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama3-1-405b-instruct-v1:0", "on-demand", ["us"], 4096, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama3-2-1b-instruct-v1:0", "profile-only", ["eu", "us"], 4096, {}),
  chat("meta.llama3-2-3b-instruct-v1:0", "profile-only", ["eu", "us"], 4096, {}),
  chat("meta.llama3-2-11b-instruct-v1:0", "profile-only", ["us"], 4096, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama3-2-90b-instruct-v1:0", "profile-only", ["us"], 4096, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama3-3-70b-instruct-v1:0", "profile-only", ["us"], 4096, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama4-scout-17b-instruct-v1:0", "profile-only", ["us"], 4096, { converseStream: false, toolChoice: ["auto"], streamingToolUse: false }),
  chat("meta.llama4-maverick-17b-instruct-v1:0", "profile-only", ["us"], 4096, { converseStream: false, toolChoice: ["auto"], streamingToolUse: false }),
  chat("mistral.mistral-7b-instruct-v0:2", "on-demand", [], 8191, { systemPrompt: false }),
  chat("mistral.mixtral-8x7b-instruct-v0:1", "on-demand", [], 8191, { systemPrompt: false }),
  chat("mistral.mistral-large-2402-v1:0", "on-demand", [], 8191, { toolChoice: ["auto", "any"], streamingToolUse: false }),
  chat("mistral.mistral-large-2407-v1:0", "on-demand", [], 8191, { toolChoice: ["auto", "any"], streamingToolUse: false }),
  chat("mistral.mistral-small-2402-v1:0", "on-demand", [], 8191, { toolChoice: ["auto"] }),
  chat("mistral.pixtral-large-2502-v1:0", "profile-only", ["eu", "us"], 8192, { toolChoice: ["auto"] }),
  chat("mistral.mistral-large-3-675b-instruct", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.magistral-small-2509", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.ministral-3-3b-instruct", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.ministral-3-8b-instruct", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.ministral-3-14b-instruct", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.devstral-2-123b", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.voxtral-mini-3b-2507", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("mistral.voxtral-small-24b-2507", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("cohere.command-r-v1:0", "on-demand", [], 4096, { toolChoice: ["auto"] }),
  chat("cohere.command-r-plus-v1:0", "on-demand", [], 4096, { toolChoice: ["auto"] }),
  chat("cohere.command-text-v14", "on-demand", [], 4096, { converse: false, converseStream: false, systemPrompt: false }),
  chat("cohere.command-light-text-v14", "on-demand", [], 4096, { converse: false, converseStream: false, systemPrompt: false }),
  chat("ai21.jamba-1-5-large-v1:0", "on-demand", [], 256e3, { toolChoice: ["auto"] }),
  chat("ai21.jamba-1-5-mini-v1:0", "on-demand", [], 256e3, { toolChoice: ["auto"] }),
  chat("ai21.jamba-instruct-v1:0", "on-demand", [], 4096, {}),
  chat("deepseek.r1-v1:0", "profile-only", ["us"], 32768, { toolChoice: ["auto"], streamingToolUse: false, reasoning: "always" }),
  chat("deepseek.v3-v1:0", "on-demand", [], 81920, { toolChoice: ["auto"] }),
  chat("deepseek.v3.2", "on-demand", ["eu", "us"], 163840, { toolChoice: ["auto"] }),
  chat("openai.gpt-oss-20b-1:0", "on-demand", [], 128e3, { toolChoice: ["auto"], reasoning: "reasoning-effort" }),
  chat("openai.gpt-oss-120b-1:0", "on-demand", ["us-gov"], 128e3, { toolChoice: ["auto"], reasoning: "reasoning-effort" }),
  chat("openai.gpt-oss-safeguard-20b", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("openai.gpt-oss-safeguard-120b", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-32b-v1:0", "on-demand", [], 16384, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-235b-a22b-2507-v1:0", "on-demand", [], 131072, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-coder-30b-a3b-v1:0", "on-demand", [], 131072, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-coder-480b-a35b-v1:0", "on-demand", [], 65536, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-next-80b-a3b", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-vl-235b-a22b", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("qwen.qwen3-coder-next", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("writer.palmyra-x4-v1:0", "profile-only", ["us"], 8192, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("writer.palmyra-x5-v1:0", "profile-only", ["us"], 8192, { toolChoice: ["auto"], streamingToolUse: false }),
  chat("google.gemma-3-4b-it", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("google.gemma-3-12b-it", "on-demand", [], 8192, {}),
  chat("google.gemma-3-27b-it", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("minimax.minimax-m2", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("minimax.minimax-m2.1", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("minimax.minimax-m2.5", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("moonshot.kimi-k2-thinking", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("moonshotai.kimi-k2.5", "on-demand", [], 262144, { toolChoice: ["auto"] }),
  chat("nvidia.nemotron-nano-9b-v2", "on-demand", [], 8192, { toolChoice: ["auto"] }),
  chat("nvidia.nemotron-nano-12b-v2", "on-demand", ["us-gov"], 8192, { toolChoice: ["auto"] }),
  chat("nvidia.nemotron-nano-3-30b", "on-demand", ["us-gov"], 8192, { toolChoice: ["auto"] }),
  chat("nvidia.nemotron-super-3-120b", "on-demand", [], 32768, { toolChoice: ["auto"] }),
  chat("zai.glm-4.7", "on-demand", [], 128e3, { toolChoice: ["auto"] }),
  chat("zai.glm-4.7-flash", "on-demand", [], 128e3, { toolChoice: ["auto"] }),
  chat("zai.glm-5", "on-demand", [], 128e3, { toolChoice: ["auto"] }),
  embedding("amazon.titan-embed-text-v1", "on-demand", []),
  embedding("amazon.titan-embed-text-v2:0", "on-demand", []),
  embedding("amazon.titan-embed-image-v1", "on-demand", []),
  embedding("cohere.embed-english-v3", "on-demand", []),
  embedding("cohere.embed-multilingual-v3", "on-demand", []),
  embedding("cohere.embed-v4:0", { profileOnlyIn: ["ap-southeast-1"] }, ["global", "us"]),
  embedding("amazon.nova-2-multimodal-embeddings-v1:0", "on-demand", [])
];
var END_OF_LIFE_MODEL_IDS = [
  "anthropic.claude-v1",
  "anthropic.claude-v2",
  "anthropic.claude-v2:1",
  "anthropic.claude-instant-v1",
  "amazon.titan-text-agile-v1",
  "amazon.nova-sonic-v1:0",
  "stability.stable-diffusion-xl-v0"
];
var PROFILE_PREFIX_REGIONS = {
  us: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
  eu: ["eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1", "eu-south-2"],
  apac: [
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ap-east-2",
    "me-central-1"
  ],
  jp: ["ap-northeast-1", "ap-northeast-3"],
  au: ["ap-southeast-2", "ap-southeast-4"],
  "us-gov": ["us-gov-east-1", "us-gov-west-1"]
};
var PROFILE_PREFIXES = ["us-gov", "global", "apac", "us", "eu", "jp", "au"];
function profilePrefixServesRegion(prefix, region) {
  if (prefix === "global")
    return !/^(us-gov-|us-iso|cn-|eusc-)/.test(region);
  return PROFILE_PREFIX_REGIONS[prefix].includes(region);
}
function isOnDemandIn(model, region) {
  if (model.onDemand === "on-demand")
    return true;
  if (model.onDemand === "profile-only")
    return false;
  return !model.onDemand.profileOnlyIn.includes(region);
}
var DEFAULT_APPLICATION_PROFILE_MODEL = "anthropic.claude-haiku-4-5-20251001-v1:0";

// dist/src/emulator/prompts.js
var PROMPT_FORBIDDEN_FIELDS = ["additionalModelRequestFields", "inferenceConfig", "system", "toolConfig"];
var PROMPT_ARN = /^arn:aws(?:-[a-z-]+)?:bedrock:[a-z0-9-]+:\d{12}:prompt\/([A-Za-z0-9]{1,64})(?::([A-Za-z0-9]{1,64}))?$/;
var PLACEHOLDER = /\{\{([^{}]+)\}\}/g;
function isPromptArn(value) {
  return PROMPT_ARN.test(value);
}
function unversionedPromptArn(arn) {
  const match = PROMPT_ARN.exec(arn);
  if (match === null)
    return void 0;
  return match[2] === void 0 ? arn : arn.slice(0, arn.length - match[2].length - 1);
}
function templateVariables(template) {
  const names = [];
  for (const match of template.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (!names.includes(name))
      names.push(name);
  }
  return names;
}
function isObject3(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function promptFieldMessage(field) {
  return `The ${field} field isn't supported when the modelId is a prompt from Prompt management; the prompt defines it. Remove ${field} and try again.`;
}
function missingPromptVariablesMessage(names) {
  return `The prompt requires values for these variables, which promptVariables doesn't provide: ${names.join(", ")}. Add them to promptVariables and try again.`;
}
var PROMPT_VARIABLES_WITHOUT_PROMPT = "The promptVariables field is only supported when the modelId is the ARN of a prompt from Prompt management. Remove promptVariables and try again.";
function readPromptVariables(value) {
  const variables = /* @__PURE__ */ new Map();
  if (value === void 0)
    return variables;
  if (!isObject3(value)) {
    throw validationError(`1 validation error detected: Value '${String(value)}' at 'promptVariables' failed to satisfy constraint: Member must be a map`);
  }
  for (const [name, entry] of Object.entries(value)) {
    if (!isObject3(entry) || typeof entry["text"] !== "string") {
      throw validationError(`1 validation error detected: Value at 'promptVariables.${name}' failed to satisfy constraint: Member must be a union with exactly one member set: text`);
    }
    variables.set(name, entry["text"]);
  }
  return variables;
}
function fillPromptTemplate(template, promptVariables) {
  const variables = readPromptVariables(promptVariables);
  const missing = templateVariables(template).filter((name) => !variables.has(name));
  if (missing.length > 0)
    throw validationError(missingPromptVariablesMessage(missing));
  return template.replace(PLACEHOLDER, (_placeholder, name) => variables.get(name) ?? "");
}
function applyPrompt(body, prompt) {
  if (!isObject3(body))
    throw validationError("The request body must be a JSON object.");
  for (const field of PROMPT_FORBIDDEN_FIELDS) {
    if (body[field] !== void 0)
      throw validationError(promptFieldMessage(field));
  }
  const text = fillPromptTemplate(prompt.template, body["promptVariables"]);
  const { promptVariables: _variables, messages, ...rest } = body;
  const appended = messages === void 0 ? [] : messages;
  if (!Array.isArray(appended)) {
    throw validationError(`1 validation error detected: Value '${String(appended)}' at 'messages' failed to satisfy constraint: Member must be a list`);
  }
  return { ...rest, messages: [{ role: "user", content: [{ text }] }, ...appended] };
}
function rejectPromptVariables(body) {
  if (isObject3(body) && body["promptVariables"] !== void 0)
    throw validationError(PROMPT_VARIABLES_WITHOUT_PROMPT);
}

// dist/src/emulator/models.js
var ModelRegistry = class {
  #byId = /* @__PURE__ */ new Map();
  #applicationProfiles;
  #defaultArnModel;
  #prompts;
  constructor(options = {}) {
    for (const model of MODELS)
      this.#byId.set(model.id, model);
    for (const model of options.extraModels ?? [])
      this.#byId.set(model.id, model);
    this.#applicationProfiles = new Map(Object.entries(options.applicationProfiles ?? {}));
    this.#defaultArnModel = options.defaultApplicationProfileModel ?? DEFAULT_APPLICATION_PROFILE_MODEL;
    for (const [arn, base] of [...this.#applicationProfiles, ["(default)", this.#defaultArnModel]]) {
      if (!this.#byId.has(base)) {
        throw new TypeError(`startEmulator: applicationProfiles[${JSON.stringify(arn)}] names an unknown base model ${JSON.stringify(base)}.`);
      }
    }
    this.#prompts = new Map(Object.entries(options.prompts ?? {}));
    for (const [arn, prompt] of this.#prompts)
      this.#checkPrompt(arn, prompt);
  }
  #checkPrompt(arn, prompt) {
    const where = `startEmulator: prompts[${JSON.stringify(arn)}]`;
    if (!isPromptArn(arn))
      throw new TypeError(`${where}: the key must be a prompt ARN, arn:aws:bedrock:<region>:<account>:prompt/<id>[:<version>].`);
    if (typeof prompt !== "object" || prompt === null || typeof prompt.template !== "string" || prompt.template.trim() === "") {
      throw new TypeError(`${where}: \`template\` must be a non-blank string.`);
    }
    const model = typeof prompt.model === "string" ? prompt.model : "";
    const prefix = PROFILE_PREFIXES.find((candidate) => model.startsWith(`${candidate}.`));
    const base = this.#byId.get(model) ?? (prefix === void 0 ? void 0 : this.#byId.get(model.slice(prefix.length + 1)));
    if (base === void 0 || base.kind !== "chat")
      throw new TypeError(`${where}: \`model\` must be a chat model or inference-profile ID; got ${JSON.stringify(prompt.model)}.`);
  }
  /** The model with this exact base ID, if the table has it. */
  get(id) {
    return this.#byId.get(id);
  }
  /** All models (table plus extras). */
  list() {
    return [...this.#byId.values()];
  }
  /**
   * Resolves a model identifier as Bedrock does for `region` (the SigV4 credential scope's region, or the
   * emulator's region for bearer requests), or throws Bedrock's error:
   * - unknown ID, a profile whose prefix does not serve the region, or an ARN for another region:
   *   `ValidationException` "The provided model identifier is invalid.";
   * - a retired model: `ResourceNotFoundException` "This model version has reached the end of its life…";
   * - a base ID (or foundation-model ARN) of a model that needs a profile in that region: `ValidationException`
   *   "Invocation of model ID … with on-demand throughput isn't supported…".
   */
  resolve(requestedId, region) {
    if (requestedId.startsWith("arn:"))
      return this.#resolveArn(requestedId, region);
    if (END_OF_LIFE_MODEL_IDS.includes(requestedId))
      throw endOfLife();
    const base = this.#byId.get(requestedId);
    if (base !== void 0) {
      if (!isOnDemandIn(base, region))
        throw onDemandUnsupported(requestedId);
      return { requestedId, model: base, reference: "base-id" };
    }
    const profile = this.#resolveProfileId(requestedId, region);
    if (profile !== void 0)
      return { requestedId, reference: "inference-profile-id", ...profile };
    throw invalidIdentifier();
  }
  #resolveProfileId(profileId, region) {
    for (const prefix of PROFILE_PREFIXES) {
      if (!profileId.startsWith(`${prefix}.`))
        continue;
      const model = this.#byId.get(profileId.slice(prefix.length + 1));
      if (model === void 0 || !model.profilePrefixes.includes(prefix))
        return void 0;
      if (!profilePrefixServesRegion(prefix, region))
        return void 0;
      return { model, profilePrefix: prefix };
    }
    return void 0;
  }
  #resolveArn(arn, region) {
    const match = /^arn:aws(?:-[a-z-]+)?:bedrock:([a-z0-9-]+):(\d{12})?:([a-z-]+)\/(.+)$/.exec(arn);
    if (match === null)
      throw invalidIdentifier();
    const [, arnRegion = "", , resourceType = "", resource = ""] = match;
    if (arnRegion !== region)
      throw invalidIdentifier();
    switch (resourceType) {
      case "foundation-model": {
        if (END_OF_LIFE_MODEL_IDS.includes(resource))
          throw endOfLife();
        const model = this.#byId.get(resource);
        if (model === void 0)
          throw invalidIdentifier();
        if (!isOnDemandIn(model, region))
          throw onDemandUnsupported(arn);
        return { requestedId: arn, model, reference: "foundation-model-arn" };
      }
      case "inference-profile": {
        const profile = this.#resolveProfileId(resource, region);
        if (profile === void 0)
          throw invalidIdentifier();
        return { requestedId: arn, reference: "inference-profile-arn", ...profile };
      }
      case "application-inference-profile":
      case "provisioned-model":
      case "custom-model":
      case "custom-model-deployment":
      case "imported-model": {
        const base = this.#byId.get(this.#applicationProfiles.get(arn) ?? this.#defaultArnModel);
        if (base === void 0)
          throw invalidIdentifier();
        const reference = resourceType === "application-inference-profile" ? "application-inference-profile-arn" : resourceType === "provisioned-model" ? "provisioned-model-arn" : resourceType === "imported-model" ? "imported-model-arn" : "custom-model-arn";
        return { requestedId: arn, model: base, reference };
      }
      case "prompt": {
        const prompt = this.#prompts.get(arn) ?? this.#prompts.get(unversionedPromptArn(arn) ?? "");
        if (prompt === void 0)
          throw invalidIdentifier();
        const served = this.resolve(prompt.model, region);
        return { requestedId: arn, model: served.model, reference: "prompt-arn", prompt: { ...prompt, arn } };
      }
      default:
        throw invalidIdentifier();
    }
  }
};
function invalidIdentifier() {
  return validationError("The provided model identifier is invalid.");
}
function endOfLife() {
  return new EmulatorError("ResourceNotFoundException", 404, "This model version has reached the end of its life. Please refer to the AWS documentation for more details.");
}
function onDemandUnsupportedMessage(modelId) {
  return `Invocation of model ID ${modelId} with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`;
}
function onDemandUnsupported(modelId) {
  return validationError(onDemandUnsupportedMessage(modelId));
}

// dist/src/emulator/prompt-cache.js
import { createHash as createHash4 } from "node:crypto";
var DEFAULT_CACHE_MINIMUM_TOKENS = 1024;
var TTL_MS = { "5m": 5 * 60 * 1e3, "1h": 60 * 60 * 1e3 };
function listCheckpoints(modelId, request) {
  const hash = createHash4("sha256").update(modelId);
  let tokens = 0;
  const checkpoints = [];
  const visit = (block, marker) => {
    const cachePoint = block["cachePoint"];
    if (cachePoint !== void 0) {
      checkpoints.push({ key: hash.copy().digest("hex"), tokens, ttl: cachePoint["ttl"] === "1h" ? "1h" : "5m" });
      return;
    }
    hash.update(marker).update(JSON.stringify(block));
    tokens += block["toolSpec"] !== void 0 ? countTokens(JSON.stringify(block["toolSpec"])) : countBlockTokens(block);
  };
  for (const tool of request.toolConfig?.tools ?? [])
    visit(tool, "tool");
  for (const block of request.system ?? [])
    visit(block, "system");
  for (const message of request.messages ?? [])
    for (const block of message.content)
      visit(block, message.role);
  return checkpoints;
}
var PromptCache = class {
  #entries = /* @__PURE__ */ new Map();
  #minimumTokens;
  #now;
  constructor(options = {}) {
    this.#minimumTokens = options.minimumTokens ?? DEFAULT_CACHE_MINIMUM_TOKENS;
    this.#now = options.now ?? Date.now;
  }
  /**
   * Reads the longest live cached prefix and writes the rest up to the last checkpoint. Returns the usage split,
   * or `undefined` when the request has no checkpoints.
   */
  apply(modelId, request) {
    const checkpoints = listCheckpoints(modelId, request);
    if (checkpoints.length === 0)
      return void 0;
    const now = this.#now();
    const cacheable = checkpoints.filter((checkpoint) => checkpoint.tokens >= this.#minimumTokens);
    let readTokens = 0;
    for (const checkpoint of cacheable) {
      const expiresAt = this.#entries.get(checkpoint.key);
      if (expiresAt !== void 0 && expiresAt > now && checkpoint.tokens > readTokens)
        readTokens = checkpoint.tokens;
    }
    const last = cacheable[cacheable.length - 1];
    const writeTokens = last !== void 0 && last.tokens > readTokens ? last.tokens - readTokens : 0;
    for (const checkpoint of cacheable) {
      this.#entries.set(checkpoint.key, now + TTL_MS[checkpoint.ttl]);
    }
    return {
      cacheReadInputTokens: readTokens,
      cacheWriteInputTokens: writeTokens,
      cacheDetails: writeTokens > 0 && last !== void 0 ? [{ ttl: last.ttl, inputTokens: writeTokens }] : []
    };
  }
  clear() {
    this.#entries.clear();
  }
};

// dist/src/emulator/quotas.js
import { randomUUID as randomUUID2 } from "node:crypto";
var TOO_MANY_REQUESTS = "Too many requests, please wait before trying again.";
var TOO_MANY_TOKENS = "Too many tokens, please wait before trying again.";
var Bucket = class {
  capacity;
  perMs;
  #level;
  #at;
  constructor(perMinute, burstSeconds, timeScale, now) {
    this.capacity = Math.max(1, perMinute * burstSeconds / 60);
    this.perMs = perMinute * timeScale / 6e4;
    this.#level = this.capacity;
    this.#at = now;
  }
  level(now) {
    if (now > this.#at) {
      this.#level = Math.min(this.capacity, this.#level + (now - this.#at) * this.perMs);
      this.#at = now;
    }
    return this.#level;
  }
  /** Takes `amount` if the bucket holds it (or is full); returns whether it did. */
  take(amount, now) {
    const level = this.level(now);
    if (level < amount && level < this.capacity)
      return false;
    this.#level = level - amount;
    return true;
  }
  /** Gives back (or, negative, takes more than) the difference between a reservation and the actual use. */
  adjust(amount, now) {
    this.#level = Math.min(this.capacity, this.level(now) + amount);
  }
};
function checkNumber(value, field, min, exclusive) {
  if (value === void 0)
    return;
  if (typeof value !== "number" || !Number.isFinite(value) || (exclusive ? value <= min : value < min)) {
    throw new TypeError(`quota.${field} must be a number ${exclusive ? ">" : "\u2265"} ${min}`);
  }
}
function validateQuotaSpec(spec) {
  if (typeof spec !== "object" || spec === null)
    throw new TypeError("quota must be an object");
  if (typeof spec.model !== "string" || spec.model.trim() === "")
    throw new TypeError("quota.model must be a model ID");
  if (spec.region !== void 0 && (typeof spec.region !== "string" || spec.region === ""))
    throw new TypeError("quota.region must be a Region name");
  checkNumber(spec.requestsPerMinute, "requestsPerMinute", 0, true);
  checkNumber(spec.tokensPerMinute, "tokensPerMinute", 0, true);
  checkNumber(spec.burstSeconds, "burstSeconds", 0, true);
  checkNumber(spec.timeScale, "timeScale", 0, true);
  checkNumber(spec.timeToFirstTokenMs, "timeToFirstTokenMs", 0, false);
  checkNumber(spec.msPerOutputToken, "msPerOutputToken", 0, false);
}
var QuotaRegistry = class {
  #now;
  #specs = [];
  /** Buckets per spec and Region, created on first use. */
  #tracked = /* @__PURE__ */ new Map();
  constructor(now = () => performance.now()) {
    this.#now = now;
  }
  get active() {
    return this.#specs.length > 0;
  }
  /** Sets the quota of a model (and Region): replaces an earlier one for the same model and Region, with full buckets. */
  set(spec) {
    validateQuotaSpec(spec);
    this.remove(this.#specs.find((active) => active.model === spec.model && active.region === spec.region)?.id ?? "");
    const id = randomUUID2();
    this.#specs.push({ ...spec, id });
    return id;
  }
  remove(id) {
    const before = this.#specs.length;
    this.#specs = this.#specs.filter((spec) => spec.id !== id);
    for (const [key, tracked] of this.#tracked)
      if (tracked.spec.id === id)
        this.#tracked.delete(key);
    return this.#specs.length !== before;
  }
  clear() {
    this.#specs = [];
    this.#tracked.clear();
  }
  list() {
    return this.#specs.map((spec) => ({ ...spec }));
  }
  usage() {
    return [...this.#tracked.values()].map((tracked) => ({ ...tracked.usage }));
  }
  /**
   * Admits a request for a model in a Region, reserving `reservedTokens`, or throws Bedrock's `ThrottlingException`.
   * `modelIds`: the ID as sent and the resolved base model. `undefined` when no quota applies.
   */
  admit(operation, modelIds, region, reservedTokens) {
    if (this.#specs.length === 0 || operation === "CountTokens")
      return void 0;
    const spec = this.#specs.find((candidate) => modelIds.includes(candidate.model) && (candidate.region === void 0 || candidate.region === region));
    if (spec === void 0)
      return void 0;
    const now = this.#now();
    const tracked = this.#trackedFor(spec, region, now);
    const { requests, tokens, usage } = tracked;
    if (requests !== void 0 && requests.level(now) < 1) {
      usage.throttledRequests += 1;
      throw new EmulatorError("ThrottlingException", 429, TOO_MANY_REQUESTS);
    }
    if (tokens !== void 0 && !tokens.take(reservedTokens, now)) {
      usage.throttledTokens += 1;
      throw new EmulatorError("ThrottlingException", 429, TOO_MANY_TOKENS);
    }
    requests?.take(1, now);
    usage.admitted += 1;
    let settled = false;
    return {
      timeToFirstTokenMs: spec.timeToFirstTokenMs ?? 0,
      msPerOutputToken: spec.msPerOutputToken ?? 0,
      settle: (actualTokens) => {
        if (settled)
          return;
        settled = true;
        usage.tokensUsed += actualTokens;
        tokens?.adjust(reservedTokens - actualTokens, this.#now());
      }
    };
  }
  #trackedFor(spec, region, now) {
    const key = `${spec.id}\0${region}`;
    let tracked = this.#tracked.get(key);
    if (tracked === void 0) {
      const burst = spec.burstSeconds ?? 1;
      const scale = spec.timeScale ?? 1;
      tracked = {
        spec,
        region,
        requests: spec.requestsPerMinute === void 0 ? void 0 : new Bucket(spec.requestsPerMinute, burst, scale, now),
        tokens: spec.tokensPerMinute === void 0 ? void 0 : new Bucket(spec.tokensPerMinute, burst, scale, now),
        usage: { model: spec.model, region, admitted: 0, throttledRequests: 0, throttledTokens: 0, tokensUsed: 0 }
      };
      this.#tracked.set(key, tracked);
    }
    return tracked;
  }
};

// dist/src/emulator/requests.js
function emptyCounts() {
  return { Converse: 0, ConverseStream: 0, InvokeModel: 0, InvokeModelWithResponseStream: 0, CountTokens: 0, other: 0 };
}
var RequestLog = class {
  #entries = [];
  #limit;
  #counts = emptyCounts();
  #total = 0;
  constructor(limit = 1e3) {
    this.#limit = limit;
  }
  add(entry) {
    this.#total += 1;
    if (this.#limit <= 0)
      return;
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit)
      this.#entries.shift();
  }
  count(operation) {
    this.#counts[operation ?? "other"] += 1;
  }
  get entries() {
    return this.#entries;
  }
  get counts() {
    return this.#counts;
  }
  get total() {
    return this.#total;
  }
  clear() {
    this.#entries.length = 0;
    this.#counts = emptyCounts();
    this.#total = 0;
  }
};

// dist/src/emulator/router.js
import { randomUUID as randomUUID4 } from "node:crypto";
import { setTimeout as sleep2 } from "node:timers/promises";

// dist/src/emulator/http.js
function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on("data", (chunk) => chunks.push(chunk));
    request.on("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    request.on("error", reject);
  });
}
function headersOf(request) {
  const result = {};
  for (const [name, value] of Object.entries(request.headers)) {
    result[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return result;
}
function writeHead(response, status, headers) {
  response.writeHead(status, headers);
}
function writeChunk(response, chunk) {
  if (response.destroyed || response.writableEnded)
    return false;
  response.write(chunk);
  return true;
}
function endResponse(response, chunk) {
  if (response.destroyed || response.writableEnded)
    return;
  response.end(chunk);
}
function sendJson(response, status, body, requestId, extraHeaders = {}) {
  const payload = Buffer.from(JSON.stringify(body));
  writeHead(response, status, {
    "content-type": "application/json",
    "content-length": payload.length,
    "x-amzn-requestid": requestId,
    ...extraHeaders
  });
  endResponse(response, payload);
}
function sendError(response, error, requestId) {
  sendJson(response, error.status, error.body, requestId, { "x-amzn-errortype": error.errorType });
}

// dist/src/emulator/control.js
function isLoopbackAddress(address) {
  if (address === void 0)
    return false;
  return address === "::1" || /^(::ffff:)?127\./.test(address);
}
function controlError(response, status, message, requestId) {
  sendJson(response, status, { message }, requestId);
}
async function handleControl(state, request, response, requestId) {
  if (!isLoopbackAddress(request.socket?.remoteAddress)) {
    controlError(response, 403, "The emulator control endpoint only answers loopback clients.", requestId);
    return;
  }
  const method = request.method ?? "GET";
  const path = (request.url ?? "").split("?")[0] ?? "";
  try {
    const body = await readBody(request);
    if (path === "/__emulator/health" && method === "GET") {
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === "/__emulator/faults" && method === "POST") {
      const parsed = JSON.parse(body.toString("utf8") || "{}");
      const { count, ...rest } = parsed;
      const spec = count === void 0 ? rest : { ...rest, count: count === "always" ? Infinity : count };
      const id = state.faults.add(spec);
      sendJson(response, 201, { id }, requestId);
    } else if (path === "/__emulator/faults" && method === "GET") {
      sendJson(response, 200, { faults: state.faults.list().map((fault) => ({ ...fault, count: fault.count === Infinity ? "always" : fault.count, remaining: fault.remaining === Infinity ? "always" : fault.remaining })) }, requestId);
    } else if (path === "/__emulator/faults" && method === "DELETE") {
      state.faults.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path.startsWith("/__emulator/faults/") && method === "DELETE") {
      const removed = state.faults.remove(decodeURIComponent(path.slice("/__emulator/faults/".length)));
      sendJson(response, removed ? 200 : 404, { ok: removed }, requestId);
    } else if (path === "/__emulator/batch/faults" && method === "POST") {
      const parsed = JSON.parse(body.toString("utf8") || "{}");
      const id = state.batch.addFault({ ...parsed, count: parsed.count === "always" ? Infinity : parsed.count });
      sendJson(response, 201, { id }, requestId);
    } else if (path === "/__emulator/batch/faults" && method === "DELETE") {
      state.batch.clearFaults();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === "/__emulator/batch/pacing" && method === "PUT") {
      state.batch.setPacing(JSON.parse(body.toString("utf8") || "{}"));
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === "/__emulator/quotas" && (method === "PUT" || method === "POST")) {
      const id = state.quotas.set(JSON.parse(body.toString("utf8") || "{}"));
      sendJson(response, 201, { id }, requestId);
    } else if (path === "/__emulator/quotas" && method === "GET") {
      sendJson(response, 200, { quotas: state.quotas.list(), usage: state.quotas.usage() }, requestId);
    } else if (path === "/__emulator/quotas" && method === "DELETE") {
      state.quotas.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path.startsWith("/__emulator/quotas/") && method === "DELETE") {
      const removed = state.quotas.remove(decodeURIComponent(path.slice("/__emulator/quotas/".length)));
      sendJson(response, removed ? 200 : 404, { ok: removed }, requestId);
    } else if (path === "/__emulator/requests" && method === "GET") {
      sendJson(response, 200, { requests: state.log.entries, counts: state.log.counts, total: state.log.total }, requestId);
    } else if (path === "/__emulator/requests" && method === "DELETE") {
      state.log.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === "/__emulator/reset" && method === "POST") {
      state.faults.clear();
      state.quotas.clear();
      state.log.clear();
      state.promptCache.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else {
      controlError(response, 404, `No control endpoint ${method} ${path}.`, requestId);
    }
  } catch (error) {
    controlError(response, 400, error.message, requestId);
  }
}

// dist/src/emulator/operations.js
import http2 from "node:http2";
import { setTimeout as sleep } from "node:timers/promises";

// dist/src/emulator/anthropic.js
import { createHash as createHash6 } from "node:crypto";

// dist/src/emulator/embeddings.js
import { createHash as createHash5 } from "node:crypto";
var WORD2 = /[\p{L}\p{N}]+/gu;
function fnv1a(text) {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
function addFeature(vector, feature, weight) {
  const hash = fnv1a(feature);
  const sign = fnv1a(`sign:${feature}`) & 1 ? 1 : -1;
  const index = hash % vector.length;
  vector[index] = (vector[index] ?? 0) + sign * weight;
}
function embeddingWords(text) {
  return text.toLowerCase().match(WORD2) ?? [];
}
function normalizeInPlace(vector) {
  let sum = 0;
  for (const value of vector)
    sum += value * value;
  const norm = Math.sqrt(sum);
  if (norm === 0)
    return;
  for (let index = 0; index < vector.length; index += 1)
    vector[index] = (vector[index] ?? 0) / norm;
}
function embedText(text, dimensions, normalize = true) {
  const vector = new Float64Array(dimensions);
  const words = embeddingWords(text);
  if (words.length === 0)
    addFeature(vector, "\0empty", 1);
  words.forEach((word, index) => {
    addFeature(vector, word, 1);
    const padded = `<${word}>`;
    const trigrams = padded.length - 2;
    for (let offset = 0; offset < trigrams; offset += 1)
      addFeature(vector, `#${padded.slice(offset, offset + 3)}`, 0.5 / trigrams);
    const next = words[index + 1];
    if (next !== void 0)
      addFeature(vector, `${word} ${next}`, 0.5);
  });
  if (normalize)
    normalizeInPlace(vector);
  return Array.from(vector, (value) => Math.round(value * 1e7) / 1e7);
}
function embedBytes(data, dimensions) {
  const digest = createHash5("sha256").update(data).digest("hex");
  const vector = new Float64Array(dimensions);
  for (let index = 0; index + 8 <= digest.length; index += 4)
    addFeature(vector, `img:${digest.slice(index, index + 8)}`, 1);
  normalizeInPlace(vector);
  return Array.from(vector, (value) => Math.round(value * 1e7) / 1e7);
}
function cosineSimilarity(left, right) {
  let dot = 0;
  let leftNorm = 0;
  let rightNorm = 0;
  for (let index = 0; index < left.length; index += 1) {
    const a = left[index] ?? 0;
    const b = right[index] ?? 0;
    dot += a * b;
    leftNorm += a * a;
    rightNorm += b * b;
  }
  return leftNorm === 0 || rightNorm === 0 ? 0 : dot / Math.sqrt(leftNorm * rightNorm);
}
function averageVectors(vectors) {
  const first = vectors[0] ?? [];
  const result = new Float64Array(first.length);
  for (const vector of vectors)
    vector.forEach((value, index) => result[index] = (result[index] ?? 0) + value / vectors.length);
  normalizeInPlace(result);
  return Array.from(result);
}
function quantize(vector, type) {
  switch (type) {
    case "int8":
      return vector.map((value) => Math.max(-128, Math.min(127, Math.round(value * 127))));
    case "uint8":
      return vector.map((value) => Math.max(0, Math.min(255, Math.round((value + 1) * 127.5))));
    case "binary":
    case "ubinary": {
      const packed = [];
      for (let offset = 0; offset < vector.length; offset += 8) {
        let byte = 0;
        for (let bit = 0; bit < 8; bit += 1)
          if ((vector[offset + bit] ?? 0) > 0)
            byte |= 1 << 7 - bit;
        packed.push(type === "binary" ? byte - 128 : byte);
      }
      return packed;
    }
    default:
      return [...vector];
  }
}
function malformed(detail) {
  return new EmulatorError("ValidationException", 400, `Malformed input request: ${detail}, please reformat your input and try again.`);
}
function isObject4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function rejectExtraKeys(body, allowed) {
  for (const key of Object.keys(body))
    if (!allowed.includes(key))
      throw malformed(`#: extraneous key [${key}] is not permitted`);
}
function requireKey(body, key) {
  if (body[key] === void 0)
    throw malformed(`#: required key [${key}] not found`);
  return body[key];
}
function requireEnum(value, allowed, path) {
  if (!allowed.includes(value))
    throw malformed(`${path}: ${JSON.stringify(value)} is not a valid enum value`);
}
function requireString(value, path, maxLength) {
  if (typeof value !== "string")
    throw malformed(`${path}: expected type: String, found: ${value === null ? "Null" : typeof value}`);
  if (value.length === 0)
    throw malformed(`${path}: expected minLength: 1, actual: 0`);
  if (maxLength !== void 0 && value.length > maxLength)
    throw malformed(`${path}: expected maxLength: ${maxLength}, actual: ${value.length}`);
  return value;
}
function embeddingFamilyOf(modelId) {
  if (modelId === "amazon.titan-embed-text-v1")
    return "titan-v1";
  if (modelId === "amazon.titan-embed-text-v2:0")
    return "titan-v2";
  if (modelId === "amazon.titan-embed-image-v1")
    return "titan-multimodal";
  if (modelId === "cohere.embed-english-v3" || modelId === "cohere.embed-multilingual-v3")
    return "cohere-v3";
  if (modelId === "cohere.embed-v4:0")
    return "cohere-v4";
  if (modelId === "amazon.nova-2-multimodal-embeddings-v1:0")
    return "nova-multimodal";
  return void 0;
}
var TITAN_MAX_TOKENS = 8192;
function checkTitanTokens(text, limit) {
  const tokens = countTokens(text);
  if (tokens > limit) {
    throw new EmulatorError("ValidationException", 400, `400 Bad Request: Too many input tokens. Max input tokens: ${limit}, request input token count: ${tokens}`);
  }
  return tokens;
}
function invokeEmbedding(family, body, requestId) {
  if (!isObject4(body))
    throw malformed("#: expected type: JSONObject");
  switch (family) {
    case "titan-v1": {
      rejectExtraKeys(body, ["inputText"]);
      const text = requireString(requireKey(body, "inputText"), "#/inputText");
      const inputTokens = checkTitanTokens(text, TITAN_MAX_TOKENS);
      return { body: { embedding: embedText(text, 1536), inputTextTokenCount: inputTokens }, inputTokens };
    }
    case "titan-v2": {
      rejectExtraKeys(body, ["inputText", "dimensions", "normalize", "embeddingTypes"]);
      const text = requireString(requireKey(body, "inputText"), "#/inputText", 5e4);
      const dimensions = body["dimensions"] ?? 1024;
      requireEnum(dimensions, [256, 512, 1024], "#/dimensions");
      const normalize = body["normalize"] ?? true;
      if (typeof normalize !== "boolean")
        throw malformed(`#/normalize: expected type: Boolean, found: ${typeof normalize}`);
      const types = body["embeddingTypes"] ?? ["float"];
      if (!Array.isArray(types) || types.length === 0)
        throw malformed("#/embeddingTypes: expected minItems: 1, actual: 0");
      for (const type of types)
        requireEnum(type, ["float", "binary"], "#/embeddingTypes");
      const inputTokens = checkTitanTokens(text, TITAN_MAX_TOKENS);
      const embedding2 = embedText(text, dimensions, normalize);
      const byType = { float: embedding2 };
      if (types.includes("binary"))
        byType["binary"] = embedding2.map((value) => value > 0 ? 1 : 0);
      return { body: { embedding: embedding2, embeddingsByType: byType, inputTextTokenCount: inputTokens }, inputTokens };
    }
    case "titan-multimodal": {
      rejectExtraKeys(body, ["inputText", "inputImage", "embeddingConfig"]);
      const text = body["inputText"];
      const image = body["inputImage"];
      if (text === void 0 && image === void 0)
        throw malformed("#: required key [inputText] or [inputImage] not found");
      let length = 1024;
      if (body["embeddingConfig"] !== void 0) {
        if (!isObject4(body["embeddingConfig"]))
          throw malformed("#/embeddingConfig: expected type: JSONObject");
        length = body["embeddingConfig"]["outputEmbeddingLength"] ?? 1024;
        requireEnum(length, [256, 384, 1024], "#/embeddingConfig/outputEmbeddingLength");
      }
      const vectors = [];
      let inputTokens = 0;
      if (text !== void 0) {
        const value = requireString(text, "#/inputText");
        inputTokens = checkTitanTokens(value, 256);
        vectors.push(embedText(value, length));
      }
      if (image !== void 0)
        vectors.push(embedBytes(Buffer.from(requireString(image, "#/inputImage"), "base64"), length));
      return { body: { embedding: vectors.length === 1 ? vectors[0] : averageVectors(vectors), inputTextTokenCount: inputTokens, message: null }, inputTokens };
    }
    case "cohere-v3":
    case "cohere-v4":
      return invokeCohere(family, body, requestId);
    case "nova-multimodal":
      return invokeNova(body);
  }
}
var COHERE_INPUT_TYPES = ["search_document", "search_query", "classification", "clustering", "image"];
var COHERE_EMBEDDING_TYPES = ["float", "int8", "uint8", "binary", "ubinary"];
function invokeCohere(family, body, requestId) {
  const v4 = family === "cohere-v4";
  rejectExtraKeys(body, v4 ? ["texts", "images", "inputs", "input_type", "embedding_types", "output_dimension", "max_tokens", "truncate"] : ["texts", "images", "input_type", "truncate", "embedding_types"]);
  requireEnum(requireKey(body, "input_type"), COHERE_INPUT_TYPES, "#/input_type");
  const truncate = body["truncate"] ?? (v4 ? "NONE" : "NONE");
  requireEnum(truncate, v4 ? ["NONE", "LEFT", "RIGHT"] : ["NONE", "START", "END"], "#/truncate");
  const dimensions = v4 ? body["output_dimension"] ?? 1536 : 1024;
  if (v4)
    requireEnum(dimensions, [256, 512, 1024, 1536], "#/output_dimension");
  const texts = [];
  const imageInputs = [];
  if (body["texts"] !== void 0) {
    if (!Array.isArray(body["texts"]))
      throw malformed("#/texts: expected type: JSONArray");
    body["texts"].forEach((text, index) => {
      if (typeof text !== "string")
        throw malformed(`#/texts/${index}: expected type: String`);
      texts.push(text);
    });
  }
  if (body["images"] !== void 0) {
    if (!Array.isArray(body["images"]))
      throw malformed("#/images: expected type: JSONArray");
    for (const image of body["images"])
      imageInputs.push(String(image));
  }
  if (v4 && body["inputs"] !== void 0) {
    if (!Array.isArray(body["inputs"]))
      throw malformed("#/inputs: expected type: JSONArray");
    for (const input of body["inputs"]) {
      const parts = isObject4(input) && Array.isArray(input["content"]) ? input["content"] : [];
      texts.push(parts.map((part) => isObject4(part) && typeof part["text"] === "string" ? part["text"] : "").join(" "));
    }
  }
  const count = texts.length + imageInputs.length;
  if (count === 0)
    throw malformed("#: required key [texts] not found");
  if (texts.length > 0 && imageInputs.length > 0)
    throw malformed("#: only one of [texts, images] may be provided");
  if (count > 96)
    throw malformed(`#/texts: expected maxItems: 96, actual: ${count}`);
  if (!v4 && imageInputs.length > 1)
    throw malformed(`#/images: expected maxItems: 1, actual: ${imageInputs.length}`);
  const limited = texts.map((text, index) => {
    if (v4 || text.length <= 2048)
      return text;
    if (truncate === "NONE")
      throw malformed(`#/texts/${index}: expected maxLength: 2048, actual: ${text.length}`);
    return truncate === "START" ? text.slice(text.length - 2048) : text.slice(0, 2048);
  });
  const types = body["embedding_types"];
  if (types !== void 0) {
    if (!Array.isArray(types) || types.length === 0)
      throw malformed("#/embedding_types: expected minItems: 1, actual: 0");
    for (const type of types)
      requireEnum(type, COHERE_EMBEDDING_TYPES, "#/embedding_types");
  }
  const floats = [...limited.map((text) => embedText(text, dimensions)), ...imageInputs.map((image) => embedBytes(Buffer.from(image), dimensions))];
  const inputTokens = limited.reduce((sum, text) => sum + countTokens(text), 0);
  const id = requestId;
  if (types === void 0 && !v4) {
    return { body: { id, embeddings: floats, texts: limited, response_type: "embeddings_floats" }, inputTokens };
  }
  const byType = {};
  for (const type of types ?? ["float"])
    byType[type] = floats.map((vector) => quantize(vector, type));
  return { body: { id, embeddings: byType, texts: limited, response_type: "embeddings_by_type" }, inputTokens };
}
var NOVA_PURPOSES = [
  "GENERIC_INDEX",
  "GENERIC_RETRIEVAL",
  "TEXT_RETRIEVAL",
  "IMAGE_RETRIEVAL",
  "VIDEO_RETRIEVAL",
  "DOCUMENT_RETRIEVAL",
  "AUDIO_RETRIEVAL",
  "CLASSIFICATION",
  "CLUSTERING"
];
function invokeNova(body) {
  rejectExtraKeys(body, ["schemaVersion", "taskType", "singleEmbeddingParams"]);
  requireEnum(requireKey(body, "schemaVersion"), ["nova-multimodal-embed-v1"], "#/schemaVersion");
  requireEnum(requireKey(body, "taskType"), ["SINGLE_EMBEDDING"], "#/taskType");
  const params = requireKey(body, "singleEmbeddingParams");
  if (!isObject4(params))
    throw malformed("#/singleEmbeddingParams: expected type: JSONObject");
  requireEnum(requireKey(params, "embeddingPurpose"), NOVA_PURPOSES, "#/singleEmbeddingParams/embeddingPurpose");
  const dimensions = params["embeddingDimension"] ?? 1024;
  requireEnum(dimensions, [256, 384, 1024, 3072], "#/singleEmbeddingParams/embeddingDimension");
  const inputs = ["text", "image", "audio", "video"].filter((key) => params[key] !== void 0);
  if (inputs.length !== 1)
    throw malformed("#/singleEmbeddingParams: exactly one of [text, image, audio, video] is required");
  const kind = inputs[0];
  const input = params[kind];
  if (!isObject4(input))
    throw malformed(`#/singleEmbeddingParams/${kind}: expected type: JSONObject`);
  if (kind === "text") {
    const text = requireString(input["value"], "#/singleEmbeddingParams/text/value");
    const inputTokens = countTokens(text);
    if (inputTokens > 8192 && (input["truncationMode"] ?? "NONE") === "NONE") {
      throw new EmulatorError("ValidationException", 400, `Input text exceeds 8192 tokens (${inputTokens}). Set truncationMode to START or END.`);
    }
    return { body: { embeddings: [{ embeddingType: "TEXT", embedding: embedText(text, dimensions) }] }, inputTokens };
  }
  const source = isObject4(input["source"]) ? input["source"] : {};
  const bytes = typeof source["bytes"] === "string" ? Buffer.from(source["bytes"], "base64") : Buffer.from(JSON.stringify(source));
  return { body: { embeddings: [{ embeddingType: kind.toUpperCase(), embedding: embedBytes(bytes, dimensions) }] }, inputTokens: 0 };
}

// dist/src/emulator/event-stream.js
import { EventStreamCodec } from "@smithy/core/event-streams";
import { fromUtf8, toUtf8 } from "@smithy/core/serde";
var codec = new EventStreamCodec(toUtf8, fromUtf8);
var stringHeader = (value) => ({ type: "string", value });
function encodeEvent(eventType, payload) {
  return codec.encode({
    headers: {
      ":event-type": stringHeader(eventType),
      ":content-type": stringHeader("application/json"),
      ":message-type": stringHeader("event")
    },
    body: fromUtf8(JSON.stringify(payload))
  });
}
function encodeException(exceptionType, payload) {
  return codec.encode({
    headers: {
      ":exception-type": stringHeader(exceptionType),
      ":content-type": stringHeader("application/json"),
      ":message-type": stringHeader("exception")
    },
    body: fromUtf8(JSON.stringify(payload))
  });
}
function streamExceptionMember(name) {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
var PADDING = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
function withPadding(events) {
  return events.map((event, index) => index % 3 === 0 ? { type: event.type, payload: { p: PADDING.slice(0, 10 + index * 7 % (PADDING.length - 10)), ...event.payload } } : event);
}
function chunkText(text, tokensPerDelta = 3) {
  const tokens = splitTokens(text);
  const chunks = [];
  for (let index = 0; index < tokens.length; index += tokensPerDelta)
    chunks.push(tokens.slice(index, index + tokensPerDelta).join(""));
  const trailing = text.slice(chunks.join("").length);
  if (trailing !== "")
    chunks.push(trailing);
  return chunks.length === 0 ? [text] : chunks;
}
function chunkJson(json, size = 12) {
  if (json.length < 2)
    return [json];
  const pieceSize = Math.max(1, Math.min(size, Math.ceil(json.length / 2)));
  const pieces = [];
  for (let index = 0; index < json.length; index += pieceSize)
    pieces.push(json.slice(index, index + pieceSize));
  return pieces;
}
function blockEvents(block, index) {
  const events = [];
  if (typeof block["text"] === "string") {
    for (const text of chunkText(block["text"]))
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { text } } });
  } else if (typeof block["reasoningContent"]?.["redactedContent"] === "string") {
    const redactedContent = block["reasoningContent"]["redactedContent"];
    events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { reasoningContent: { redactedContent } } } });
  } else if (block["reasoningContent"] !== void 0) {
    const reasoning = block["reasoningContent"]["reasoningText"];
    for (const text of chunkText(String(reasoning["text"] ?? ""))) {
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { reasoningContent: { text } } } });
    }
    if (typeof reasoning["signature"] === "string") {
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { reasoningContent: { signature: reasoning["signature"] } } } });
    }
  } else if (block["citationsContent"] !== void 0) {
    const cited = block["citationsContent"];
    const text = (cited["content"] ?? []).map((part) => String(part["text"] ?? "")).join("");
    for (const piece of chunkText(text))
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { text: piece } } });
    for (const citation of cited["citations"] ?? []) {
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { citation } } });
    }
  } else if (block["toolUse"] !== void 0) {
    const toolUse = block["toolUse"];
    events.push({
      type: "contentBlockStart",
      payload: { contentBlockIndex: index, start: { toolUse: { toolUseId: toolUse["toolUseId"], name: toolUse["name"] } } }
    });
    for (const input of chunkJson(JSON.stringify(toolUse["input"] ?? {}))) {
      events.push({ type: "contentBlockDelta", payload: { contentBlockIndex: index, delta: { toolUse: { input } } } });
    }
  }
  events.push({ type: "contentBlockStop", payload: { contentBlockIndex: index } });
  return events;
}
function converseStreamEvents(reply, latencyMs) {
  const events = [{ type: "messageStart", payload: { role: "assistant" } }];
  reply.content.forEach((block, index) => events.push(...blockEvents(block, index)));
  events.push({
    type: "messageStop",
    payload: {
      stopReason: reply.stopReason,
      ...reply.additionalModelResponseFields === void 0 ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields }
    }
  });
  events.push({
    type: "metadata",
    payload: { usage: reply.usage, metrics: { latencyMs }, ...reply.trace === void 0 ? {} : { trace: reply.trace } }
  });
  return withPadding(events);
}
function chunkEvent(nativeEvent) {
  return { type: "chunk", payload: { bytes: Buffer.from(JSON.stringify(nativeEvent)).toString("base64") } };
}
function encodeErrorFrame(code, message) {
  return codec.encode({
    headers: {
      ":message-type": stringHeader("error"),
      ":error-code": stringHeader(code),
      ":error-message": stringHeader(message)
    },
    body: new Uint8Array(0)
  });
}

// dist/src/emulator/anthropic.js
function isObject5(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
var ALLOWED_KEYS = [
  "anthropic_version",
  "anthropic_beta",
  "max_tokens",
  "messages",
  "system",
  "tools",
  "tool_choice",
  "temperature",
  "top_p",
  "top_k",
  "stop_sequences",
  "thinking",
  "metadata",
  "output_config"
];
function anthropicError(message) {
  return new EmulatorError("ValidationException", 400, message);
}
function convertContent(content, path) {
  if (typeof content === "string")
    return [{ text: content }];
  if (!Array.isArray(content))
    throw malformed(`${path}: expected type: JSONArray`);
  return content.map((block, index) => {
    if (!isObject5(block))
      throw malformed(`${path}/${index}: expected type: JSONObject`);
    switch (block["type"]) {
      case "text":
        return { text: String(block["text"] ?? "") };
      case "image":
        return { image: { format: "png", source: { bytes: block["source"]?.["data"] ?? "" } } };
      case "tool_use":
        return { toolUse: { toolUseId: block["id"], name: block["name"], input: block["input"] ?? {} } };
      case "tool_result": {
        const inner = block["content"];
        const items = typeof inner === "string" ? [{ text: inner }] : Array.isArray(inner) ? inner.map((item) => isObject5(item) && item["type"] === "text" ? { text: item["text"] } : { json: item }) : [];
        return { toolResult: { toolUseId: block["tool_use_id"], content: items } };
      }
      case "thinking":
        return { reasoningContent: { reasoningText: { text: block["thinking"], signature: block["signature"] } } };
      default:
        throw anthropicError(`${path.replace(/^#\//, "").replace(/\//g, ".")}.${index}.type: Input tag '${String(block["type"])}' found using 'type' does not match any of the expected tags`);
    }
  });
}
function anthropicToConverse(body, model) {
  if (!isObject5(body))
    throw malformed("#: expected type: JSONObject");
  for (const key of Object.keys(body))
    if (!ALLOWED_KEYS.includes(key))
      throw malformed(`#: extraneous key [${key}] is not permitted`);
  for (const key of ["anthropic_version", "max_tokens", "messages"])
    if (body[key] === void 0)
      throw malformed(`#: required key [${key}] not found`);
  if (body["anthropic_version"] !== "bedrock-2023-05-31")
    throw anthropicError("anthropic_version: Invalid value. Expected bedrock-2023-05-31");
  const maxTokens = body["max_tokens"];
  if (typeof maxTokens !== "number" || !Number.isInteger(maxTokens) || maxTokens < 1)
    throw malformed("#/max_tokens: must be an integer of at least 1");
  if (maxTokens > model.maxOutputTokens)
    throw anthropicError(maxTokensMessage(model.maxOutputTokens));
  const rawMessages = body["messages"];
  if (!Array.isArray(rawMessages))
    throw malformed("#/messages: expected type: JSONArray");
  const messages = rawMessages.map((message, index) => {
    if (!isObject5(message))
      throw malformed(`#/messages/${index}: expected type: JSONObject`);
    if (message["role"] !== "user" && message["role"] !== "assistant")
      throw anthropicError(`messages.${index}.role: Input should be 'user' or 'assistant'`);
    return { role: message["role"], content: convertContent(message["content"], `#/messages/${index}/content`) };
  });
  for (let index = 1; index < messages.length; index += 1) {
    if (messages[index]?.role === messages[index - 1]?.role) {
      throw anthropicError(`messages: roles must alternate between "user" and "assistant", but found multiple "${messages[index]?.role}" roles in a row`);
    }
  }
  if (messages[0]?.role !== "user")
    throw anthropicError('messages: first message must use the "user" role');
  const request = { messages, inferenceConfig: { maxTokens } };
  const system = body["system"];
  if (typeof system === "string")
    request.system = [{ text: system }];
  else if (Array.isArray(system))
    request.system = system.map((block) => ({ text: String(isObject5(block) ? block["text"] : block) }));
  for (const [from, to] of [
    ["temperature", "temperature"],
    ["top_p", "topP"]
  ]) {
    if (typeof body[from] === "number")
      request.inferenceConfig[to] = body[from];
  }
  if (Array.isArray(body["stop_sequences"]))
    request.inferenceConfig = { ...request.inferenceConfig, stopSequences: body["stop_sequences"] };
  if (Array.isArray(body["tools"])) {
    request.toolConfig = {
      tools: body["tools"].map((tool) => ({
        toolSpec: { name: isObject5(tool) ? tool["name"] : void 0, inputSchema: { json: isObject5(tool) ? tool["input_schema"] ?? {} : {} } }
      }))
    };
    const choice = body["tool_choice"];
    if (isObject5(choice)) {
      if (choice["type"] === "any")
        request.toolConfig.toolChoice = { any: {} };
      else if (choice["type"] === "tool")
        request.toolConfig.toolChoice = { tool: { name: choice["name"] } };
      else
        request.toolConfig.toolChoice = { auto: {} };
    }
  }
  const additional = {};
  if (body["thinking"] !== void 0)
    additional["thinking"] = body["thinking"];
  if (body["top_k"] !== void 0)
    additional["top_k"] = body["top_k"];
  if (Object.keys(additional).length > 0)
    request.additionalModelRequestFields = additional;
  return request;
}
var STOP_REASONS = {
  end_turn: "end_turn",
  tool_use: "tool_use",
  max_tokens: "max_tokens",
  stop_sequence: "stop_sequence",
  guardrail_intervened: "refusal"
};
function messageId(requestId) {
  return `msg_bdrk_${createHash6("sha256").update(requestId).digest("base64url").slice(0, 24)}`;
}
function anthropicBlock(block) {
  if (typeof block["text"] === "string")
    return { type: "text", text: block["text"] };
  if (block["toolUse"] !== void 0) {
    const toolUse = block["toolUse"];
    return { type: "tool_use", id: toolUse["toolUseId"], name: toolUse["name"], input: toolUse["input"] };
  }
  const reasoning = block["reasoningContent"]["reasoningText"];
  return { type: "thinking", thinking: reasoning["text"], signature: reasoning["signature"] ?? "" };
}
function anthropicUsage(reply) {
  return {
    input_tokens: reply.usage.inputTokens,
    output_tokens: reply.usage.outputTokens,
    ...reply.usage.cacheReadInputTokens !== void 0 ? { cache_read_input_tokens: reply.usage.cacheReadInputTokens, cache_creation_input_tokens: reply.usage.cacheWriteInputTokens ?? 0 } : {}
  };
}
function converseReplyToAnthropic(reply, model, requestId) {
  return {
    id: messageId(requestId),
    type: "message",
    role: "assistant",
    model: model.id.replace(/^anthropic\./, ""),
    content: reply.content.map(anthropicBlock),
    stop_reason: STOP_REASONS[reply.stopReason] ?? reply.stopReason,
    stop_sequence: reply.additionalModelResponseFields?.["stop_sequence"] ?? null,
    usage: anthropicUsage(reply)
  };
}
function anthropicStreamEvents(reply, model, requestId, latencyMs) {
  const events = [
    {
      type: "message_start",
      message: {
        id: messageId(requestId),
        type: "message",
        role: "assistant",
        model: model.id.replace(/^anthropic\./, ""),
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...anthropicUsage(reply), output_tokens: 1 }
      }
    }
  ];
  reply.content.forEach((block, index) => {
    const full = anthropicBlock(block);
    if (full["type"] === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      for (const text of chunkText(String(full["text"])))
        events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text } });
    } else if (full["type"] === "tool_use") {
      events.push({ type: "content_block_start", index, content_block: { type: "tool_use", id: full["id"], name: full["name"], input: {} } });
      for (const partial of chunkJson(JSON.stringify(full["input"] ?? {}))) {
        events.push({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: partial } });
      }
    } else {
      events.push({ type: "content_block_start", index, content_block: { type: "thinking", thinking: "" } });
      for (const thinking of chunkText(String(full["thinking"])))
        events.push({ type: "content_block_delta", index, delta: { type: "thinking_delta", thinking } });
      events.push({ type: "content_block_delta", index, delta: { type: "signature_delta", signature: full["signature"] } });
    }
    events.push({ type: "content_block_stop", index });
  });
  events.push({
    type: "message_delta",
    delta: { stop_reason: STOP_REASONS[reply.stopReason] ?? reply.stopReason, stop_sequence: reply.additionalModelResponseFields?.["stop_sequence"] ?? null },
    usage: { output_tokens: reply.usage.outputTokens }
  });
  events.push({
    type: "message_stop",
    "amazon-bedrock-invocationMetrics": {
      inputTokenCount: reply.usage.inputTokens,
      outputTokenCount: reply.usage.outputTokens,
      invocationLatency: latencyMs,
      firstByteLatency: Math.max(0, latencyMs - 1),
      ...reply.usage.cacheReadInputTokens !== void 0 ? { cacheReadInputTokenCount: reply.usage.cacheReadInputTokens, cacheWriteInputTokenCount: reply.usage.cacheWriteInputTokens ?? 0 } : {}
    }
  });
  return events;
}

// dist/src/emulator/operations.js
var STREAM_EXCEPTIONS = {
  ConverseStream: ["InternalServerException", "ModelStreamErrorException", "ValidationException", "ThrottlingException", "ServiceUnavailableException"],
  InvokeModelWithResponseStream: [
    "InternalServerException",
    "ModelStreamErrorException",
    "ValidationException",
    "ThrottlingException",
    "ModelTimeoutException",
    "ServiceUnavailableException"
  ]
};
function elapsed(context) {
  return Math.max(1, Math.round(performance.now() - context.startedAt));
}
function withGuardrailHeaders(request, headers) {
  const identifier = headers["x-amzn-bedrock-guardrailidentifier"];
  if (identifier === void 0)
    return request;
  const trace = headers["x-amzn-bedrock-trace"];
  return {
    ...request,
    guardrailConfig: {
      guardrailIdentifier: identifier,
      guardrailVersion: headers["x-amzn-bedrock-guardrailversion"] ?? "DRAFT",
      trace: trace === "ENABLED" ? "enabled" : trace === "ENABLED_FULL" ? "enabled_full" : "disabled"
    }
  };
}
function converseReply(context, operation) {
  const model = context.resolved.model;
  const prompt = context.resolved.prompt;
  if (prompt === void 0)
    rejectPromptVariables(context.body);
  const body = prompt === void 0 ? context.body : applyPrompt(context.body, prompt);
  const request = validateConverseRequest(body, { model, operation });
  return replyFor(request, {
    model,
    promptCache: context.state.promptCache,
    guardrailTrigger: context.state.guardrailTrigger,
    redactedThinkingTrigger: context.state.redactedThinkingTrigger
  });
}
async function handleConverse(context) {
  const reply = converseReply(context, "Converse");
  await generate2(context, reply.usage.inputTokens, reply.usage.outputTokens);
  sendJson(context.response, 200, {
    output: { message: { role: "assistant", content: reply.content } },
    stopReason: reply.stopReason,
    usage: reply.usage,
    metrics: { latencyMs: elapsed(context) },
    ...reply.additionalModelResponseFields === void 0 ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields },
    ...reply.trace === void 0 ? {} : { trace: reply.trace }
  }, context.requestId);
}
async function handleConverseStream(context) {
  const reply = converseReply(context, "ConverseStream");
  const frames = converseStreamEvents(reply, elapsed(context)).map((event) => encodeEvent(event.type, event.payload));
  await sendEventStream(context, frames, {}, reply.usage);
}
function anthropicRequest(context) {
  const model = context.resolved.model;
  const converse = withGuardrailHeaders(anthropicToConverse(context.body, model), context.headers);
  return validateConverseRequest(converse, { model, operation: "Converse" });
}
function unsupportedNativeBody(model) {
  return validationError(`The emulator implements native InvokeModel bodies only for Anthropic Claude and the embedding models; use Converse for ${model}.`);
}
function invokeHeaders(inputTokens, outputTokens, latencyMs) {
  return {
    "x-amzn-bedrock-input-token-count": inputTokens,
    "x-amzn-bedrock-output-token-count": outputTokens,
    "x-amzn-bedrock-invocation-latency": latencyMs
  };
}
async function handleInvokeModel(context) {
  const model = context.resolved.model;
  const family = embeddingFamilyOf(model.id);
  if (family !== void 0) {
    const result = invokeEmbedding(family, context.body, context.requestId);
    await generate2(context, result.inputTokens, 0);
    sendJson(context.response, 200, result.body, context.requestId, invokeHeaders(result.inputTokens, 0, elapsed(context)));
    return;
  }
  if (!model.id.startsWith("anthropic."))
    throw unsupportedNativeBody(model.id);
  const request = anthropicRequest(context);
  const reply = replyFor(request, { model, promptCache: context.state.promptCache, guardrailTrigger: context.state.guardrailTrigger });
  await generate2(context, reply.usage.inputTokens, reply.usage.outputTokens);
  const body = converseReplyToAnthropic(reply, model, context.requestId);
  if (reply.stopReason === "guardrail_intervened")
    body["amazon-bedrock-guardrailAction"] = "INTERVENED";
  if (reply.trace !== void 0)
    body["amazon-bedrock-trace"] = reply.trace;
  sendJson(context.response, 200, body, context.requestId, invokeHeaders(reply.usage.inputTokens, reply.usage.outputTokens, elapsed(context)));
}
async function handleInvokeModelWithResponseStream(context) {
  const model = context.resolved.model;
  if (model.kind === "embedding")
    throw validationError(MESSAGES.streamingUnsupported);
  if (!model.converseStream)
    throw validationError(MESSAGES.streamingUnsupported);
  if (!model.id.startsWith("anthropic."))
    throw unsupportedNativeBody(model.id);
  const request = anthropicRequest(context);
  const reply = replyFor(request, { model, promptCache: context.state.promptCache, guardrailTrigger: context.state.guardrailTrigger });
  const events = anthropicStreamEvents(reply, model, context.requestId, elapsed(context)).map(chunkEvent);
  await sendEventStream(context, events.map((event) => encodeEvent(event.type, event.payload)), { "x-amzn-bedrock-content-type": "application/json" }, reply.usage);
}
function handleCountTokens(context) {
  const model = context.resolved.model;
  if (!model.id.startsWith("anthropic.") || model.kind !== "chat") {
    throw validationError("The provided model doesn't support counting tokens.");
  }
  const body = context.body;
  const input = typeof body === "object" && body !== null ? body["input"] : void 0;
  if (input === void 0 || typeof input !== "object") {
    throw validationError("1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
  }
  let inputTokens;
  if (input["converse"] !== void 0) {
    const converse = { ...input["converse"] };
    validateConverseRequest(converse, { model, operation: "Converse" });
    inputTokens = countInputTokens(converse);
  } else if (input["invokeModel"] !== void 0) {
    const encoded = input["invokeModel"]["body"];
    if (typeof encoded !== "string")
      throw validationError("1 validation error detected: Value null at 'input.invokeModel.body' failed to satisfy constraint: Member must not be null");
    let native;
    try {
      native = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    } catch {
      throw validationError("Malformed input request: the invokeModel body is not valid JSON, please reformat your input and try again.");
    }
    inputTokens = countInputTokens(anthropicToConverse(native, model));
  } else {
    throw validationError("The input field must contain exactly one of converse or invokeModel.");
  }
  sendJson(context.response, 200, { inputTokens }, context.requestId);
}
function streamBreakFrame(operation, breakWith) {
  const allowed = STREAM_EXCEPTIONS[operation === "InvokeModelWithResponseStream" ? "InvokeModelWithResponseStream" : "ConverseStream"];
  const message = breakWith.message ?? (isModeledExceptionName(breakWith.name) ? DEFAULT_EXCEPTION_MESSAGES[breakWith.name] : "Injected stream error.");
  if (!allowed.includes(breakWith.name))
    return encodeErrorFrame(breakWith.name, message);
  const payload = { message };
  if (breakWith.name === "ModelStreamErrorException") {
    payload["originalStatusCode"] = 500;
    payload["originalMessage"] = message;
  }
  return encodeException(streamExceptionMember(breakWith.name), payload);
}
function resetConnection(request, response) {
  if ("stream" in response && response.stream !== void 0) {
    response.stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
    return;
  }
  request.socket?.destroy();
}
async function generate2(context, inputTokens, outputTokens) {
  const quota = context.quota;
  if (quota === void 0)
    return;
  const ms = quota.timeToFirstTokenMs + quota.msPerOutputToken * outputTokens;
  if (ms > 0)
    await sleep(ms);
  quota.settle(inputTokens + outputTokens);
}
function reservedTokensOf(operation, body, model) {
  if (operation === "CountTokens")
    return 0;
  const object = typeof body === "object" && body !== null ? body : {};
  if (embeddingFamilyOf(model.id) !== void 0)
    return stringTokens(object);
  let input = 0;
  let budget;
  try {
    if (operation === "Converse" || operation === "ConverseStream") {
      input = countInputTokens(object);
      budget = object["inferenceConfig"]?.["maxTokens"];
    } else {
      input = countInputTokens(anthropicToConverse(object, model));
      budget = object["max_tokens"];
    }
  } catch {
    input = stringTokens(object);
  }
  return input + (typeof budget === "number" && budget > 0 ? budget : model.maxOutputTokens);
}
function stringTokens(value) {
  if (typeof value === "string")
    return countTokens(value);
  if (Array.isArray(value))
    return value.reduce((sum, item) => sum + stringTokens(item), 0);
  if (typeof value === "object" && value !== null)
    return Object.values(value).reduce((sum, item) => sum + stringTokens(item), 0);
  return 0;
}
async function sendEventStream(context, frames, extraHeaders, usage) {
  try {
    await writeEventStream(context, frames, extraHeaders, usage.outputTokens);
  } finally {
    context.quota?.settle(usage.inputTokens + usage.outputTokens);
  }
}
async function writeEventStream(context, frames, extraHeaders, outputTokens) {
  const { response, effect } = context;
  const quota = context.quota;
  const firstTokenMs = quota?.timeToFirstTokenMs ?? 0;
  const perFrameMs = quota === void 0 || frames.length === 0 ? 0 : quota.msPerOutputToken * outputTokens / frames.length;
  let clientGone = false;
  context.record.clientClosed = false;
  response.once("close", () => {
    if (!response.writableFinished)
      clientGone = context.record.clientClosed = true;
  });
  writeHead(response, 200, { "content-type": "application/vnd.amazon.eventstream", "x-amzn-requestid": context.requestId, ...extraHeaders });
  const breakAt = effect?.breakAfterFrames;
  if (effect !== void 0 && effect.pauseBeforeFirstFrameMs > 0) {
    response.flushHeaders();
    await sleep(effect.pauseBeforeFirstFrameMs);
  }
  if (firstTokenMs > 0) {
    response.flushHeaders();
    await sleep(firstTokenMs);
  }
  for (let index = 0; index <= frames.length; index += 1) {
    if (clientGone)
      return;
    if (perFrameMs > 0 && index > 0 && index < frames.length) {
      await sleep(perFrameMs);
      if (clientGone)
        return;
    }
    if (breakAt !== void 0 && index === breakAt) {
      const breakWith = effect?.breakWith ?? { name: "ModelStreamErrorException" };
      if (breakWith === "reset") {
        response.flushHeaders();
        await sleep(5);
        resetConnection(context.request, response);
        return;
      }
      writeChunk(response, streamBreakFrame(context.operation, breakWith));
      endResponse(response);
      return;
    }
    const frame = frames[index];
    if (frame === void 0)
      break;
    const delay = pickDelay(effect?.frameDelay);
    if (delay > 0) {
      response.flushHeaders();
      await sleep(delay);
      if (clientGone)
        return;
    }
    writeChunk(response, frame);
  }
  endResponse(response);
}

// dist/src/emulator/service-model.generated.js
var SERVICE_MODEL = {
  "source": "botocore's service model of Amazon Bedrock Runtime, botocore/data/bedrock-runtime/2023-09-30/service-2.json (boto/botocore 0e6e240, 2026-08-07)",
  "apiVersion": "2023-09-30",
  "operations": {
    "Converse": "ConverseRequest",
    "ConverseStream": "ConverseStreamRequest",
    "InvokeModel": "InvokeModelRequest",
    "InvokeModelWithResponseStream": "InvokeModelWithResponseStreamRequest",
    "CountTokens": "CountTokensRequest"
  },
  "shapes": {
    "AccountId": {
      "type": "string",
      "pattern": "[0-9]{12}"
    },
    "AnyToolChoice": {
      "type": "structure",
      "members": {}
    },
    "AudioBlock": {
      "type": "structure",
      "required": [
        "format",
        "source"
      ],
      "members": {
        "format": {
          "shape": "AudioFormat"
        },
        "source": {
          "shape": "AudioSource"
        },
        "error": {
          "shape": "ErrorBlock"
        }
      }
    },
    "AudioFormat": {
      "type": "string",
      "enum": [
        "mp3",
        "opus",
        "wav",
        "aac",
        "flac",
        "mp4",
        "ogg",
        "mkv",
        "mka",
        "x-aac",
        "m4a",
        "mpeg",
        "mpga",
        "pcm",
        "webm"
      ]
    },
    "AudioSource": {
      "type": "structure",
      "union": true,
      "sensitive": true,
      "members": {
        "bytes": {
          "shape": "AudioSourceBytesBlob"
        },
        "s3Location": {
          "shape": "S3Location"
        }
      }
    },
    "AudioSourceBytesBlob": {
      "type": "blob",
      "min": 1
    },
    "AutoToolChoice": {
      "type": "structure",
      "members": {}
    },
    "Blob": {
      "type": "blob"
    },
    "Body": {
      "type": "blob",
      "min": 0,
      "max": 25e6,
      "sensitive": true
    },
    "Boolean": {
      "type": "boolean"
    },
    "CachePointBlock": {
      "type": "structure",
      "required": [
        "type"
      ],
      "members": {
        "type": {
          "shape": "CachePointType"
        },
        "ttl": {
          "shape": "CacheTTL"
        }
      }
    },
    "CachePointType": {
      "type": "string",
      "enum": [
        "default"
      ]
    },
    "CacheTTL": {
      "type": "string",
      "enum": [
        "5m",
        "1h"
      ]
    },
    "Citation": {
      "type": "structure",
      "members": {
        "title": {
          "shape": "String"
        },
        "source": {
          "shape": "String"
        },
        "sourceContent": {
          "shape": "CitationSourceContentList"
        },
        "location": {
          "shape": "CitationLocation"
        }
      }
    },
    "CitationGeneratedContent": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "String"
        }
      }
    },
    "CitationGeneratedContentList": {
      "type": "list",
      "member": "CitationGeneratedContent"
    },
    "CitationLocation": {
      "type": "structure",
      "union": true,
      "members": {
        "web": {
          "shape": "WebLocation"
        },
        "documentChar": {
          "shape": "DocumentCharLocation"
        },
        "documentPage": {
          "shape": "DocumentPageLocation"
        },
        "documentChunk": {
          "shape": "DocumentChunkLocation"
        },
        "searchResultLocation": {
          "shape": "SearchResultLocation"
        }
      }
    },
    "CitationSourceContent": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "String"
        }
      }
    },
    "CitationSourceContentList": {
      "type": "list",
      "member": "CitationSourceContent"
    },
    "Citations": {
      "type": "list",
      "member": "Citation"
    },
    "CitationsConfig": {
      "type": "structure",
      "required": [
        "enabled"
      ],
      "members": {
        "enabled": {
          "shape": "Boolean"
        }
      }
    },
    "CitationsContentBlock": {
      "type": "structure",
      "members": {
        "content": {
          "shape": "CitationGeneratedContentList"
        },
        "citations": {
          "shape": "Citations"
        }
      }
    },
    "ContentBlock": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "String"
        },
        "image": {
          "shape": "ImageBlock"
        },
        "document": {
          "shape": "DocumentBlock"
        },
        "video": {
          "shape": "VideoBlock"
        },
        "audio": {
          "shape": "AudioBlock"
        },
        "toolUse": {
          "shape": "ToolUseBlock"
        },
        "toolResult": {
          "shape": "ToolResultBlock"
        },
        "guardContent": {
          "shape": "GuardrailConverseContentBlock"
        },
        "cachePoint": {
          "shape": "CachePointBlock"
        },
        "reasoningContent": {
          "shape": "ReasoningContentBlock"
        },
        "citationsContent": {
          "shape": "CitationsContentBlock"
        },
        "searchResult": {
          "shape": "SearchResultBlock"
        },
        "toolAddition": {
          "shape": "ToolAdditionBlock"
        },
        "toolRemoval": {
          "shape": "ToolRemovalBlock"
        }
      }
    },
    "ContentBlocks": {
      "type": "list",
      "member": "ContentBlock"
    },
    "ConversationRole": {
      "type": "string",
      "enum": [
        "user",
        "assistant",
        "system"
      ]
    },
    "ConversationalModelId": {
      "type": "string",
      "min": 1,
      "max": 2048,
      "pattern": "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)"
    },
    "ConverseRequest": {
      "type": "structure",
      "required": [
        "modelId"
      ],
      "members": {
        "modelId": {
          "shape": "ConversationalModelId",
          "location": "uri",
          "locationName": "modelId"
        },
        "messages": {
          "shape": "Messages"
        },
        "system": {
          "shape": "SystemContentBlocks"
        },
        "inferenceConfig": {
          "shape": "InferenceConfiguration"
        },
        "toolConfig": {
          "shape": "ToolConfiguration"
        },
        "guardrailConfig": {
          "shape": "GuardrailConfiguration"
        },
        "additionalModelRequestFields": {
          "shape": "Document"
        },
        "promptVariables": {
          "shape": "PromptVariableMap"
        },
        "additionalModelResponseFieldPaths": {
          "shape": "ConverseRequestAdditionalModelResponseFieldPathsList"
        },
        "requestMetadata": {
          "shape": "RequestMetadata"
        },
        "performanceConfig": {
          "shape": "PerformanceConfiguration"
        },
        "serviceTier": {
          "shape": "ServiceTier"
        },
        "outputConfig": {
          "shape": "OutputConfig"
        }
      }
    },
    "ConverseRequestAdditionalModelResponseFieldPathsList": {
      "type": "list",
      "min": 0,
      "max": 10,
      "member": "ConverseRequestAdditionalModelResponseFieldPathsListMemberString"
    },
    "ConverseRequestAdditionalModelResponseFieldPathsListMemberString": {
      "type": "string",
      "min": 1,
      "max": 256
    },
    "ConverseStreamRequest": {
      "type": "structure",
      "required": [
        "modelId"
      ],
      "members": {
        "modelId": {
          "shape": "ConversationalModelId",
          "location": "uri",
          "locationName": "modelId"
        },
        "messages": {
          "shape": "Messages"
        },
        "system": {
          "shape": "SystemContentBlocks"
        },
        "inferenceConfig": {
          "shape": "InferenceConfiguration"
        },
        "toolConfig": {
          "shape": "ToolConfiguration"
        },
        "guardrailConfig": {
          "shape": "GuardrailStreamConfiguration"
        },
        "additionalModelRequestFields": {
          "shape": "Document"
        },
        "promptVariables": {
          "shape": "PromptVariableMap"
        },
        "additionalModelResponseFieldPaths": {
          "shape": "ConverseStreamRequestAdditionalModelResponseFieldPathsList"
        },
        "requestMetadata": {
          "shape": "RequestMetadata"
        },
        "performanceConfig": {
          "shape": "PerformanceConfiguration"
        },
        "serviceTier": {
          "shape": "ServiceTier"
        },
        "outputConfig": {
          "shape": "OutputConfig"
        }
      }
    },
    "ConverseStreamRequestAdditionalModelResponseFieldPathsList": {
      "type": "list",
      "min": 0,
      "max": 10,
      "member": "ConverseStreamRequestAdditionalModelResponseFieldPathsListMemberString"
    },
    "ConverseStreamRequestAdditionalModelResponseFieldPathsListMemberString": {
      "type": "string",
      "min": 1,
      "max": 256
    },
    "ConverseTokensRequest": {
      "type": "structure",
      "members": {
        "messages": {
          "shape": "Messages"
        },
        "system": {
          "shape": "SystemContentBlocks"
        },
        "toolConfig": {
          "shape": "ToolConfiguration"
        },
        "additionalModelRequestFields": {
          "shape": "Document"
        }
      }
    },
    "CountTokensInput": {
      "type": "structure",
      "union": true,
      "members": {
        "invokeModel": {
          "shape": "InvokeModelTokensRequest"
        },
        "converse": {
          "shape": "ConverseTokensRequest"
        }
      }
    },
    "CountTokensRequest": {
      "type": "structure",
      "required": [
        "modelId",
        "input"
      ],
      "members": {
        "modelId": {
          "shape": "FoundationModelVersionIdentifier",
          "location": "uri",
          "locationName": "modelId"
        },
        "input": {
          "shape": "CountTokensInput"
        }
      }
    },
    "Document": {
      "type": "structure",
      "document": true,
      "members": {}
    },
    "DocumentBlock": {
      "type": "structure",
      "required": [
        "name",
        "source"
      ],
      "members": {
        "format": {
          "shape": "DocumentFormat"
        },
        "name": {
          "shape": "DocumentBlockNameString"
        },
        "source": {
          "shape": "DocumentSource"
        },
        "context": {
          "shape": "String"
        },
        "citations": {
          "shape": "CitationsConfig"
        }
      }
    },
    "DocumentBlockNameString": {
      "type": "string",
      "min": 1,
      "max": 200
    },
    "DocumentCharLocation": {
      "type": "structure",
      "members": {
        "documentIndex": {
          "shape": "DocumentCharLocationDocumentIndexInteger"
        },
        "start": {
          "shape": "DocumentCharLocationStartInteger"
        },
        "end": {
          "shape": "DocumentCharLocationEndInteger"
        }
      }
    },
    "DocumentCharLocationDocumentIndexInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentCharLocationEndInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentCharLocationStartInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentChunkLocation": {
      "type": "structure",
      "members": {
        "documentIndex": {
          "shape": "DocumentChunkLocationDocumentIndexInteger"
        },
        "start": {
          "shape": "DocumentChunkLocationStartInteger"
        },
        "end": {
          "shape": "DocumentChunkLocationEndInteger"
        }
      }
    },
    "DocumentChunkLocationDocumentIndexInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentChunkLocationEndInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentChunkLocationStartInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentContentBlock": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "String"
        }
      }
    },
    "DocumentContentBlocks": {
      "type": "list",
      "member": "DocumentContentBlock"
    },
    "DocumentFormat": {
      "type": "string",
      "enum": [
        "pdf",
        "csv",
        "doc",
        "docx",
        "xls",
        "xlsx",
        "html",
        "txt",
        "md"
      ]
    },
    "DocumentPageLocation": {
      "type": "structure",
      "members": {
        "documentIndex": {
          "shape": "DocumentPageLocationDocumentIndexInteger"
        },
        "start": {
          "shape": "DocumentPageLocationStartInteger"
        },
        "end": {
          "shape": "DocumentPageLocationEndInteger"
        }
      }
    },
    "DocumentPageLocationDocumentIndexInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentPageLocationEndInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentPageLocationStartInteger": {
      "type": "integer",
      "min": 0
    },
    "DocumentSource": {
      "type": "structure",
      "union": true,
      "members": {
        "bytes": {
          "shape": "DocumentSourceBytesBlob"
        },
        "s3Location": {
          "shape": "S3Location"
        },
        "text": {
          "shape": "String"
        },
        "content": {
          "shape": "DocumentContentBlocks"
        }
      }
    },
    "DocumentSourceBytesBlob": {
      "type": "blob",
      "min": 1
    },
    "ErrorBlock": {
      "type": "structure",
      "sensitive": true,
      "members": {
        "message": {
          "shape": "String"
        }
      }
    },
    "FoundationModelVersionIdentifier": {
      "type": "string",
      "min": 1,
      "max": 256,
      "pattern": "[a-zA-Z_\\.\\-/0-9:]+"
    },
    "GuardrailConfiguration": {
      "type": "structure",
      "members": {
        "guardrailIdentifier": {
          "shape": "GuardrailIdentifier"
        },
        "guardrailVersion": {
          "shape": "GuardrailVersion"
        },
        "trace": {
          "shape": "GuardrailTrace"
        }
      }
    },
    "GuardrailConverseContentBlock": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "GuardrailConverseTextBlock"
        },
        "image": {
          "shape": "GuardrailConverseImageBlock"
        }
      }
    },
    "GuardrailConverseContentQualifier": {
      "type": "string",
      "enum": [
        "grounding_source",
        "query",
        "guard_content"
      ]
    },
    "GuardrailConverseContentQualifierList": {
      "type": "list",
      "member": "GuardrailConverseContentQualifier"
    },
    "GuardrailConverseImageBlock": {
      "type": "structure",
      "required": [
        "format",
        "source"
      ],
      "sensitive": true,
      "members": {
        "format": {
          "shape": "GuardrailConverseImageFormat"
        },
        "source": {
          "shape": "GuardrailConverseImageSource"
        }
      }
    },
    "GuardrailConverseImageFormat": {
      "type": "string",
      "enum": [
        "png",
        "jpeg"
      ]
    },
    "GuardrailConverseImageSource": {
      "type": "structure",
      "union": true,
      "sensitive": true,
      "members": {
        "bytes": {
          "shape": "GuardrailConverseImageSourceBytesBlob"
        }
      }
    },
    "GuardrailConverseImageSourceBytesBlob": {
      "type": "blob",
      "min": 1
    },
    "GuardrailConverseTextBlock": {
      "type": "structure",
      "required": [
        "text"
      ],
      "members": {
        "text": {
          "shape": "String"
        },
        "qualifiers": {
          "shape": "GuardrailConverseContentQualifierList"
        }
      }
    },
    "GuardrailIdentifier": {
      "type": "string",
      "min": 0,
      "max": 2048,
      "pattern": "(|([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))"
    },
    "GuardrailStreamConfiguration": {
      "type": "structure",
      "members": {
        "guardrailIdentifier": {
          "shape": "GuardrailIdentifier"
        },
        "guardrailVersion": {
          "shape": "GuardrailVersion"
        },
        "trace": {
          "shape": "GuardrailTrace"
        },
        "streamProcessingMode": {
          "shape": "GuardrailStreamProcessingMode"
        }
      }
    },
    "GuardrailStreamProcessingMode": {
      "type": "string",
      "enum": [
        "sync",
        "async"
      ]
    },
    "GuardrailTrace": {
      "type": "string",
      "enum": [
        "enabled",
        "disabled",
        "enabled_full"
      ]
    },
    "GuardrailVersion": {
      "type": "string",
      "pattern": "(|([1-9][0-9]{0,7})|(DRAFT))"
    },
    "ImageBlock": {
      "type": "structure",
      "required": [
        "format",
        "source"
      ],
      "members": {
        "format": {
          "shape": "ImageFormat"
        },
        "source": {
          "shape": "ImageSource"
        },
        "error": {
          "shape": "ErrorBlock"
        }
      }
    },
    "ImageFormat": {
      "type": "string",
      "enum": [
        "png",
        "jpeg",
        "gif",
        "webp"
      ]
    },
    "ImageSource": {
      "type": "structure",
      "union": true,
      "sensitive": true,
      "members": {
        "bytes": {
          "shape": "ImageSourceBytesBlob"
        },
        "s3Location": {
          "shape": "S3Location"
        }
      }
    },
    "ImageSourceBytesBlob": {
      "type": "blob",
      "min": 1
    },
    "InferenceConfiguration": {
      "type": "structure",
      "members": {
        "maxTokens": {
          "shape": "InferenceConfigurationMaxTokensInteger"
        },
        "temperature": {
          "shape": "InferenceConfigurationTemperatureFloat"
        },
        "topP": {
          "shape": "InferenceConfigurationTopPFloat"
        },
        "stopSequences": {
          "shape": "InferenceConfigurationStopSequencesList"
        }
      }
    },
    "InferenceConfigurationMaxTokensInteger": {
      "type": "integer",
      "min": 1
    },
    "InferenceConfigurationStopSequencesList": {
      "type": "list",
      "min": 0,
      "max": 2500,
      "member": "NonEmptyString"
    },
    "InferenceConfigurationTemperatureFloat": {
      "type": "float",
      "min": 0,
      "max": 1
    },
    "InferenceConfigurationTopPFloat": {
      "type": "float",
      "min": 0,
      "max": 1
    },
    "InvokeModelIdentifier": {
      "type": "string",
      "min": 1,
      "max": 2048,
      "pattern": "(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|([0-9]{12}:imported-model/[a-z0-9]{12})|([0-9]{12}:provisioned-model/[a-z0-9]{12})|([0-9]{12}:custom-model-deployment/[a-z0-9]{12})|([0-9]{12}:(inference-profile|application-inference-profile)/[a-zA-Z0-9-:.]+)))|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63}))|(([0-9a-zA-Z][_-]?)+)|([a-zA-Z0-9-:.]+)$|(^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(?::[0-9]{1,5})?))$|(^arn:aws:sagemaker:[a-z0-9-]+:[0-9]{12}:endpoint/[a-zA-Z0-9-]+$)|(^arn:aws(-[^:]+)?:bedrock:([0-9a-z-]{1,20}):([0-9]{12}):(default-)?prompt-router/[a-zA-Z0-9-:.]+$)"
    },
    "InvokeModelRequest": {
      "type": "structure",
      "payload": "body",
      "required": [
        "modelId"
      ],
      "members": {
        "body": {
          "shape": "Body"
        },
        "contentType": {
          "shape": "MimeType",
          "location": "header",
          "locationName": "Content-Type"
        },
        "accept": {
          "shape": "MimeType",
          "location": "header",
          "locationName": "Accept"
        },
        "modelId": {
          "shape": "InvokeModelIdentifier",
          "location": "uri",
          "locationName": "modelId"
        },
        "trace": {
          "shape": "Trace",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Trace"
        },
        "guardrailIdentifier": {
          "shape": "GuardrailIdentifier",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-GuardrailIdentifier"
        },
        "guardrailVersion": {
          "shape": "GuardrailVersion",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-GuardrailVersion"
        },
        "performanceConfigLatency": {
          "shape": "PerformanceConfigLatency",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-PerformanceConfig-Latency"
        },
        "serviceTier": {
          "shape": "ServiceTierType",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Service-Tier"
        },
        "requestMetadata": {
          "shape": "RequestMetadataJson",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Request-Metadata"
        }
      }
    },
    "InvokeModelTokensRequest": {
      "type": "structure",
      "required": [
        "body"
      ],
      "members": {
        "body": {
          "shape": "Body"
        }
      }
    },
    "InvokeModelWithResponseStreamRequest": {
      "type": "structure",
      "payload": "body",
      "required": [
        "modelId"
      ],
      "members": {
        "body": {
          "shape": "Body"
        },
        "contentType": {
          "shape": "MimeType",
          "location": "header",
          "locationName": "Content-Type"
        },
        "accept": {
          "shape": "MimeType",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Accept"
        },
        "modelId": {
          "shape": "InvokeModelIdentifier",
          "location": "uri",
          "locationName": "modelId"
        },
        "trace": {
          "shape": "Trace",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Trace"
        },
        "guardrailIdentifier": {
          "shape": "GuardrailIdentifier",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-GuardrailIdentifier"
        },
        "guardrailVersion": {
          "shape": "GuardrailVersion",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-GuardrailVersion"
        },
        "performanceConfigLatency": {
          "shape": "PerformanceConfigLatency",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-PerformanceConfig-Latency"
        },
        "serviceTier": {
          "shape": "ServiceTierType",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Service-Tier"
        },
        "requestMetadata": {
          "shape": "RequestMetadataJson",
          "location": "header",
          "locationName": "X-Amzn-Bedrock-Request-Metadata"
        }
      }
    },
    "JsonSchemaDefinition": {
      "type": "structure",
      "required": [
        "schema"
      ],
      "members": {
        "schema": {
          "shape": "String"
        },
        "name": {
          "shape": "String"
        },
        "description": {
          "shape": "String"
        }
      }
    },
    "Message": {
      "type": "structure",
      "required": [
        "role",
        "content"
      ],
      "members": {
        "role": {
          "shape": "ConversationRole"
        },
        "content": {
          "shape": "ContentBlocks"
        }
      }
    },
    "Messages": {
      "type": "list",
      "member": "Message"
    },
    "MimeType": {
      "type": "string"
    },
    "NonEmptyString": {
      "type": "string",
      "min": 1
    },
    "OutputConfig": {
      "type": "structure",
      "members": {
        "textFormat": {
          "shape": "OutputFormat"
        },
        "effort": {
          "shape": "OutputConfigEffortString"
        }
      }
    },
    "OutputConfigEffortString": {
      "type": "string",
      "min": 0,
      "max": 16
    },
    "OutputFormat": {
      "type": "structure",
      "required": [
        "type",
        "structure"
      ],
      "members": {
        "type": {
          "shape": "OutputFormatType"
        },
        "structure": {
          "shape": "OutputFormatStructure"
        }
      }
    },
    "OutputFormatStructure": {
      "type": "structure",
      "union": true,
      "sensitive": true,
      "members": {
        "jsonSchema": {
          "shape": "JsonSchemaDefinition"
        }
      }
    },
    "OutputFormatType": {
      "type": "string",
      "enum": [
        "json_schema"
      ]
    },
    "PerformanceConfigLatency": {
      "type": "string",
      "enum": [
        "standard",
        "optimized"
      ]
    },
    "PerformanceConfiguration": {
      "type": "structure",
      "members": {
        "latency": {
          "shape": "PerformanceConfigLatency"
        }
      }
    },
    "PromptVariableMap": {
      "type": "map",
      "sensitive": true,
      "key": "String",
      "value": "PromptVariableValues"
    },
    "PromptVariableValues": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "String"
        }
      }
    },
    "ReasoningContentBlock": {
      "type": "structure",
      "union": true,
      "sensitive": true,
      "members": {
        "reasoningText": {
          "shape": "ReasoningTextBlock"
        },
        "redactedContent": {
          "shape": "Blob"
        }
      }
    },
    "ReasoningTextBlock": {
      "type": "structure",
      "required": [
        "text"
      ],
      "sensitive": true,
      "members": {
        "text": {
          "shape": "String"
        },
        "signature": {
          "shape": "String"
        }
      }
    },
    "RequestMetadata": {
      "type": "map",
      "min": 1,
      "max": 16,
      "sensitive": true,
      "key": "RequestMetadataKeyString",
      "value": "RequestMetadataValueString"
    },
    "RequestMetadataJson": {
      "type": "string",
      "min": 0,
      "max": 8500,
      "sensitive": true
    },
    "RequestMetadataKeyString": {
      "type": "string",
      "min": 1,
      "max": 256,
      "pattern": "[a-zA-Z0-9\\s:_@$#=/+,-.]{1,256}"
    },
    "RequestMetadataValueString": {
      "type": "string",
      "min": 0,
      "max": 256,
      "pattern": "[a-zA-Z0-9\\s:_@$#=/+,-.]{0,256}"
    },
    "S3Location": {
      "type": "structure",
      "required": [
        "uri"
      ],
      "members": {
        "uri": {
          "shape": "S3Uri"
        },
        "bucketOwner": {
          "shape": "AccountId"
        }
      }
    },
    "S3Uri": {
      "type": "string",
      "min": 1,
      "max": 1024,
      "pattern": "s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?"
    },
    "SearchResultBlock": {
      "type": "structure",
      "required": [
        "source",
        "title",
        "content"
      ],
      "members": {
        "source": {
          "shape": "String"
        },
        "title": {
          "shape": "String"
        },
        "content": {
          "shape": "SearchResultContentBlocks"
        },
        "citations": {
          "shape": "CitationsConfig"
        }
      }
    },
    "SearchResultContentBlock": {
      "type": "structure",
      "required": [
        "text"
      ],
      "members": {
        "text": {
          "shape": "String"
        }
      }
    },
    "SearchResultContentBlocks": {
      "type": "list",
      "member": "SearchResultContentBlock"
    },
    "SearchResultLocation": {
      "type": "structure",
      "members": {
        "searchResultIndex": {
          "shape": "SearchResultLocationSearchResultIndexInteger"
        },
        "start": {
          "shape": "SearchResultLocationStartInteger"
        },
        "end": {
          "shape": "SearchResultLocationEndInteger"
        }
      }
    },
    "SearchResultLocationEndInteger": {
      "type": "integer",
      "min": 0
    },
    "SearchResultLocationSearchResultIndexInteger": {
      "type": "integer",
      "min": 0
    },
    "SearchResultLocationStartInteger": {
      "type": "integer",
      "min": 0
    },
    "ServiceTier": {
      "type": "structure",
      "required": [
        "type"
      ],
      "members": {
        "type": {
          "shape": "ServiceTierType"
        }
      }
    },
    "ServiceTierType": {
      "type": "string",
      "enum": [
        "priority",
        "default",
        "flex",
        "reserved"
      ]
    },
    "SpecificToolChoice": {
      "type": "structure",
      "required": [
        "name"
      ],
      "members": {
        "name": {
          "shape": "ToolName"
        }
      }
    },
    "String": {
      "type": "string"
    },
    "SystemContentBlock": {
      "type": "structure",
      "union": true,
      "members": {
        "text": {
          "shape": "NonEmptyString"
        },
        "guardContent": {
          "shape": "GuardrailConverseContentBlock"
        },
        "cachePoint": {
          "shape": "CachePointBlock"
        }
      }
    },
    "SystemContentBlocks": {
      "type": "list",
      "member": "SystemContentBlock"
    },
    "SystemTool": {
      "type": "structure",
      "required": [
        "name"
      ],
      "members": {
        "name": {
          "shape": "ToolName"
        }
      }
    },
    "Tool": {
      "type": "structure",
      "union": true,
      "members": {
        "toolSpec": {
          "shape": "ToolSpecification"
        },
        "systemTool": {
          "shape": "SystemTool"
        },
        "cachePoint": {
          "shape": "CachePointBlock"
        }
      }
    },
    "ToolAdditionBlock": {
      "type": "structure",
      "required": [
        "tool"
      ],
      "members": {
        "tool": {
          "shape": "ToolReference"
        }
      }
    },
    "ToolChoice": {
      "type": "structure",
      "union": true,
      "members": {
        "auto": {
          "shape": "AutoToolChoice"
        },
        "any": {
          "shape": "AnyToolChoice"
        },
        "tool": {
          "shape": "SpecificToolChoice"
        }
      }
    },
    "ToolConfiguration": {
      "type": "structure",
      "required": [
        "tools"
      ],
      "members": {
        "tools": {
          "shape": "ToolConfigurationToolsList"
        },
        "toolChoice": {
          "shape": "ToolChoice"
        }
      }
    },
    "ToolConfigurationToolsList": {
      "type": "list",
      "min": 1,
      "member": "Tool"
    },
    "ToolInputSchema": {
      "type": "structure",
      "union": true,
      "members": {
        "json": {
          "shape": "Document"
        }
      }
    },
    "ToolName": {
      "type": "string",
      "min": 1,
      "max": 64,
      "pattern": "[a-zA-Z0-9_-]+"
    },
    "ToolReference": {
      "type": "structure",
      "members": {
        "type": {
          "shape": "ToolReferenceTypeString"
        },
        "name": {
          "shape": "ToolReferenceNameString"
        },
        "serverName": {
          "shape": "ToolReferenceServerNameString"
        }
      }
    },
    "ToolReferenceNameString": {
      "type": "string",
      "min": 1,
      "max": 128
    },
    "ToolReferenceServerNameString": {
      "type": "string",
      "min": 1,
      "max": 128
    },
    "ToolReferenceTypeString": {
      "type": "string",
      "min": 1,
      "max": 64
    },
    "ToolRemovalBlock": {
      "type": "structure",
      "required": [
        "tool"
      ],
      "members": {
        "tool": {
          "shape": "ToolReference"
        }
      }
    },
    "ToolResultBlock": {
      "type": "structure",
      "required": [
        "toolUseId",
        "content"
      ],
      "members": {
        "toolUseId": {
          "shape": "ToolUseId"
        },
        "content": {
          "shape": "ToolResultContentBlocks"
        },
        "status": {
          "shape": "ToolResultStatus"
        },
        "type": {
          "shape": "String"
        }
      }
    },
    "ToolResultContentBlock": {
      "type": "structure",
      "union": true,
      "members": {
        "json": {
          "shape": "Document"
        },
        "text": {
          "shape": "String"
        },
        "image": {
          "shape": "ImageBlock"
        },
        "document": {
          "shape": "DocumentBlock"
        },
        "video": {
          "shape": "VideoBlock"
        },
        "searchResult": {
          "shape": "SearchResultBlock"
        }
      }
    },
    "ToolResultContentBlocks": {
      "type": "list",
      "member": "ToolResultContentBlock"
    },
    "ToolResultStatus": {
      "type": "string",
      "enum": [
        "success",
        "error"
      ]
    },
    "ToolSpecification": {
      "type": "structure",
      "required": [
        "name",
        "inputSchema"
      ],
      "members": {
        "name": {
          "shape": "ToolName"
        },
        "description": {
          "shape": "NonEmptyString"
        },
        "inputSchema": {
          "shape": "ToolInputSchema"
        },
        "strict": {
          "shape": "Boolean"
        }
      }
    },
    "ToolUseBlock": {
      "type": "structure",
      "required": [
        "toolUseId",
        "name",
        "input"
      ],
      "members": {
        "toolUseId": {
          "shape": "ToolUseId"
        },
        "name": {
          "shape": "ToolName"
        },
        "input": {
          "shape": "Document"
        },
        "type": {
          "shape": "ToolUseType"
        }
      }
    },
    "ToolUseId": {
      "type": "string",
      "min": 1,
      "max": 64,
      "pattern": "[a-zA-Z0-9_.:-]+"
    },
    "ToolUseType": {
      "type": "string",
      "enum": [
        "server_tool_use"
      ]
    },
    "Trace": {
      "type": "string",
      "enum": [
        "ENABLED",
        "DISABLED",
        "ENABLED_FULL"
      ]
    },
    "VideoBlock": {
      "type": "structure",
      "required": [
        "format",
        "source"
      ],
      "members": {
        "format": {
          "shape": "VideoFormat"
        },
        "source": {
          "shape": "VideoSource"
        }
      }
    },
    "VideoFormat": {
      "type": "string",
      "enum": [
        "mkv",
        "mov",
        "mp4",
        "webm",
        "flv",
        "mpeg",
        "mpg",
        "wmv",
        "three_gp"
      ]
    },
    "VideoSource": {
      "type": "structure",
      "union": true,
      "members": {
        "bytes": {
          "shape": "VideoSourceBytesBlob"
        },
        "s3Location": {
          "shape": "S3Location"
        }
      }
    },
    "VideoSourceBytesBlob": {
      "type": "blob",
      "min": 1
    },
    "WebLocation": {
      "type": "structure",
      "members": {
        "url": {
          "shape": "String"
        },
        "domain": {
          "shape": "String"
        }
      }
    }
  }
};

// dist/src/emulator/service-validation.js
var INT32 = { min: -2147483648, max: 2147483647 };
var BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
var Collector = class {
  errors = [];
  add(value, path, constraint, hidden) {
    this.errors.push(`Value ${render(value, hidden)}at '${path}' failed to satisfy constraint: Member must ${constraint}`);
  }
};
function render(value, hidden) {
  if (value === null || value === void 0)
    return "null ";
  if (hidden || typeof value === "object")
    return "";
  return `'${String(value)}' `;
}
function isObject6(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}
function serializationError(path, expected) {
  return new EmulatorError("SerializationException", 400, `Cannot deserialize the value at '${path}': expected ${expected}.`);
}
function shapeOf(name) {
  const shape = SERVICE_MODEL.shapes[name];
  if (shape === void 0)
    throw new Error(`Shape ${name} is not in the service-model subset`);
  return shape;
}
function coralValidationMessage(errors) {
  const count = errors.length;
  return `${count} validation error${count === 1 ? "" : "s"} detected: ${errors.join("; ")}`;
}
function serviceModelViolations(operation, request) {
  const inputName = SERVICE_MODEL.operations[operation];
  if (inputName === void 0)
    throw new Error(`Operation ${operation} is not in the service-model subset`);
  const input = shapeOf(inputName);
  const collector = new Collector();
  const body = isObject6(request.body) ? request.body : {};
  for (const [memberName, member] of Object.entries(input.members ?? {})) {
    let value;
    if (member.location === "uri")
      value = request.modelId;
    else if (member.location === "header")
      value = request.headers[(member.locationName ?? memberName).toLowerCase()];
    else if (input.payload === memberName)
      value = request.body;
    else {
      if (request.body !== void 0 && request.body !== null && !isObject6(request.body))
        throw serializationError("", "a JSON object");
      value = body[memberName];
    }
    if (value === void 0 || value === null) {
      if (input.required?.includes(memberName))
        collector.add(null, memberName, "not be null", false);
      continue;
    }
    checkValue(value, member.shape, memberName, collector, false, member.location === "header" || input.payload === memberName);
  }
  return collector.errors;
}
function validateAgainstServiceModel(operation, request) {
  const errors = serviceModelViolations(operation, request);
  if (errors.length > 0)
    throw validationError(coralValidationMessage(errors));
}
function checkValue(value, shapeName, path, collector, sensitive, raw = false) {
  const shape = shapeOf(shapeName);
  const hidden = sensitive || shape.sensitive === true;
  if (shape.document === true)
    return;
  switch (shape.type) {
    case "structure":
      checkStructure(value, shape, path, collector, hidden);
      return;
    case "list": {
      if (!Array.isArray(value))
        throw serializationError(path, "a list");
      checkLength(value, value.length, shape, path, collector, true);
      value.forEach((item, index) => {
        const itemPath = `${path}.${index + 1}.member`;
        if (item === null || item === void 0)
          collector.add(null, itemPath, "not be null", false);
        else
          checkValue(item, shape.member, itemPath, collector, hidden);
      });
      return;
    }
    case "map": {
      if (!isObject6(value))
        throw serializationError(path, "a map");
      const entries = Object.entries(value);
      checkLength(value, entries.length, shape, path, collector, true);
      for (const [key, item] of entries) {
        checkValue(key, shape.key, path, collector, hidden);
        if (item === null || item === void 0)
          collector.add(null, `${path}.${key}`, "not be null", false);
        else
          checkValue(item, shape.value, `${path}.${key}`, collector, hidden);
      }
      return;
    }
    case "string": {
      if (typeof value !== "string")
        throw serializationError(path, "a string");
      if (shape.enum !== void 0 && !shape.enum.includes(value)) {
        collector.add(value, path, `satisfy enum value set: [${shape.enum.join(", ")}]`, hidden);
      }
      if (shape.pattern !== void 0 && !serviceModelRegExp(shape.pattern).test(value)) {
        collector.add(value, path, `satisfy regular expression pattern: ${shape.pattern}`, hidden);
      }
      if (shape.min !== void 0 || shape.max !== void 0)
        checkLength(value, serviceStringLength(value), shape, path, collector, hidden);
      return;
    }
    case "blob": {
      let length;
      if (raw) {
        length = Buffer.isBuffer(value) ? value.length : Buffer.byteLength(String(value));
      } else {
        if (typeof value !== "string" || !BASE64.test(value))
          throw serializationError(path, "a base64-encoded blob");
        length = Buffer.from(value, "base64").length;
      }
      checkLength(value, length, shape, path, collector, true);
      return;
    }
    case "integer":
    case "long": {
      const number = raw && typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
      if (typeof number !== "number" || !Number.isInteger(number))
        throw serializationError(path, `an ${shape.type}`);
      if (shape.type === "integer" && number > INT32.max)
        collector.add(number, path, `have value less than or equal to ${INT32.max}`, hidden);
      else if (shape.type === "integer" && number < INT32.min)
        collector.add(number, path, `have value greater than or equal to ${INT32.min}`, hidden);
      else
        checkRange(number, shape, path, collector, hidden);
      return;
    }
    case "float":
    case "double": {
      if (typeof value !== "number" || !Number.isFinite(value))
        throw serializationError(path, `a ${shape.type}`);
      checkRange(value, shape, path, collector, hidden);
      return;
    }
    case "boolean":
      if (typeof value !== "boolean")
        throw serializationError(path, "a boolean");
      return;
    default:
      return;
  }
}
function checkStructure(value, shape, path, collector, hidden) {
  if (!isObject6(value))
    throw serializationError(path, "a structure");
  const members = shape.members ?? {};
  if (shape.union === true) {
    const set = Object.keys(members).filter((name) => value[name] !== void 0 && value[name] !== null);
    if (set.length !== 1)
      collector.add(value, path, "have exactly one member set", true);
  }
  for (const [name, member] of Object.entries(members)) {
    const memberPath = `${path}.${name}`;
    const memberValue = value[name];
    if (memberValue === void 0 || memberValue === null) {
      if (shape.required?.includes(name))
        collector.add(null, memberPath, "not be null", false);
      continue;
    }
    checkValue(memberValue, member.shape, memberPath, collector, hidden);
  }
}
function checkLength(value, length, shape, path, collector, hidden) {
  if (shape.min !== void 0 && length < shape.min)
    collector.add(value, path, `have length greater than or equal to ${shape.min}`, hidden);
  if (shape.max !== void 0 && length > shape.max)
    collector.add(value, path, `have length less than or equal to ${shape.max}`, hidden);
}
function checkRange(value, shape, path, collector, hidden) {
  if (shape.min !== void 0 && value < shape.min)
    collector.add(value, path, `have value greater than or equal to ${shape.min}`, hidden);
  if (shape.max !== void 0 && value > shape.max)
    collector.add(value, path, `have value less than or equal to ${shape.max}`, hidden);
}

// dist/src/emulator/s3.js
import { createHash as createHash7, randomUUID as randomUUID3 } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { rm, stat, writeFile, appendFile, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var MIN_PART_SIZE = 5 * 1024 * 1024;
var S3Error = class extends Error {
  code;
  status;
  resource;
  constructor(code, status, message, resource = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.resource = resource;
    this.name = code;
  }
};
var noSuchBucket = (bucket) => new S3Error("NoSuchBucket", 404, "The specified bucket does not exist", { BucketName: bucket });
var noSuchKey = (key) => new S3Error("NoSuchKey", 404, "The specified key does not exist.", { Key: key });
var noSuchUpload = (id) => new S3Error("NoSuchUpload", 404, "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.", { UploadId: id });
var S3Store = class {
  #directory = mkdtempSync(join(tmpdir(), "bedrock-openai-emulator-s3-"));
  #buckets = /* @__PURE__ */ new Map();
  #uploads = /* @__PURE__ */ new Map();
  constructor(buckets) {
    for (const bucket of buckets)
      this.createBucket(bucket);
  }
  createBucket(name) {
    if (!this.#buckets.has(name))
      this.#buckets.set(name, /* @__PURE__ */ new Map());
  }
  #bucket(name) {
    const bucket = this.#buckets.get(name);
    if (bucket === void 0)
      throw noSuchBucket(name);
    return bucket;
  }
  get(bucket, key) {
    return this.#bucket(bucket).get(key);
  }
  /** Keys under a prefix, in UTF-8 binary order (as ListObjectsV2 returns them). */
  keys(bucket, prefix) {
    return [...this.#bucket(bucket).keys()].filter((key) => key.startsWith(prefix)).sort();
  }
  /** Stores an object from a buffer. */
  async put(bucket, key, body, contentType = "binary/octet-stream", metadata = {}) {
    const objects = this.#bucket(bucket);
    const file = join(this.#directory, randomUUID3());
    await writeFile(file, body);
    return this.#commit(objects, key, file, body.length, `"${createHash7("md5").update(body).digest("hex")}"`, contentType, metadata);
  }
  /** A new empty file the caller appends to, then {@link commitFile}s (for large outputs written piecemeal). */
  newFile() {
    return join(this.#directory, randomUUID3());
  }
  async commitFile(bucket, key, file, contentType = "application/octet-stream") {
    const objects = this.#bucket(bucket);
    const size = (await stat(file)).size;
    const hash = createHash7("md5");
    for await (const chunk of createReadStream(file))
      hash.update(chunk);
    return this.#commit(objects, key, file, size, `"${hash.digest("hex")}"`, contentType, {});
  }
  #commit(objects, key, file, size, etag, contentType, metadata) {
    const previous = objects.get(key);
    const stored = { file, size, etag, lastModified: new Date(Math.floor(Date.now() / 1e3) * 1e3), contentType, metadata };
    objects.set(key, stored);
    if (previous !== void 0)
      void rm(previous.file, { force: true });
    return stored;
  }
  delete(bucket, key) {
    const objects = this.#bucket(bucket);
    const previous = objects.get(key);
    objects.delete(key);
    if (previous !== void 0)
      void rm(previous.file, { force: true });
  }
  createUpload(bucket, key, contentType, metadata) {
    this.#bucket(bucket);
    const id = randomUUID3().replace(/-/g, "") + randomUUID3().replace(/-/g, "");
    this.#uploads.set(id, { bucket, key, contentType, metadata, parts: /* @__PURE__ */ new Map() });
    return id;
  }
  #upload(bucket, key, id) {
    const upload = this.#uploads.get(id);
    if (upload === void 0 || upload.bucket !== bucket || upload.key !== key)
      throw noSuchUpload(id);
    return upload;
  }
  async uploadPart(bucket, key, id, partNumber, body) {
    const upload = this.#upload(bucket, key, id);
    if (!Number.isInteger(partNumber) || partNumber < 1 || partNumber > 1e4) {
      throw new S3Error("InvalidArgument", 400, "Part number must be an integer between 1 and 10000, inclusive", { ArgumentName: "partNumber" });
    }
    const file = join(this.#directory, randomUUID3());
    await writeFile(file, body);
    const etag = `"${createHash7("md5").update(body).digest("hex")}"`;
    const previous = upload.parts.get(partNumber);
    upload.parts.set(partNumber, { file, size: body.length, etag });
    if (previous !== void 0)
      void rm(previous.file, { force: true });
    return etag;
  }
  async completeUpload(bucket, key, id, parts) {
    const upload = this.#upload(bucket, key, id);
    if (parts.length === 0)
      throw new S3Error("MalformedXML", 400, "The XML you provided was not well-formed or did not validate against our published schema");
    let previousNumber = 0;
    const chosen = [];
    for (const [index, part] of parts.entries()) {
      if (part.partNumber <= previousNumber)
        throw new S3Error("InvalidPartOrder", 400, "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
      previousNumber = part.partNumber;
      const stored = upload.parts.get(part.partNumber);
      if (stored === void 0 || stored.etag.replace(/"/g, "") !== part.etag.replace(/"/g, "")) {
        throw new S3Error("InvalidPart", 400, "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
      }
      if (index < parts.length - 1 && stored.size < MIN_PART_SIZE) {
        throw new S3Error("EntityTooSmall", 400, "Your proposed upload is smaller than the minimum allowed object size.");
      }
      chosen.push(stored);
    }
    const file = join(this.#directory, randomUUID3());
    await writeFile(file, new Uint8Array());
    let size = 0;
    const md5s = [];
    for (const part of chosen) {
      await appendFile(file, await readAll(part.file));
      size += part.size;
      md5s.push(Buffer.from(part.etag.replace(/"/g, ""), "hex"));
    }
    const etag = `"${createHash7("md5").update(Buffer.concat(md5s)).digest("hex")}-${chosen.length}"`;
    this.#discardUpload(id);
    return this.#commit(this.#bucket(bucket), key, file, size, etag, upload.contentType, upload.metadata);
  }
  abortUpload(bucket, key, id) {
    this.#upload(bucket, key, id);
    this.#discardUpload(id);
  }
  #discardUpload(id) {
    const upload = this.#uploads.get(id);
    if (upload === void 0)
      return;
    this.#uploads.delete(id);
    for (const part of upload.parts.values())
      void rm(part.file, { force: true }).catch(() => void 0);
  }
  /** Copies an object's file to `target` (for readers that must not see a later overwrite). */
  async snapshot(stored, target) {
    await copyFile(stored.file, target);
  }
  close() {
    rmSync(this.#directory, { recursive: true, force: true });
  }
};
async function readAll(file) {
  const chunks = [];
  for await (const chunk of createReadStream(file))
    chunks.push(chunk);
  return Buffer.concat(chunks);
}
function decodeAwsChunked(body) {
  const chunks = [];
  let offset = 0;
  while (offset < body.length) {
    const lineEnd = body.indexOf("\r\n", offset);
    if (lineEnd === -1)
      break;
    const size = Number.parseInt(body.subarray(offset, lineEnd).toString("latin1").split(";")[0] ?? "", 16);
    if (!Number.isFinite(size))
      throw new S3Error("IncompleteBody", 400, "The request body terminated unexpectedly");
    if (size === 0)
      break;
    chunks.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(chunks);
}
function xmlEscape(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
function sendXml(response, status, xml, requestId, headers = {}) {
  const payload = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
${xml}`);
  writeHead(response, status, { "content-type": "application/xml", "content-length": payload.length, "x-amz-request-id": requestId, ...headers });
  endResponse(response, payload);
}
function sendS3Error(response, error, requestId, method) {
  if (method === "HEAD") {
    writeHead(response, error.status, { "x-amz-request-id": requestId, "content-length": 0 });
    endResponse(response);
    return;
  }
  const resource = Object.entries(error.resource).map(([name, value]) => `<${name}>${xmlEscape(value)}</${name}>`).join("");
  sendXml(response, error.status, `<Error><Code>${error.code}</Code><Message>${xmlEscape(error.message)}</Message>${resource}<RequestId>${requestId}</RequestId></Error>`, requestId);
}
function s3AuthError(error) {
  switch (error.name) {
    case "UnrecognizedClientException":
      return new S3Error("InvalidAccessKeyId", 403, "The AWS Access Key Id you provided does not exist in our records.");
    case "InvalidSignatureException":
      return /Signature (expired|not yet current)/.test(error.message) ? new S3Error("RequestTimeTooSkewed", 403, "The difference between the request time and the current time is too large.") : new S3Error("SignatureDoesNotMatch", 403, "The request signature we calculated does not match the signature you provided. Check your key and signing method.");
    case "MissingAuthenticationTokenException":
      return new S3Error("AccessDenied", 403, "Access Denied");
    default:
      return new S3Error("AuthorizationHeaderMalformed", 400, error.message);
  }
}
function metadataOf(headers) {
  const metadata = {};
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith("x-amz-meta-") && value !== void 0)
      metadata[name.slice(11)] = value;
  return metadata;
}
function objectHeaders(stored, requestId) {
  const headers = {
    "content-type": stored.contentType,
    "content-length": stored.size,
    etag: stored.etag,
    "last-modified": stored.lastModified.toUTCString(),
    "accept-ranges": "bytes",
    "x-amz-request-id": requestId
  };
  for (const [name, value] of Object.entries(stored.metadata))
    headers[`x-amz-meta-${name}`] = value;
  return headers;
}
async function handleS3(store, request, response, requestId) {
  const questionMark = request.rawPath.indexOf("?");
  const path = questionMark === -1 ? request.rawPath : request.rawPath.slice(0, questionMark);
  const query = new URLSearchParams(questionMark === -1 ? "" : request.rawPath.slice(questionMark + 1));
  const slash = path.indexOf("/", 1);
  const bucket = decodeURIComponent(slash === -1 ? path.slice(1) : path.slice(1, slash));
  const key = slash === -1 ? "" : decodeURIComponent(path.slice(slash + 1));
  const { method, headers } = request;
  const body = (headers["content-encoding"] ?? "").includes("aws-chunked") || (headers["x-amz-content-sha256"] ?? "").startsWith("STREAMING-") ? decodeAwsChunked(request.body) : request.body;
  if (bucket === "")
    throw new S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");
  if (key === "") {
    if (method === "GET" && query.get("list-type") === "2")
      return listObjects(store, bucket, query, response, requestId);
    throw new S3Error("NotImplemented", 501, "A header you provided implies functionality that is not implemented");
  }
  const uploadId = query.get("uploadId");
  if (method === "POST" && query.has("uploads")) {
    const id = store.createUpload(bucket, key, headers["content-type"] ?? "binary/octet-stream", metadataOf(headers));
    return sendXml(response, 200, `<InitiateMultipartUploadResult><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`, requestId);
  }
  if (method === "PUT" && uploadId !== null) {
    const etag = await store.uploadPart(bucket, key, uploadId, Number(query.get("partNumber")), body);
    writeHead(response, 200, { etag, "content-length": 0, "x-amz-request-id": requestId });
    return endResponse(response);
  }
  if (method === "POST" && uploadId !== null) {
    const xml = body.toString("utf8");
    const parts = [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map((match) => ({
      partNumber: Number(/<PartNumber>(\d+)<\/PartNumber>/.exec(match[1] ?? "")?.[1]),
      etag: (/<ETag>([^<]*)<\/ETag>/.exec(match[1] ?? "")?.[1] ?? "").replace(/&quot;/g, '"')
    }));
    const stored = await store.completeUpload(bucket, key, uploadId, parts);
    return sendXml(response, 200, `<CompleteMultipartUploadResult><Location>/${xmlEscape(bucket)}/${xmlEscape(key)}</Location><Bucket>${xmlEscape(bucket)}</Bucket><Key>${xmlEscape(key)}</Key><ETag>${xmlEscape(stored.etag)}</ETag></CompleteMultipartUploadResult>`, requestId);
  }
  if (method === "DELETE" && uploadId !== null) {
    store.abortUpload(bucket, key, uploadId);
    writeHead(response, 204, { "x-amz-request-id": requestId });
    return endResponse(response);
  }
  if (method === "PUT") {
    const stored = await store.put(bucket, key, body, headers["content-type"] ?? "binary/octet-stream", metadataOf(headers));
    writeHead(response, 200, { etag: stored.etag, "content-length": 0, "x-amz-request-id": requestId });
    return endResponse(response);
  }
  if (method === "GET" || method === "HEAD") {
    const stored = store.get(bucket, key);
    if (stored === void 0)
      throw noSuchKey(key);
    writeHead(response, 200, objectHeaders(stored, requestId));
    if (method === "HEAD")
      return endResponse(response);
    await new Promise((resolve, reject) => {
      const stream = createReadStream(stored.file);
      stream.on("error", reject);
      stream.on("end", () => resolve());
      stream.pipe(response);
    });
    return;
  }
  if (method === "DELETE") {
    store.delete(bucket, key);
    writeHead(response, 204, { "x-amz-request-id": requestId });
    return endResponse(response);
  }
  throw new S3Error("MethodNotAllowed", 405, "The specified method is not allowed against this resource.");
}
function listObjects(store, bucket, query, response, requestId) {
  const prefix = query.get("prefix") ?? "";
  const maxKeys = Math.min(1e3, Math.max(0, Number(query.get("max-keys") ?? 1e3) || 0));
  const token = query.get("continuation-token");
  const startAfter = token !== null ? Buffer.from(token, "base64url").toString("utf8") : query.get("start-after") ?? "";
  const keys = store.keys(bucket, prefix).filter((key) => key > startAfter);
  const page = keys.slice(0, maxKeys);
  const truncated = keys.length > page.length;
  const contents = page.map((key) => {
    const stored = store.get(bucket, key);
    return `<Contents><Key>${xmlEscape(key)}</Key><LastModified>${stored.lastModified.toISOString()}</LastModified><ETag>${xmlEscape(stored.etag)}</ETag><Size>${stored.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
  }).join("");
  const next = truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1) ?? "").toString("base64url")}</NextContinuationToken>` : "";
  const continuation = token === null ? "" : `<ContinuationToken>${xmlEscape(token)}</ContinuationToken>`;
  sendXml(response, 200, `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${xmlEscape(bucket)}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${continuation}${next}${contents}</ListBucketResult>`, requestId);
}
function parseS3Uri(uri) {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (match === null)
    return void 0;
  return { bucket: match[1] ?? "", key: match[2] ?? "" };
}

// dist/src/emulator/router.js
var OPERATION_BY_SUFFIX = {
  converse: "Converse",
  "converse-stream": "ConverseStream",
  invoke: "InvokeModel",
  "invoke-with-response-stream": "InvokeModelWithResponseStream",
  "count-tokens": "CountTokens"
};
function parseRoute(method, rawPath) {
  const questionMark = rawPath.indexOf("?");
  const path = questionMark === -1 ? rawPath : rawPath.slice(0, questionMark);
  const match = /^\/model\/([^/]+)\/([a-z-]+)$/.exec(path);
  if (match === null || method !== "POST")
    return void 0;
  const operation = OPERATION_BY_SUFFIX[match[2] ?? ""];
  if (operation === void 0)
    return void 0;
  try {
    return { operation, modelId: decodeURIComponent(match[1] ?? "") };
  } catch {
    return void 0;
  }
}
function serviceOf(rawPath, authorization) {
  if (authorization !== void 0 && /Credential=[^/]+\/\d{8}\/[^/]+\/s3\/aws4_request/.test(authorization))
    return "s3";
  if (/^\/model-invocation-jobs?(\/|\?|$)/.test(rawPath))
    return "bedrock-batch";
  if (rawPath.startsWith("/model/") || authorization?.startsWith("Bearer") === true || /\/bedrock\/aws4_request/.test(authorization ?? ""))
    return "bedrock-runtime";
  return "s3";
}
async function dispatchOtherService(state, service, input, response, requestId) {
  if (service === "s3") {
    try {
      try {
        await state.authenticator.authenticate(input, "s3");
      } catch (error) {
        throw error instanceof EmulatorError ? s3AuthError(error) : error;
      }
      await handleS3(state.s3, input, response, requestId);
    } catch (error) {
      if (response.headersSent)
        return void response.destroy();
      const s3Error = error instanceof S3Error ? error : new S3Error("InternalError", 500, `We encountered an internal error. Please try again. (${error.message})`);
      sendS3Error(response, s3Error, requestId, input.method);
    }
    return;
  }
  try {
    const auth = await state.authenticator.authenticate(input);
    const result = await state.batch.handle(input.method, input.rawPath, parseJsonBody(input.body), auth.region);
    sendJson(response, 200, result, requestId);
  } catch (error) {
    const emulatorError = error instanceof EmulatorError ? error : new EmulatorError("InternalServerException", 500, `Emulator failure: ${error.message}`);
    sendError(response, emulatorError, requestId);
  }
}
function parseJsonBody(body) {
  if (body.length === 0)
    return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new EmulatorError("SerializationException", 400, "Unexpected character in the request body: expected valid JSON.");
  }
}
function authSchemeOf(authorization) {
  if (authorization === void 0 || authorization.trim() === "")
    return "none";
  if (/^Bearer\s/i.test(authorization))
    return "bearer";
  if (authorization.startsWith("AWS4-HMAC-SHA256"))
    return "sigv4";
  return "unknown";
}
function loggableBody(body) {
  if (body.length === 0)
    return void 0;
  const text = body.toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
async function dispatch(context) {
  switch (context.operation) {
    case "Converse":
      await handleConverse(context);
      return;
    case "ConverseStream":
      await handleConverseStream(context);
      return;
    case "InvokeModel":
      await handleInvokeModel(context);
      return;
    case "InvokeModelWithResponseStream":
      await handleInvokeModelWithResponseStream(context);
      return;
    case "CountTokens":
      handleCountTokens(context);
      return;
  }
}
function createRequestHandler(state) {
  return (request, response) => {
    const requestId = randomUUID4();
    const startedAt = performance.now();
    const rawPath = request.url ?? "/";
    const method = request.method ?? "GET";
    if (rawPath.startsWith("/__emulator/")) {
      void handleControl(state, request, response, requestId);
      return;
    }
    const headers = headersOf(request);
    const service = serviceOf(rawPath, headers["authorization"]);
    if (service !== "bedrock-runtime") {
      void readBody(request).then((body) => dispatchOtherService(state, service, { method, rawPath, headers, body }, response, requestId), () => response.destroy());
      return;
    }
    const record = {
      requestId,
      receivedAt: (/* @__PURE__ */ new Date()).toISOString(),
      method,
      path: rawPath,
      httpVersion: request.httpVersion,
      authScheme: authSchemeOf(headers["authorization"]),
      faults: []
    };
    const route = parseRoute(method, rawPath);
    if (route !== void 0) {
      record.operation = route.operation;
      record.modelId = route.modelId;
    }
    state.log.count(route?.operation);
    state.log.add(record);
    response.once("finish", () => {
      record.status = response.statusCode;
    });
    let quota;
    void (async () => {
      try {
        const body = await readBody(request);
        record.body = loggableBody(body);
        const auth = await state.authenticator.authenticate({ method, rawPath, headers, body });
        record.region = auth.region;
        if (route === void 0)
          throw new EmulatorError("UnknownOperationException", 404, "Unknown operation");
        const blobPayload = route.operation === "InvokeModel" || route.operation === "InvokeModelWithResponseStream";
        const parsedBody = blobPayload ? void 0 : parseJsonBody(body);
        validateAgainstServiceModel(route.operation, { modelId: route.modelId, headers, body: blobPayload ? body : parsedBody });
        if (isPromptArn(route.modelId) && route.operation !== "Converse" && route.operation !== "ConverseStream") {
          throw validationError(`The emulator serves Prompt-management prompts through Converse and ConverseStream only, not ${route.operation}.`);
        }
        const resolved = route.operation === "CountTokens" ? { requestedId: route.modelId, reference: "base-id", model: countTokensModel(state, route.modelId, auth.region) } : state.models.resolve(route.modelId, auth.region);
        record.resolvedModelId = resolved.model.id;
        const effect = state.faults.take(route.operation, [route.modelId, resolved.model.id]);
        if (effect !== void 0) {
          record.faults = effect.faultIds;
          if (effect.latencyMs > 0)
            await sleep2(effect.latencyMs);
          if (effect.error !== void 0) {
            const name = effect.error.name;
            throw new EmulatorError(name, effect.error.status, effect.error.message ?? (isModeledExceptionName(name) ? DEFAULT_EXCEPTION_MESSAGES[name] : `Injected ${name}.`));
          }
        }
        const operationBody = blobPayload ? parseJsonBody(body) : parsedBody;
        quota = state.quotas.active ? state.quotas.admit(route.operation, [route.modelId, resolved.model.id], auth.region, reservedTokensOf(route.operation, operationBody, resolved.model)) : void 0;
        const context = {
          state,
          requestId,
          startedAt,
          operation: route.operation,
          auth,
          resolved,
          headers,
          body: operationBody,
          request,
          response,
          effect,
          record,
          quota
        };
        await dispatch(context);
      } catch (error) {
        quota?.settle(0);
        const emulatorError = error instanceof EmulatorError ? error : new EmulatorError("InternalServerException", 500, `Emulator failure: ${error.message}`);
        record.errorType = emulatorError.name;
        if (response.headersSent) {
          response.destroy();
          return;
        }
        sendError(response, emulatorError, requestId);
      }
    })();
  };
}
function countTokensModel(state, modelId, region) {
  const model = state.models.get(modelId);
  if (model !== void 0)
    return model;
  return state.models.resolve(modelId, region).model;
}

// dist/src/emulator/server.js
import http from "node:http";
import http22 from "node:http2";
import net from "node:net";
var HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
async function startTransport(host, port, handler) {
  const http1 = http.createServer({ keepAliveTimeout: 3e4 }, handler);
  const http2Server = http22.createServer({}, handler);
  const sockets = /* @__PURE__ */ new Set();
  const sessions = /* @__PURE__ */ new Set();
  http2Server.on("session", (session) => {
    sessions.add(session);
    session.on("close", () => sessions.delete(session));
  });
  http1.on("clientError", (_error, socket) => socket.destroy());
  http2Server.on("sessionError", () => void 0);
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => void 0);
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    const sniff = () => {
      let chunk;
      while ((chunk = socket.read()) !== null)
        received = Buffer.concat([received, chunk]);
      const prefix = received.toString("latin1", 0, Math.min(received.length, HTTP2_PREFACE.length));
      if (received.length < HTTP2_PREFACE.length && HTTP2_PREFACE.startsWith(prefix) && !socket.readableEnded) {
        return;
      }
      socket.off("readable", sniff);
      socket.unshift(received);
      (prefix === HTTP2_PREFACE ? http2Server : http1).emit("connection", socket);
    };
    socket.on("readable", sniff);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === "object" && address !== null ? address.port : port;
  let closing;
  return {
    port: boundPort,
    close() {
      closing ??= new Promise((resolve) => {
        server.close(() => resolve());
        for (const session of sessions)
          session.destroy();
        for (const socket of sockets)
          socket.destroy();
        http1.closeAllConnections();
      });
      return closing;
    }
  };
}

// dist/src/emulator/batch-jobs.js
import { randomUUID as randomUUID5 } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { setTimeout as sleep3 } from "node:timers/promises";
var DEFAULT_MIN_RECORDS = 100;
var TERMINAL = /* @__PURE__ */ new Set(["Completed", "PartiallyCompleted", "Failed", "Stopped", "Expired"]);
var JOB_NAME = /^[a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9+\-.]){0,63}$/;
var ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
var S3_URI = /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
var JOB_IDENTIFIER = /^(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job\/)?([a-z0-9]{12})$/;
var ACCOUNT = "123456789012";
var BatchJobs = class {
  #state;
  #jobs = /* @__PURE__ */ new Map();
  #faults = [];
  #pacing = {
    stepDelayMs: 5,
    recordsPerTick: 500,
    tickDelayMs: 0,
    minRecords: DEFAULT_MIN_RECORDS,
    maxRecords: void 0
  };
  constructor(state, pacing = {}) {
    this.#state = state;
    this.setPacing(pacing);
  }
  setPacing(pacing) {
    for (const [key, value] of Object.entries(pacing)) {
      if (value !== void 0 && (typeof value !== "number" || !(value >= 0)))
        throw new TypeError(`batch pacing ${key} must be a number >= 0`);
    }
    this.#pacing = { ...this.#pacing, ...Object.fromEntries(Object.entries(pacing).filter(([, value]) => value !== void 0)) };
  }
  addFault(spec) {
    if (spec.failRecordsContaining === void 0 && spec.outcome === void 0)
      throw new TypeError("batch fault must set failRecordsContaining or outcome");
    if (spec.outcome !== void 0 && spec.outcome !== "Failed" && spec.outcome !== "Expired")
      throw new TypeError('batch fault outcome must be "Failed" or "Expired"');
    const id = randomUUID5();
    this.#faults.push({ ...spec, id, remaining: spec.count ?? 1 });
    return id;
  }
  clearFaults() {
    this.#faults.length = 0;
  }
  /** Resolves once every job has reached a terminal status (for tests and shutdown). */
  async settled() {
    while ([...this.#jobs.values()].some((job) => !TERMINAL.has(job.status)))
      await sleep3(5);
  }
  /** Serves one control-plane request (`/model-invocation-job…`). Returns the JSON body. */
  async handle(method, rawPath, body, region) {
    const questionMark = rawPath.indexOf("?");
    const path = questionMark === -1 ? rawPath : rawPath.slice(0, questionMark);
    const query = new URLSearchParams(questionMark === -1 ? "" : rawPath.slice(questionMark + 1));
    if (method === "POST" && path === "/model-invocation-job")
      return this.#create(body, region);
    if (method === "GET" && path === "/model-invocation-jobs")
      return this.#list(query);
    const match = /^\/model-invocation-job\/([^/]+)(\/stop)?$/.exec(path);
    if (match !== null) {
      const job = this.#find(decodeURIComponent(match[1] ?? ""));
      if (method === "GET" && match[2] === void 0)
        return describeJob(job);
      if (method === "POST" && match[2] === "/stop")
        return this.#stop(job);
    }
    throw new EmulatorError("UnknownOperationException", 404, "Unknown operation");
  }
  #find(identifier) {
    const match = JOB_IDENTIFIER.exec(identifier);
    if (match === null) {
      throw validationError(`1 validation error detected: Value '${identifier}' at 'jobIdentifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ((arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-invocation-job/)?[a-z0-9]{12})`);
    }
    const job = this.#jobs.get(match[3] ?? "");
    if (job === void 0)
      throw new EmulatorError("ResourceNotFoundException", 404, `The specified job ${identifier} was not found.`);
    return job;
  }
  #create(raw, region) {
    const body = typeof raw === "object" && raw !== null ? raw : {};
    const errors = [];
    const jobName = body["jobName"];
    const roleArn = body["roleArn"];
    const modelId = body["modelId"];
    const input = body["inputDataConfig"]?.s3InputDataConfig;
    const output = body["outputDataConfig"]?.s3OutputDataConfig;
    if (typeof jobName !== "string" || !JOB_NAME.test(jobName))
      errors.push(`Value '${String(jobName)}' at 'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9]{1,63}(-*[a-zA-Z0-9\\+\\-\\.]){0,63}`);
    if (typeof roleArn !== "string" || !ROLE_ARN.test(roleArn))
      errors.push(`Value '${String(roleArn)}' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+`);
    if (typeof modelId !== "string" || modelId === "")
      errors.push(`Value null at 'modelId' failed to satisfy constraint: Member must not be null`);
    if (typeof input?.s3Uri !== "string" || !S3_URI.test(input.s3Uri))
      errors.push(`Value '${String(input?.s3Uri)}' at 'inputDataConfig.s3InputDataConfig.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?`);
    if (typeof output?.s3Uri !== "string" || !S3_URI.test(output.s3Uri))
      errors.push(`Value '${String(output?.s3Uri)}' at 'outputDataConfig.s3OutputDataConfig.s3Uri' failed to satisfy constraint: Member must satisfy regular expression pattern: s3://[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:/[-!_*'().a-z0-9A-Z]+(?:/[-!_*'().a-z0-9A-Z]+)*)?/?`);
    const timeout = body["timeoutDurationInHours"] ?? 24;
    if (typeof timeout !== "number" || !Number.isInteger(timeout) || timeout < 24 || timeout > 168)
      errors.push(`Value '${String(timeout)}' at 'timeoutDurationInHours' failed to satisfy constraint: Member must have value between 24 and 168`);
    const invocationType = body["modelInvocationType"] ?? "InvokeModel";
    if (invocationType !== "InvokeModel" && invocationType !== "Converse")
      errors.push(`Value '${String(invocationType)}' at 'modelInvocationType' failed to satisfy constraint: Member must satisfy enum value set: [InvokeModel, Converse]`);
    if (errors.length > 0)
      throw validationError(`${errors.length} validation error${errors.length === 1 ? "" : "s"} detected: ${errors.join("; ")}`);
    const resolved = this.#state.models.resolve(modelId, region);
    if (invocationType === "InvokeModel" && embeddingFamilyOf(resolved.model.id) === void 0) {
      throw validationError(`The emulator runs InvokeModel batch jobs for embedding models only; use modelInvocationType Converse for ${String(modelId)}.`);
    }
    for (const job2 of this.#jobs.values()) {
      if (job2.request["jobName"] === jobName)
        throw new EmulatorError("ConflictException", 400, `A job with the name ${String(jobName)} already exists.`);
    }
    const id = randomUUID5().replace(/-/g, "").slice(0, 12);
    const now = /* @__PURE__ */ new Date();
    const job = {
      id,
      arn: `arn:aws:bedrock:${region}:${ACCOUNT}:model-invocation-job/${id}`,
      request: { ...body, timeoutDurationInHours: timeout, modelInvocationType: invocationType },
      modelId,
      region,
      invocationType,
      status: "Submitted",
      message: void 0,
      submitTime: now,
      lastModifiedTime: now,
      endTime: void 0,
      expirationTime: new Date(now.getTime() + timeout * 36e5),
      total: void 0,
      processed: 0,
      success: 0,
      error: 0,
      stopRequested: false,
      faults: this.#takeFaults(modelId)
    };
    this.#jobs.set(id, job);
    void this.#run(job).catch((error) => this.#finish(job, "Failed", `Internal error: ${error.message}`));
    return { jobArn: job.arn };
  }
  #takeFaults(modelId) {
    const taken = [];
    for (const fault of [...this.#faults]) {
      if (fault.model !== void 0 && fault.model !== modelId)
        continue;
      taken.push(fault);
      fault.remaining -= 1;
      if (fault.remaining <= 0)
        this.#faults.splice(this.#faults.indexOf(fault), 1);
    }
    return taken;
  }
  #stop(job) {
    if (TERMINAL.has(job.status) || job.status === "Stopping") {
      throw validationError(`The job ${job.arn} can't be stopped because it is in the ${job.status} state.`);
    }
    job.stopRequested = true;
    this.#setStatus(job, "Stopping");
    return {};
  }
  #list(query) {
    const maxResults = Number(query.get("maxResults") ?? 1e3);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1e3) {
      throw validationError(`1 validation error detected: Value '${query.get("maxResults")}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`);
    }
    const status = query.get("statusEquals");
    const name = query.get("nameContains");
    const after = query.get("submitTimeAfter");
    const before = query.get("submitTimeBefore");
    const ascending = query.get("sortOrder") === "Ascending";
    let jobs = [...this.#jobs.values()].filter((job) => (status === null || job.status === status) && (name === null || String(job.request["jobName"]).includes(name)) && (after === null || job.submitTime > new Date(after)) && (before === null || job.submitTime < new Date(before)));
    jobs = jobs.sort((left, right) => (ascending ? 1 : -1) * (left.submitTime.getTime() - right.submitTime.getTime()));
    const start = Number(query.get("nextToken") ?? 0) || 0;
    const page = jobs.slice(start, start + maxResults);
    const next = start + maxResults < jobs.length ? String(start + maxResults) : void 0;
    return { invocationJobSummaries: page.map(describeJob), ...next === void 0 ? {} : { nextToken: next } };
  }
  #setStatus(job, status, message) {
    job.status = status;
    job.lastModifiedTime = /* @__PURE__ */ new Date();
    if (message !== void 0)
      job.message = message;
  }
  #finish(job, status, message) {
    if (TERMINAL.has(job.status))
      return;
    this.#setStatus(job, status, message);
    job.endTime = job.lastModifiedTime;
  }
  async #step(job, status) {
    await sleep3(this.#pacing.stepDelayMs);
    if (job.stopRequested) {
      this.#finish(job, "Stopped");
      return false;
    }
    this.#setStatus(job, status);
    return true;
  }
  async #run(job) {
    const s3 = this.#state.s3;
    const inputUri = parseS3Uri(String(job.request["inputDataConfig"].s3InputDataConfig.s3Uri));
    const outputUri = parseS3Uri(String(job.request["outputDataConfig"].s3OutputDataConfig.s3Uri));
    if (inputUri === void 0 || outputUri === void 0)
      return this.#finish(job, "Failed", "Invalid S3 URI.");
    if (!await this.#step(job, "Validating"))
      return;
    let inputKeys;
    try {
      inputKeys = s3.get(inputUri.bucket, inputUri.key) !== void 0 ? [inputUri.key] : s3.keys(inputUri.bucket, inputUri.key).filter((key) => key.endsWith(".jsonl"));
      s3.get(outputUri.bucket, "");
    } catch (error) {
      return this.#finish(job, "Failed", `Unable to access the S3 location: ${error.message}`);
    }
    if (inputKeys.length === 0)
      return this.#finish(job, "Failed", `No input files were found at ${inputUri.bucket}/${inputUri.key}.`);
    let total = 0;
    for (const key of inputKeys) {
      const stored = s3.get(inputUri.bucket, key);
      if (stored === void 0)
        continue;
      let lineNumber = 0;
      for await (const line of createInterface({ input: createReadStream2(stored.file), crlfDelay: Infinity })) {
        lineNumber += 1;
        if (line.trim() === "")
          continue;
        const record = parseRecord(line);
        if (record === void 0)
          return this.#finish(job, "Failed", `Invalid JSON at line ${lineNumber} of ${key}: each line must be a JSON object with a modelInput field.`);
        total += 1;
      }
    }
    job.total = total;
    if (total < this.#pacing.minRecords) {
      return this.#finish(job, "Failed", `The number of records in the input (${total}) is less than the minimum required (${this.#pacing.minRecords}).`);
    }
    if (this.#pacing.maxRecords !== void 0 && total > this.#pacing.maxRecords) {
      return this.#finish(job, "Failed", `The number of records in the input (${total}) exceeds the maximum allowed (${this.#pacing.maxRecords}).`);
    }
    if (!await this.#step(job, "Scheduled"))
      return;
    if (!await this.#step(job, "InProgress"))
      return;
    const outcomeFault = job.faults.find((fault) => fault.outcome !== void 0);
    const prefix = outputUri.key === "" || outputUri.key.endsWith("/") ? outputUri.key : `${outputUri.key}/`;
    let inputTokens = 0;
    let outputTokens = 0;
    let ended;
    for (const key of inputKeys) {
      const stored = s3.get(inputUri.bucket, key);
      if (stored === void 0)
        continue;
      const outFile = s3.newFile();
      const out = createWriteStream(outFile);
      let block = [];
      for await (const line of createInterface({ input: createReadStream2(stored.file), crlfDelay: Infinity })) {
        if (line.trim() === "")
          continue;
        if (ended === void 0 && job.stopRequested)
          ended = "Stopped";
        if (ended === void 0 && outcomeFault !== void 0 && job.processed >= (outcomeFault.afterRecords ?? 0))
          ended = outcomeFault.outcome;
        if (ended !== void 0)
          break;
        const record = parseRecord(line);
        const result = this.#runRecord(job, record.modelInput);
        const recordId = record.recordId ?? randomUUID5().replace(/-/g, "").slice(0, 11).toUpperCase();
        if ("error" in result)
          job.error += 1;
        else {
          job.success += 1;
          inputTokens += result.inputTokens;
          outputTokens += result.outputTokens;
        }
        job.processed += 1;
        block.push(JSON.stringify({ recordId, modelInput: record.modelInput, ..."error" in result ? { error: result.error } : { modelOutput: result.modelOutput } }));
        if (block.length >= this.#pacing.recordsPerTick) {
          await writeBlock(out, block);
          block = [];
          await sleep3(this.#pacing.tickDelayMs);
        }
      }
      await writeBlock(out, block);
      await new Promise((resolve, reject) => out.end((error) => error ? reject(error) : resolve()));
      const fileName = key.slice(key.lastIndexOf("/") + 1);
      await s3.commitFile(outputUri.bucket, `${prefix}${job.id}/${fileName}.out`, outFile, "application/octet-stream");
      if (ended !== void 0)
        break;
    }
    const manifest = {
      totalRecordCount: job.total,
      processedRecordCount: job.processed,
      successRecordCount: job.success,
      errorRecordCount: job.error,
      inputTokenCount: inputTokens,
      outputTokenCount: outputTokens
    };
    await s3.put(outputUri.bucket, `${prefix}${job.id}/manifest.json.out`, Buffer.from(JSON.stringify(manifest)), "application/octet-stream");
    if (ended === "Stopped")
      return this.#finish(job, "Stopped");
    if (ended === "Failed")
      return this.#finish(job, "Failed", "Injected job failure.");
    if (ended === "Expired")
      return this.#finish(job, "Expired", "The job did not complete within the timeout duration.");
    this.#finish(job, job.error === 0 ? "Completed" : "PartiallyCompleted");
  }
  #runRecord(job, modelInput) {
    const text = JSON.stringify(modelInput);
    const fault = job.faults.find((candidate) => candidate.failRecordsContaining !== void 0 && text.includes(candidate.failRecordsContaining));
    if (fault !== void 0)
      return { error: { errorCode: fault.error?.code ?? 400, errorMessage: fault.error?.message ?? "Injected record error." } };
    try {
      const model = this.#state.models.resolve(job.modelId, job.region).model;
      if (job.invocationType === "Converse") {
        const request = validateConverseRequest(modelInput, { model, operation: "Converse" });
        const reply = replyFor(request, {
          model,
          promptCache: this.#state.operations.promptCache,
          guardrailTrigger: this.#state.operations.guardrailTrigger,
          redactedThinkingTrigger: this.#state.operations.redactedThinkingTrigger
        });
        const modelOutput = {
          output: { message: { role: "assistant", content: reply.content } },
          stopReason: reply.stopReason,
          usage: reply.usage,
          metrics: { latencyMs: 1 },
          ...reply.additionalModelResponseFields === void 0 ? {} : { additionalModelResponseFields: reply.additionalModelResponseFields }
        };
        return { modelOutput, inputTokens: reply.usage.inputTokens, outputTokens: reply.usage.outputTokens };
      }
      const family = embeddingFamilyOf(model.id);
      if (family === void 0)
        throw validationError(`The emulator cannot run ${model.id} through InvokeModel in a batch job.`);
      const result = invokeEmbedding(family, modelInput, job.id);
      return { modelOutput: result.body, inputTokens: result.inputTokens, outputTokens: 0 };
    } catch (error) {
      if (error instanceof EmulatorError)
        return { error: { errorCode: error.status, errorMessage: error.message } };
      throw error;
    }
  }
};
function parseRecord(line) {
  try {
    const value = JSON.parse(line);
    if (typeof value !== "object" || value === null || !("modelInput" in value))
      return void 0;
    return value;
  } catch {
    return void 0;
  }
}
function writeBlock(out, block) {
  if (block.length === 0)
    return Promise.resolve();
  const text = `${block.reverse().join("\n")}
`;
  return new Promise((resolve, reject) => {
    if (out.write(text))
      resolve();
    else
      out.once("drain", resolve).once("error", reject);
  });
}
function describeJob(job) {
  const request = job.request;
  return {
    jobArn: job.arn,
    jobName: request["jobName"],
    modelId: job.modelId,
    ...request["clientRequestToken"] === void 0 ? {} : { clientRequestToken: request["clientRequestToken"] },
    roleArn: request["roleArn"],
    status: job.status,
    ...job.message === void 0 ? {} : { message: job.message },
    submitTime: job.submitTime.toISOString(),
    lastModifiedTime: job.lastModifiedTime.toISOString(),
    ...job.endTime === void 0 ? {} : { endTime: job.endTime.toISOString() },
    inputDataConfig: request["inputDataConfig"],
    outputDataConfig: request["outputDataConfig"],
    timeoutDurationInHours: request["timeoutDurationInHours"],
    jobExpirationTime: job.expirationTime.toISOString(),
    modelInvocationType: job.invocationType,
    ...job.total === void 0 ? {} : { totalRecordCount: job.total },
    processedRecordCount: job.processed,
    successRecordCount: job.success,
    errorRecordCount: job.error
  };
}

// dist/src/emulator/index.js
var DEFAULT_BUCKET = "bedrock-openai-emulator";
var DEFAULT_CREDENTIALS = Object.freeze({
  accessKeyId: "AKIAEMULATOREXAMPLE01",
  secretAccessKey: "emulatorSecretKeyEXAMPLEnotARealSecret00"
});
var DEFAULT_API_KEY = `bedrock-api-key-${Buffer.from("bedrock-openai-emulator/EXAMPLE-not-a-real-key").toString("base64")}`;
async function startEmulator(options = {}) {
  const host = options.host ?? "127.0.0.1";
  if (host !== "127.0.0.1")
    throw new TypeError('startEmulator: `host` must be "127.0.0.1" (the emulator only binds loopback).');
  const region = options.region ?? "us-east-1";
  const credentials = options.credentials ?? [DEFAULT_CREDENTIALS];
  const apiKeys = options.apiKeys ?? [DEFAULT_API_KEY];
  const first = credentials[0];
  if (first === void 0)
    throw new TypeError("startEmulator: `credentials` must hold at least one key pair.");
  const firstKey = apiKeys[0];
  if (firstKey === void 0)
    throw new TypeError("startEmulator: `apiKeys` must hold at least one key.");
  const now = options.now ?? Date.now;
  const models = new ModelRegistry({
    ...options.extraModels === void 0 ? {} : { extraModels: options.extraModels },
    ...options.applicationProfiles === void 0 ? {} : { applicationProfiles: options.applicationProfiles },
    ...options.defaultApplicationProfileModel === void 0 ? {} : { defaultApplicationProfileModel: options.defaultApplicationProfileModel },
    ...options.prompts === void 0 ? {} : { prompts: options.prompts }
  });
  const faults = new FaultRegistry();
  const quotas = new QuotaRegistry();
  for (const spec of options.quotas ?? [])
    quotas.set(spec);
  const log = new RequestLog(options.maxLoggedRequests ?? 1e3);
  const promptCache = new PromptCache({ ...options.cacheMinimumTokens === void 0 ? {} : { minimumTokens: options.cacheMinimumTokens }, now });
  const authenticator = new Authenticator({ credentials, apiKeys, region, now });
  const s3 = new S3Store(options.buckets ?? [DEFAULT_BUCKET]);
  const operations = {
    models,
    promptCache,
    guardrailTrigger: options.guardrailTrigger ?? DEFAULT_GUARDRAIL_TRIGGER,
    redactedThinkingTrigger: options.redactedThinkingTrigger ?? REDACTED_THINKING_TRIGGER
  };
  const batch = new BatchJobs({ models, operations, s3 }, options.batch);
  const transport = await startTransport(host, options.port ?? 0, createRequestHandler({ authenticator, faults, quotas, log, s3, batch, ...operations }));
  return {
    url: `http://${host}:${transport.port}`,
    port: transport.port,
    region,
    credentials: { ...first },
    apiKey: firstKey,
    faults: {
      add: (spec) => faults.add(spec),
      failNext: (count, exceptionName, failOptions = {}) => {
        const { message, status, operation, model } = failOptions;
        return faults.add({
          count,
          error: { name: exceptionName, ...message === void 0 ? {} : { message }, ...status === void 0 ? {} : { status } },
          ...operation === void 0 ? {} : { operation },
          ...model === void 0 ? {} : { model }
        });
      },
      remove: (id) => faults.remove(id),
      clear: () => faults.clear(),
      list: () => faults.list()
    },
    quotas: {
      set: (spec) => quotas.set(spec),
      remove: (id) => quotas.remove(id),
      clear: () => quotas.clear(),
      list: () => quotas.list(),
      usage: () => quotas.usage()
    },
    get requests() {
      return log.entries;
    },
    get counts() {
      return log.counts;
    },
    batch: {
      setPacing: (pacing) => batch.setPacing(pacing),
      addFault: (spec) => batch.addFault(spec),
      clearFaults: () => batch.clearFaults(),
      settled: () => batch.settled()
    },
    createBucket: (name) => s3.createBucket(name),
    clearRequests: () => log.clear(),
    reset: () => {
      faults.clear();
      quotas.clear();
      log.clear();
      promptCache.clear();
      batch.clearFaults();
    },
    close: async () => {
      await transport.close();
      await batch.settled();
      s3.close();
    }
  };
}

export {
  REDACTED_THINKING_TRIGGER,
  countTokens,
  DEFAULT_GUARDRAIL_TRIGGER,
  GUARDRAIL_BLOCKED_MESSAGE,
  MODELS,
  DEFAULT_APPLICATION_PROFILE_MODEL,
  DEFAULT_CACHE_MINIMUM_TOKENS,
  TOO_MANY_REQUESTS,
  TOO_MANY_TOKENS,
  embedText,
  cosineSimilarity,
  DEFAULT_MIN_RECORDS,
  DEFAULT_BUCKET,
  DEFAULT_CREDENTIALS,
  DEFAULT_API_KEY,
  startEmulator
};
