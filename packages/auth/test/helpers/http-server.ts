import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** One request as it arrived on the wire. */
export interface RecordedRequest {
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Lowercased header names. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
  /** 1-based arrival number. */
  readonly n: number;
}

/** A canned answer. */
export type Reply =
  | {
      readonly status?: number;
      readonly json?: unknown;
      readonly body?: string;
      readonly headers?: Record<string, string>;
    }
  | { readonly hang: true }
  | { readonly reset: true };

/** Decides the reply to a request (may wait). */
export type Handler = (request: RecordedRequest) => Reply | Promise<Reply>;

/** A started server on 127.0.0.1 with an ephemeral port. */
export interface TestServer {
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Requests received so far. */
  count(): number;
  /** Replaces the handler. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * Starts a tiny `node:http` server on 127.0.0.1:0 that records every request (headers, query, body
 * bytes) and answers with the current handler.
 */
export async function startServer(initial: Handler): Promise<TestServer> {
  let handler = initial;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const recorded: RecordedRequest = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks),
        n: requests.length + 1,
      };
      requests.push(recorded);
      Promise.resolve(handler(recorded)).then(
        (reply) => send(req, res, reply),
        () => res.socket?.destroy(),
      );
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    count: () => requests.length,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(req: IncomingMessage, res: ServerResponse, reply: Reply): void {
  if ("hang" in reply) return;
  if ("reset" in reply) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string> = { ...reply.headers };
  let body = reply.body ?? "";
  if (reply.json !== undefined) {
    body = JSON.stringify(reply.json);
    headers["content-type"] ??= "application/json";
  }
  res.writeHead(reply.status ?? 200, headers);
  res.end(body);
}
