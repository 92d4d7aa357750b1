import { type RecordedRequest, startServer, type TestServer } from "./http-server.js";

/** An API server that accepts only the tokens it is told are valid. */
export interface ApiServer extends TestServer {
  /** Tokens that get 200; any other bearer gets 401. */
  readonly valid: Set<string>;
  /** Bearer token of a recorded request. */
  bearerOf(request: RecordedRequest): string | undefined;
}

/**
 * Starts an API on 127.0.0.1 that checks `Authorization: Bearer`: 200 with `{ ok, path, body }` for
 * a valid token, 401 `invalid_token` otherwise. `/redirect` answers a 302 to `location` query.
 */
export async function startApiServer(): Promise<ApiServer> {
  const valid = new Set<string>();
  const bearerOf = (request: RecordedRequest): string | undefined => {
    const header = String(request.headers.authorization ?? "");
    return header.startsWith("Bearer ") ? header.slice(7) : undefined;
  };
  const server = await startServer((request) => {
    if (request.path === "/redirect") {
      return { status: 302, headers: { location: request.query.get("to") ?? "/" } };
    }
    const token = bearerOf(request);
    if (token === undefined || !valid.has(token)) {
      return { status: 401, json: { error: "invalid_token", error_description: "Unauthenticated." } };
    }
    return { json: { ok: true, path: request.path, body: request.body.toString("utf8") } };
  });
  return Object.assign(server, { valid, bearerOf });
}
