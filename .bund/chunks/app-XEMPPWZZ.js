import {
  Stream,
  errorResponse,
  httpError,
  isHttpLayerError,
  readJsonBody,
  toWireError
} from "./chunk-BKX5MZVJ.js";

// dist/src/http/app.js
import { Hono } from "hono";

// dist/src/http/route.js
function route(app, path, methods) {
  const allowed = Object.keys(methods);
  for (const method of allowed)
    app.on(method, path, methods[method]);
  const allow = allowed.includes("GET") ? [...allowed, "HEAD"] : allowed;
  app.all(path, (c) => {
    throw Object.assign(httpError(405, `${c.req.method} is not allowed on ${c.req.path}; use ${allowed.join(" or ")}.`, { code: "method_not_allowed" }), {
      allow: allow.join(", ")
    });
  });
}
function jsonResponse(data, requestId) {
  const headers = { "content-type": "application/json" };
  if (requestId !== null && requestId !== "")
    headers["x-request-id"] = requestId;
  return new Response(JSON.stringify(data), { status: 200, headers });
}

// dist/src/http/sse.js
var encoder = new TextEncoder();
var DONE = encoder.encode("data: [DONE]\n\n");
var PING = encoder.encode(": ping\n\n");
function sseData(item) {
  return `data: ${JSON.stringify(item)}

`;
}
function sseError(error, options) {
  return `event: error
data: ${JSON.stringify(toWireError(error, options).body)}

`;
}
function createSseStream(source, options) {
  const iterator = source[Symbol.asyncIterator]();
  const { heartbeatMs, endSignal, abortSignal, observe, eventName } = options;
  const done = options.done ?? true;
  let closed = false;
  let timer;
  const finish = (outcome) => {
    if (closed)
      return false;
    closed = true;
    clearTimeout(timer);
    endSignal?.removeEventListener("abort", onEndSignal);
    abortSignal?.removeEventListener("abort", onAbort);
    options.onEnd?.(outcome);
    return true;
  };
  let streamController;
  function onEndSignal() {
    const error = endSignal?.reason;
    if (!finish({ error, cancelled: false }))
      return;
    streamController.enqueue(encoder.encode(sseError(error, options)));
    streamController.close();
    void iterator.return?.()?.catch(() => void 0);
  }
  function onAbort() {
    if (!finish({ error: abortSignal?.reason, cancelled: true }))
      return;
    streamController.error(abortSignal?.reason);
    void iterator.return?.()?.catch(() => void 0);
  }
  return new ReadableStream(
    {
      start(controller) {
        streamController = controller;
        if (abortSignal !== void 0) {
          if (abortSignal.aborted)
            return onAbort();
          abortSignal.addEventListener("abort", onAbort, { once: true });
        }
        if (endSignal !== void 0) {
          if (endSignal.aborted)
            return onEndSignal();
          endSignal.addEventListener("abort", onEndSignal, { once: true });
        }
        if (heartbeatMs > 0) {
          timer = setTimeout(function ping() {
            if (closed)
              return;
            if ((controller.desiredSize ?? 0) > 0)
              controller.enqueue(PING);
            timer?.refresh();
          }, heartbeatMs);
        }
      },
      async pull(controller) {
        let result;
        try {
          result = await iterator.next();
        } catch (error) {
          if (finish({ error, cancelled: false })) {
            controller.enqueue(encoder.encode(sseError(error, options)));
            controller.close();
          }
          return;
        }
        if (closed)
          return;
        if (result.done === true) {
          finish({ cancelled: false });
          if (done)
            controller.enqueue(DONE);
          controller.close();
          return;
        }
        observe?.(result.value);
        const data = sseData(result.value);
        controller.enqueue(encoder.encode(eventName === void 0 ? data : `event: ${eventName(result.value)}
${data}`));
        timer?.refresh();
      },
      async cancel(reason) {
        if (!finish({ error: reason, cancelled: true }))
          return;
        await iterator.return?.();
      }
    },
    // One item queued at most: the next is read from Bedrock's stream only once the reader has taken this one.
    { highWaterMark: 1 }
  );
}
function sseHeaders(requestId) {
  const headers = {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    // nginx and similar proxies buffer responses unless told not to.
    "x-accel-buffering": "no"
  };
  if (requestId !== null && requestId !== "")
    headers["x-request-id"] = requestId;
  return headers;
}

