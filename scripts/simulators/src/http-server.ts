/** The small HTTP plumbing every simulator shares: a loopback server, bodies, JSON replies, routes. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface RunningServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** Starts `handler` on 127.0.0.1 on a free port. A handler that throws answers 500. */
export async function startServer(handler: Handler): Promise<RunningServer> {
  const server = createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      if (!response.headersSent)
        sendJson(response, 500, { error: "server_error", error_description: String(error) });
      else response.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses a JSON body; `undefined` when it is not JSON. */
export async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBody(request);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = "application/json",
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": contentType,
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  response.end(text);
}

/** The bearer token of a request, if it has one. */
export function bearerToken(request: IncomingMessage): string | undefined {
  const match = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? "");
  return match?.[1];
}

export interface RouteMatch {
  /** The template as the spec writes it, e.g. `/api/v1/declarations/{id}`. */
  template: string;
  params: Record<string, string>;
}

/** Matches a request path against OpenAPI path templates; literal segments beat parameters. */
export function matchPath(templates: Iterable<string>, path: string): RouteMatch | undefined {
  const segments = path.split("/");
  let best: { match: RouteMatch; literals: number } | undefined;
  for (const template of templates) {
    const parts = template.split("/");
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const matches = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      const param = /^\{(.+)\}$/.exec(part);
      if (param?.[1]) {
        params[param[1]] = decodeURIComponent(segment);
        return segment.length > 0;
      }
      literals++;
      return part === segment;
    });
    if (matches && (!best || literals > best.literals)) best = { match: { template, params }, literals };
  }
  return best?.match;
}
