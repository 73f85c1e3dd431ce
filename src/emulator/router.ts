/**
 * Request dispatch: control endpoints (`/__emulator/…`), authentication, route matching
 * (`POST /model/{modelId}/{operation}`), model resolution, request logging, fault injection, then the operation.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Authenticator } from './auth.js';
import { handleControl, type ControlState } from './control.js';
import { EmulatorError, isModeledExceptionName, DEFAULT_EXCEPTION_MESSAGES, validationError } from './errors.js';
import type { FaultRegistry, OperationName } from './faults.js';
import { headersOf, readBody, sendError, sendJson } from './http.js';
import {
  handleConverse,
  handleConverseStream,
  handleCountTokens,
  handleInvokeModel,
  handleInvokeModelWithResponseStream,
  type OperationContext,
  type OperationState,
  reservedTokensOf,
} from './operations.js';
import type { QuotaRegistry, QuotaTicket } from './quotas.js';
import type { ModelRegistry, ResolvedModel } from './models.js';
import { isPromptArn } from './prompts.js';
import type { RecordedRequest, RequestLog } from './requests.js';
import { validateAgainstServiceModel } from './service-validation.js';
import type { RequestHandler } from './server.js';
import type { BatchJobs } from './batch-jobs.js';
import { handleS3, s3AuthError, S3Error, sendS3Error, type S3Store } from './s3.js';

export type { OperationName } from './faults.js';

const OPERATION_BY_SUFFIX: Readonly<Record<string, OperationName>> = {
  converse: 'Converse',
  'converse-stream': 'ConverseStream',
  invoke: 'InvokeModel',
  'invoke-with-response-stream': 'InvokeModelWithResponseStream',
  'count-tokens': 'CountTokens',
};

export interface Route {
  operation: OperationName;
  /** The model ID, percent-decoded as Bedrock decodes the `{modelId}` label (one path segment). */
  modelId: string;
}

/**
 * Matches `POST /model/{modelId}/{operation}` on the raw (still encoded) path. The label is a single segment:
 * an ARN's `/` must arrive as `%2F` (every AWS SDK sends it so); `%3A` and `%2F` decode to `:` and `/`.
 */
export function parseRoute(method: string, rawPath: string): Route | undefined {
  const questionMark = rawPath.indexOf('?');
  const path = questionMark === -1 ? rawPath : rawPath.slice(0, questionMark);
  const match = /^\/model\/([^/]+)\/([a-z-]+)$/.exec(path);
  if (match === null || method !== 'POST') return undefined;
  const operation = OPERATION_BY_SUFFIX[match[2] ?? ''];
  if (operation === undefined) return undefined;
  try {
    return { operation, modelId: decodeURIComponent(match[1] ?? '') };
  } catch {
    return undefined;
  }
}

/** What the handler needs from the emulator instance. */
export interface RouterState extends OperationState, ControlState {
  authenticator: Authenticator;
  models: ModelRegistry;
  faults: FaultRegistry;
  log: RequestLog;
  s3: S3Store;
  batch: BatchJobs;
  quotas: QuotaRegistry;
}

/** Which service a request is for: S3 by its SigV4 scope (or a path outside Bedrock's), the control plane's batch paths, else Runtime. */
export function serviceOf(rawPath: string, authorization: string | undefined): 's3' | 'bedrock-batch' | 'bedrock-runtime' {
  if (authorization !== undefined && /Credential=[^/]+\/\d{8}\/[^/]+\/s3\/aws4_request/.test(authorization)) return 's3';
  if (/^\/model-invocation-jobs?(\/|\?|$)/.test(rawPath)) return 'bedrock-batch';
  if (rawPath.startsWith('/model/') || authorization?.startsWith('Bearer') === true || /\/bedrock\/aws4_request/.test(authorization ?? '')) return 'bedrock-runtime';
  return 's3';
}

/** Serves S3 and the control plane's batch operations (src/emulator/s3.ts, src/emulator/batch-jobs.ts). */
async function dispatchOtherService(
  state: RouterState,
  service: 's3' | 'bedrock-batch',
  input: { method: string; rawPath: string; headers: Record<string, string | undefined>; body: Buffer },
  response: Parameters<RequestHandler>[1],
  requestId: string,
): Promise<void> {
  if (service === 's3') {
    try {
      try {
        await state.authenticator.authenticate(input, 's3');
      } catch (error) {
        throw error instanceof EmulatorError ? s3AuthError(error) : error;
      }
      await handleS3(state.s3, input, response, requestId);
    } catch (error) {
      if (response.headersSent) return void response.destroy();
      const s3Error = error instanceof S3Error ? error : new S3Error('InternalError', 500, `We encountered an internal error. Please try again. (${(error as Error).message})`);
      sendS3Error(response, s3Error, requestId, input.method);
    }
    return;
  }
  try {
    const auth = await state.authenticator.authenticate(input);
    const result = await state.batch.handle(input.method, input.rawPath, parseJsonBody(input.body), auth.region);
    sendJson(response, 200, result, requestId);
  } catch (error) {
    const emulatorError = error instanceof EmulatorError ? error : new EmulatorError('InternalServerException', 500, `Emulator failure: ${(error as Error).message}`);
    sendError(response, emulatorError, requestId);
  }
}