// dist/src/http/create-route.js
function createRoute(context, spec) {
  return async (c) => {
    const exchange = c.get("exchange");
    const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
    if (typeof body["model"] === "string")
      exchange.model = body["model"];
    const { data, request_id: requestId } = await spec.call(body, { signal: exchange.signal }).withResponse();
    exchange.requestId = requestId;
    if (!(data instanceof Stream)) {
      spec.noteResult(exchange, data);
      return jsonResponse(data, requestId);
    }
    exchange.streaming = true;
    const stream = createSseStream(data, {
      heartbeatMs: context.heartbeatMs,
      retried: context.retried,
      endSignal: exchange.endSignal,
      abortSignal: c.req.raw.signal,
      ...spec.framing,
      observe: (event) => spec.noteEvent(exchange, event),
      onEnd: ({ error, cancelled }) => exchange.end({ error: errorCode(error, cancelled), cancelled })
    });
    return new Response(stream, { status: 200, headers: sseHeaders(requestId) });
  };
}
function errorCode(error, cancelled) {
  if (cancelled)
    return "client_closed";
  if (error === void 0)
    return void 0;
  const { code, type, name } = error;
  return [code, type, name].find((value) => typeof value === "string" && value !== "") ?? "error";
}

// dist/src/http/routes/batch.js
function numberParam(value) {
  return value === void 0 ? void 0 : Number(value);
}
var batchRoutes = (app, context) => {
  const { client } = context;
  route(app, "/files", {
    POST: async (c) => {
      const form = await c.req.raw.formData().catch(() => {
        throw httpError(400, "Expected a multipart/form-data body with `file` and `purpose`.", { code: "invalid_request" });
      });
      const file = form.get("file");
      if (file === null || typeof file === "string")
        throw httpError(400, "The form has no `file` part.", { code: "invalid_request", param: "file" });
      const purpose = form.get("purpose");
      const created = await client.files.create({ file, purpose, filename: file.name }, { signal: c.get("exchange").signal });
      return jsonResponse(created, null);
    },
    GET: async (c) => {
      const purpose = c.req.query("purpose");
      const limit = numberParam(c.req.query("limit"));
      const after = c.req.query("after");
      const page = await client.files.list({ ...purpose === void 0 ? {} : { purpose }, ...limit === void 0 ? {} : { limit }, ...after === void 0 ? {} : { after } }, { signal: c.get("exchange").signal });
      return jsonResponse(page, null);
    }
  });
  route(app, "/files/:id/content", {
    GET: async (c) => {
      const content = await client.files.content(c.req.param("id") ?? "", { signal: c.get("exchange").signal });
      return new Response(content.body, { status: 200, headers: { "content-type": "application/octet-stream" } });
    }
  });
  route(app, "/files/:id", {
    GET: async (c) => jsonResponse(await client.files.retrieve(c.req.param("id") ?? "", { signal: c.get("exchange").signal }), null),
    DELETE: async (c) => jsonResponse(await client.files.delete(c.req.param("id") ?? "", { signal: c.get("exchange").signal }), null)
  });
  route(app, "/batches", {
    POST: async (c) => {
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      return jsonResponse(await client.batches.create(body, { signal: c.get("exchange").signal }), null);
    },
    GET: async (c) => {
      const limit = numberParam(c.req.query("limit"));
      const after = c.req.query("after");
      const page = await client.batches.list({ ...limit === void 0 ? {} : { limit }, ...after === void 0 ? {} : { after } }, { signal: c.get("exchange").signal });
      return jsonResponse(page, null);
    }
  });
  route(app, "/batches/:id/cancel", {
    POST: async (c) => jsonResponse(await client.batches.cancel(c.req.param("id") ?? "", { signal: c.get("exchange").signal }), null)
  });
  route(app, "/batches/:id", {
    GET: async (c) => jsonResponse(await client.batches.retrieve(c.req.param("id") ?? "", { signal: c.get("exchange").signal }), null)
  });
};

