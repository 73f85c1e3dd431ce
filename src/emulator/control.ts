/**
 * The control endpoint (unauthenticated, loopback clients only):
 *
 * | method & path | effect |
 * |---|---|
 * | `POST /__emulator/faults` (body: a {@link FaultSpec}; `"count": "always"` for every request) | adds a fault → `{ id }` |
 * | `GET /__emulator/faults` | active faults |
 * | `DELETE /__emulator/faults` (or `…/faults/{id}`) | removes all faults (or one) |
 * | `PUT /__emulator/quotas` (body: a {@link QuotaSpec}) | sets a model's quota and latency → `{ id }` |
 * | `GET /__emulator/quotas` | `{ quotas, usage }` |
 * | `DELETE /__emulator/quotas` (or `…/quotas/{id}`) | removes all quotas (or one) |
 * | `GET /__emulator/requests` | `{ requests, counts, total }` |
 * | `DELETE /__emulator/requests` | clears the request log and counts |
 * | `POST /__emulator/reset` | clears faults, quotas, requests, counts and the prompt cache |
 * | `GET /__emulator/health` | `{ ok: true }` |
 */
import type { BatchFaultSpec, BatchJobs, BatchPacing } from './batch-jobs.js';
import type { FaultRegistry, FaultSpec } from './faults.js';
import { readBody, sendJson } from './http.js';
import type { PromptCache } from './prompt-cache.js';
import type { QuotaRegistry, QuotaSpec } from './quotas.js';
import type { RequestLog } from './requests.js';
import type { IncomingRequest, OutgoingResponse } from './server.js';

export interface ControlState {
  faults: FaultRegistry;
  quotas: QuotaRegistry;
  log: RequestLog;
  promptCache: PromptCache;
  batch: BatchJobs;
}

/** Whether a remote address is loopback (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function controlError(response: OutgoingResponse, status: number, message: string, requestId: string): void {
  sendJson(response, status, { message }, requestId);
}

export async function handleControl(state: ControlState, request: IncomingRequest, response: OutgoingResponse, requestId: string): Promise<void> {
  if (!isLoopbackAddress(request.socket?.remoteAddress)) {
    controlError(response, 403, 'The emulator control endpoint only answers loopback clients.', requestId);
    return;
  }
  const method = request.method ?? 'GET';
  const path = (request.url ?? '').split('?')[0] ?? '';
  try {
    const body = await readBody(request);
    if (path === '/__emulator/health' && method === 'GET') {
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === '/__emulator/faults' && method === 'POST') {
      const parsed = JSON.parse(body.toString('utf8') || '{}') as Omit<FaultSpec, 'count'> & { count?: number | 'always' };
      const { count, ...rest } = parsed;
      const spec: FaultSpec = count === undefined ? rest : { ...rest, count: count === 'always' ? Infinity : count };
      const id = state.faults.add(spec);
      sendJson(response, 201, { id }, requestId);
    } else if (path === '/__emulator/faults' && method === 'GET') {
      sendJson(response, 200, { faults: state.faults.list().map((fault) => ({ ...fault, count: fault.count === Infinity ? 'always' : fault.count, remaining: fault.remaining === Infinity ? 'always' : fault.remaining })) }, requestId);
    } else if (path === '/__emulator/faults' && method === 'DELETE') {
      state.faults.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path.startsWith('/__emulator/faults/') && method === 'DELETE') {
      const removed = state.faults.remove(decodeURIComponent(path.slice('/__emulator/faults/'.length)));
      sendJson(response, removed ? 200 : 404, { ok: removed }, requestId);
    } else if (path === '/__emulator/batch/faults' && method === 'POST') {
      const parsed = JSON.parse(body.toString('utf8') || '{}') as Omit<BatchFaultSpec, 'count'> & { count?: number | 'always' };
      const id = state.batch.addFault({ ...parsed, count: parsed.count === 'always' ? Infinity : parsed.count } as BatchFaultSpec);
      sendJson(response, 201, { id }, requestId);
    } else if (path === '/__emulator/batch/faults' && method === 'DELETE') {
      state.batch.clearFaults();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === '/__emulator/batch/pacing' && method === 'PUT') {
      state.batch.setPacing(JSON.parse(body.toString('utf8') || '{}') as BatchPacing);
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === '/__emulator/quotas' && (method === 'PUT' || method === 'POST')) {
      const id = state.quotas.set(JSON.parse(body.toString('utf8') || '{}') as QuotaSpec);
      sendJson(response, 201, { id }, requestId);
    } else if (path === '/__emulator/quotas' && method === 'GET') {
      sendJson(response, 200, { quotas: state.quotas.list(), usage: state.quotas.usage() }, requestId);
    } else if (path === '/__emulator/quotas' && method === 'DELETE') {
      state.quotas.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path.startsWith('/__emulator/quotas/') && method === 'DELETE') {
      const removed = state.quotas.remove(decodeURIComponent(path.slice('/__emulator/quotas/'.length)));
      sendJson(response, removed ? 200 : 404, { ok: removed }, requestId);
    } else if (path === '/__emulator/requests' && method === 'GET') {
      sendJson(response, 200, { requests: state.log.entries, counts: state.log.counts, total: state.log.total }, requestId);
    } else if (path === '/__emulator/requests' && method === 'DELETE') {
      state.log.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else if (path === '/__emulator/reset' && method === 'POST') {
      state.faults.clear();
      state.quotas.clear();
      state.log.clear();
      state.promptCache.clear();
      sendJson(response, 200, { ok: true }, requestId);
    } else {
      controlError(response, 404, `No control endpoint ${method} ${path}.`, requestId);
    }
  } catch (error) {
    controlError(response, 400, (error as Error).message, requestId);
  }
}