function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new EmulatorError('SerializationException', 400, 'Unexpected character in the request body: expected valid JSON.');
  }
}

function authSchemeOf(authorization: string | undefined): RecordedRequest['authScheme'] {
  if (authorization === undefined || authorization.trim() === '') return 'none';
  if (/^Bearer\s/i.test(authorization)) return 'bearer';
  if (authorization.startsWith('AWS4-HMAC-SHA256')) return 'sigv4';
  return 'unknown';
}

function loggableBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function dispatch(context: OperationContext): Promise<void> {
  switch (context.operation) {
    case 'Converse':
      await handleConverse(context);
      return;
    case 'ConverseStream':
      await handleConverseStream(context);
      return;
    case 'InvokeModel':
      await handleInvokeModel(context);
      return;
    case 'InvokeModelWithResponseStream':
      await handleInvokeModelWithResponseStream(context);
      return;
    case 'CountTokens':
      handleCountTokens(context);
      return;
  }
}

/** Builds the Node request handler for an emulator instance. */
export function createRequestHandler(state: RouterState): RequestHandler {
  return (request, response) => {
    const requestId = randomUUID();
    const startedAt = performance.now();
    const rawPath = request.url ?? '/';
    const method = request.method ?? 'GET';
    if (rawPath.startsWith('/__emulator/')) {
      void handleControl(state, request, response, requestId);
      return;
    }
    const headers = headersOf(request);
    const service = serviceOf(rawPath, headers['authorization']);
    if (service !== 'bedrock-runtime') {
      void readBody(request).then(
        (body) => dispatchOtherService(state, service, { method, rawPath, headers, body }, response, requestId),
        () => response.destroy(),
      );
      return;
    }
    const record: RecordedRequest = {
      requestId,
      receivedAt: new Date().toISOString(),
      method,
      path: rawPath,
      httpVersion: request.httpVersion,
      authScheme: authSchemeOf(headers['authorization']),
      faults: [],
    };
    const route = parseRoute(method, rawPath);
    if (route !== undefined) {
      record.operation = route.operation;
      record.modelId = route.modelId;
    }
    state.log.count(route?.operation);
    state.log.add(record);
    response.once('finish', () => {
      record.status = response.statusCode;
    });
    let quota: QuotaTicket | undefined;
    void (async () => {
      try {
        const body = await readBody(request);
        record.body = loggableBody(body);
        const auth = await state.authenticator.authenticate({ method, rawPath, headers, body });
        record.region = auth.region;
        if (route === undefined) throw new EmulatorError('UnknownOperationException', 404, 'Unknown operation');
        const blobPayload = route.operation === 'InvokeModel' || route.operation === 'InvokeModelWithResponseStream';
        const parsedBody = blobPayload ? undefined : parseJsonBody(body);
        // Coral validates the request against the service model before Bedrock looks at the model.
        validateAgainstServiceModel(route.operation, { modelId: route.modelId, headers, body: blobPayload ? body : parsedBody });
        if (isPromptArn(route.modelId) && route.operation !== 'Converse' && route.operation !== 'ConverseStream') {
          throw validationError(`The emulator serves Prompt-management prompts through Converse and ConverseStream only, not ${route.operation}.`);
        }
        const resolved: ResolvedModel =
          route.operation === 'CountTokens'
            ? { requestedId: route.modelId, reference: 'base-id', model: countTokensModel(state, route.modelId, auth.region) }
            : state.models.resolve(route.modelId, auth.region);
        record.resolvedModelId = resolved.model.id;
        const effect = state.faults.take(route.operation, [route.modelId, resolved.model.id]);
        if (effect !== undefined) {
          record.faults = effect.faultIds;
          if (effect.latencyMs > 0) await sleep(effect.latencyMs);
          if (effect.error !== undefined) {
            const name = effect.error.name;
            throw new EmulatorError(
              name,
              effect.error.status,
              effect.error.message ?? (isModeledExceptionName(name) ? DEFAULT_EXCEPTION_MESSAGES[name] : `Injected ${name}.`),
            );
          }
        }
        const operationBody = blobPayload ? parseJsonBody(body) : parsedBody;
        // Bedrock's on-demand quotas: throttled here, or admitted with the tokens the request reserves.
        quota = state.quotas.active
          ? state.quotas.admit(route.operation, [route.modelId, resolved.model.id], auth.region, reservedTokensOf(route.operation, operationBody, resolved.model))
          : undefined;
        const context: OperationContext = {
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
          quota,
        };
        await dispatch(context);
      } catch (error) {
        // A request refused after admission uses no tokens.
        quota?.settle(0);
        const emulatorError =
          error instanceof EmulatorError
            ? error
            : new EmulatorError('InternalServerException', 500, `Emulator failure: ${(error as Error).message}`);
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

/** CountTokens takes a foundation-model ID (no profiles); on-demand support does not matter. */
function countTokensModel(state: RouterState, modelId: string, region: string) {
  const model = state.models.get(modelId);
  if (model !== undefined) return model;
  return state.models.resolve(modelId, region).model;
}