// dist/src/http/routes/chat.js
var chatRoutes = (app, context) => {
  route(app, "/chat/completions", {
    POST: createRoute(context, {
      call: (body, options) => context.client.chat.completions.create(body, options),
      noteResult: (exchange, completion) => noteUsage(exchange, completion.usage),
      noteEvent: (exchange, chunk) => {
        if (chunk.usage != null)
          noteUsage(exchange, chunk.usage);
      }
    })
  });
};
function noteUsage(exchange, usage) {
  if (usage == null)
    return;
  exchange.promptTokens = usage.prompt_tokens;
  exchange.completionTokens = usage.completion_tokens;
}

// dist/src/http/routes/embeddings.js
var embeddingsRoutes = (app, context) => {
  route(app, "/embeddings", {
    POST: async (c) => {
      const exchange = c.get("exchange");
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      if (typeof body["model"] === "string")
        exchange.model = body["model"];
      const { data, request_id: requestId } = await context.client.embeddings.create(body, { signal: exchange.signal }).withResponse();
      exchange.requestId = requestId;
      exchange.promptTokens = data.usage.prompt_tokens;
      return jsonResponse(data, requestId);
    }
  });
};

// dist/src/http/routes/models.js
var modelsRoutes = (app, context) => {
  route(app, "/models", {
    GET: async (c) => {
      const page = await context.client.models.list({ signal: c.get("exchange").signal });
      return jsonResponse({ object: page.object, data: page.data }, null);
    }
  });
  route(app, "/models/:id{.+}", {
    GET: async (c) => {
      const id = c.req.param("id") ?? "";
      c.get("exchange").model = id;
      return jsonResponse(await context.client.models.retrieve(id, { signal: c.get("exchange").signal }), null);
    }
  });
};

// dist/src/http/routes/responses.js
var responsesRoutes = (app, context) => {
  const { client } = context;
  route(app, "/responses", {
    POST: createRoute(context, {
      call: (body, options) => client.responses.create(body, options),
      noteResult: (exchange, response) => noteUsage2(exchange, response.usage),
      noteEvent: (exchange, event) => {
        if (event.type === "response.completed" || event.type === "response.incomplete")
          noteUsage2(exchange, event.response.usage);
      },
      framing: { eventName: (event) => event.type, done: false }
    })
  });
  route(app, "/responses/input_tokens", {
    POST: async (c) => {
      const exchange = c.get("exchange");
      const body = await readJsonBody(c.req.raw, context.maxBodyBytes);
      if (typeof body["model"] === "string")
        exchange.model = body["model"];
      const { data, request_id: requestId } = await client.responses.inputTokens.count(body, { signal: exchange.signal }).withResponse();
      exchange.requestId = requestId;
      exchange.promptTokens = data.input_tokens;
      return jsonResponse(data, requestId);
    }
  });
  route(app, "/responses/:id", {
    GET: async (c) => {
      if (c.req.query("stream") === "true") {
        throw httpError(400, "Streaming a stored response again (`stream=true`) is not supported; retrieve it without `stream`.", { code: "unsupported_parameter", param: "stream" });
      }
      const response = await client.responses.retrieve(c.req.param("id") ?? "", { include: c.req.queries("include[]") ?? [] });
      return jsonResponse(response, null);
    },
    DELETE: async (c) => jsonResponse(await client.responses.delete(c.req.param("id") ?? ""), null)
  });
  route(app, "/responses/:id/input_items", {
    GET: async (c) => {
      const query = {};
      const after = c.req.query("after");
      if (after !== void 0)
        query.after = after;
      const limit = c.req.query("limit");
      if (limit !== void 0)
        query.limit = Number(limit);
      const order = c.req.query("order");
      if (order !== void 0)
        query.order = order;
      return jsonResponse(await client.responses.inputItems.list(c.req.param("id") ?? "", query), null);
    }
  });
};
function noteUsage2(exchange, usage) {
  if (usage === void 0)
    return;
  exchange.promptTokens = usage.input_tokens;
  exchange.completionTokens = usage.output_tokens;
}

