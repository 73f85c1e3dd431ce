/**
 * Transport: one TCP port serving HTTP/1.1 (keep-alive) and cleartext HTTP/2 (prior knowledge, as the AWS SDK's
 * default `NodeHttp2Handler` speaks it). Each connection's first bytes are sniffed for the HTTP/2 preface
 * (bedrock-wire.md §2.4). Every socket is tracked so {@link TransportServer.close} ends them all, keep-alive ones
 * included, and test processes can exit.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

/** The request/response pair both HTTP versions hand to the handler (Node's compatibility API). */
export type IncomingRequest = http.IncomingMessage | http2.Http2ServerRequest;
export type OutgoingResponse = http.ServerResponse | http2.Http2ServerResponse;
export type RequestHandler = (request: IncomingRequest, response: OutgoingResponse) => void;

const HTTP2_PREFACE = 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n';

/** A listening transport. */
export interface TransportServer {
  port: number;
  close(): Promise<void>;
}

/** Starts the dual-protocol server on `host:port` (`port` 0 picks a free one). */
export async function startTransport(host: string, port: number, handler: RequestHandler): Promise<TransportServer> {
  const http1 = http.createServer({ keepAliveTimeout: 30_000 }, handler);
  const http2Server = http2.createServer({}, handler);
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  http2Server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  // Errors on individual connections (resets by the client) must not crash the process.
  http1.on('clientError', (_error, socket) => socket.destroy());
  http2Server.on('sessionError', () => undefined);

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.setNoDelay(true);
    let received = Buffer.alloc(0);
    const sniff = (): void => {
      let chunk: Buffer | null;
      while ((chunk = socket.read() as Buffer | null) !== null) received = Buffer.concat([received, chunk]);
      const prefix = received.toString('latin1', 0, Math.min(received.length, HTTP2_PREFACE.length));
      if (received.length < HTTP2_PREFACE.length && HTTP2_PREFACE.startsWith(prefix) && !socket.readableEnded) {
        return; // could still be the HTTP/2 preface: wait for more bytes
      }
      socket.off('readable', sniff);
      socket.unshift(received);
      (prefix === HTTP2_PREFACE ? http2Server : http1).emit('connection', socket);
    };
    socket.on('readable', sniff);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;

  let closing: Promise<void> | undefined;
  return {
    port: boundPort,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const session of sessions) session.destroy();
        for (const socket of sockets) socket.destroy();
        http1.closeAllConnections();
      });
      return closing;
    },
  };
}