// dist/src/http/routes/index.js
var ROUTES = [chatRoutes, embeddingsRoutes, modelsRoutes, batchRoutes, responsesRoutes];

// dist/src/http/app.js
function createApp(context, settings, basePath) {
  const root = new Hono();
  root.notFound((c) => {
    const error = httpError(404, `Unknown path: ${c.req.method} ${c.req.path}. This server serves OpenAI's API under ${basePath || "/"}.`, {
      code: "unknown_url"
    });
    c.get("exchange")?.fail(error);
    return errorResponse(error, { retried: false });
  });
  root.onError((error, c) => {
    const exchange = c.get("exchange");
    const reported = exchange?.endSignal?.aborted === true ? exchange.endSignal.reason : error;
    exchange?.fail(reported);
    const allow = error.allow;
    return errorResponse(reported, { retried: context.retried && !isHttpLayerError(reported) && exchange?.endSignal?.aborted !== true }, typeof allow === "string" ? { allow } : void 0);
  });
  root.use("*", async (c, next) => {
    const exchange = createExchange(c.req.raw, c.req.method, c.req.path, settings);
    c.set("exchange", exchange);
    await next();
    if (!exchange.streaming)
      exchange.end({ status: c.res.status });
  });
  const app = basePath === "" ? root : root.basePath(basePath);
  for (const register of ROUTES)
    register(app, context);
  return root;
}
function createExchange(request, method, path, settings) {
  const started = performance.now();
  let signal = request.signal;
  let endSignal;
  let release;
  const { requestTimeoutMs, shutdownSignal, onExchange } = settings;
  if (requestTimeoutMs > 0 || shutdownSignal !== void 0) {
    const ender = new AbortController();
    const timer = requestTimeoutMs > 0 ? setTimeout(() => {
      ender.abort(httpError(504, `The request took longer than this server's per-request timeout (${requestTimeoutMs} ms).`, {
        code: "request_timeout",
        type: "timeout_error"
      }));
    }, requestTimeoutMs) : void 0;
    const onShutdown = () => ender.abort(shutdownError(shutdownSignal?.reason));
    if (shutdownSignal?.aborted === true)
      onShutdown();
    else
      shutdownSignal?.addEventListener("abort", onShutdown, { once: true });
    release = () => {
      clearTimeout(timer);
      shutdownSignal?.removeEventListener("abort", onShutdown);
    };
    endSignal = ender.signal;
    signal = AbortSignal.any([request.signal, endSignal]);
  }
  let ended = false;
  let failure;
  let failed = false;
  const exchange = {
    signal,
    endSignal,
    model: void 0,
    requestId: null,
    promptTokens: void 0,
    completionTokens: void 0,
    streaming: false,
    fail(error) {
      failed = true;
      failure = errorCode(toWireError(error, { retried: false }).body.error, false);
    },
    end(outcome) {
      if (ended)
        return;
      ended = true;
      release?.();
      onExchange?.({
        method,
        path,
        model: exchange.model,
        status: outcome.status ?? 200,
        ms: performance.now() - started,
        promptTokens: exchange.promptTokens,
        completionTokens: exchange.completionTokens,
        requestId: exchange.requestId,
        error: outcome.error ?? (failed ? failure : void 0),
        cancelled: outcome.cancelled ?? false
      });
    }
  };
  return exchange;
}
function shutdownError(reason) {
  if (reason instanceof Error && "status" in reason)
    return reason;
  return httpError(503, "The server is shutting down; retry the request.", { code: "server_shutting_down", type: "server_error" });
}
export {
  createApp
};
