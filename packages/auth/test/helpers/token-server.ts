import {
  type Handler,
  type RecordedRequest,
  type Reply,
  startServer,
  type TestServer,
} from "./http-server.js";

/** Parsed OAuth parameters of a recorded token request, whatever the style. */
export function paramsOf(request: RecordedRequest): Record<string, string> {
  const out: Record<string, string> = Object.fromEntries(request.query);
  const type = String(request.headers["content-type"] ?? "");
  const text = request.body.toString("utf8");
  if (type.startsWith("application/json") && text !== "") Object.assign(out, JSON.parse(text));
  else if (text !== "") Object.assign(out, Object.fromEntries(new URLSearchParams(text)));
  return out;
}

/** Client id and secret from a Basic header, decoded the RFC 6749 way (form-urldecoded). */
export function basicCredentialsOf(request: RecordedRequest): { id: string; secret: string } | undefined {
  const header = String(request.headers.authorization ?? "");
  if (!header.startsWith("Basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const unform = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
  return { id: unform(decoded.slice(0, colon)), secret: unform(decoded.slice(colon + 1)) };
}

/** Options of {@link startTokenServer}. */
export interface TokenServerOptions {
  /** `expires_in` of issued tokens (`null` omits it). */
  expiresIn?: number | string | null;
  /** Path of the token endpoint. */
  path?: string;
}

/** A token server: answers every request with a fresh token `tok-<n>` unless told otherwise. */
export interface TokenServer extends TestServer {
  readonly tokenUrl: string;
  /** Issued tokens, in order. */
  readonly issued: string[];
  /** The default token reply for a request. */
  tokenReply(request: RecordedRequest, extra?: Record<string, unknown>): Reply;
  /** Answers the next requests with these replies, then goes back to issuing tokens. */
  queue(...replies: Reply[]): void;
  /** Holds every token response until the returned function is called. */
  gate(): () => void;
  /** Releases a held gate and forgets queued replies (call between tests). */
  reset(): void;
}

/**
 * Starts a configurable token endpoint on 127.0.0.1: counts and records requests, issues `tok-<n>`
 * tokens, and can be told to answer anything (`queue`) or hold responses (`gate`).
 */
export async function startTokenServer(options: TokenServerOptions = {}): Promise<TokenServer> {
  const issued: string[] = [];
  const queued: Reply[] = [];
  let gatePromise: Promise<void> | undefined;
  let releaseGate: (() => void) | undefined;
  const expiresIn = options.expiresIn === undefined ? 3600 : options.expiresIn;
  const tokenReply = (request: RecordedRequest, extra: Record<string, unknown> = {}): Reply => {
    const token = `tok-${request.n}`;
    issued.push(token);
    const json: Record<string, unknown> = { access_token: token, token_type: "Bearer", ...extra };
    if (expiresIn !== null) json.expires_in = expiresIn;
    const scope = paramsOf(request).scope;
    if (scope !== undefined) json.scope = scope;
    return { json };
  };
  const handler: Handler = async (request) => {
    const next = queued.shift();
    if (gatePromise) await gatePromise;
    return next ?? tokenReply(request);
  };
  const server = await startServer(handler);
  return Object.assign(server, {
    tokenUrl: `${server.origin}${options.path ?? "/oauth/token"}`,
    issued,
    tokenReply,
    queue(...replies: Reply[]) {
      queued.push(...replies);
    },
    gate() {
      let release!: () => void;
      gatePromise = new Promise<void>((resolve) => {
        release = resolve;
      });
      releaseGate = () => {
        gatePromise = undefined;
        release();
      };
      return releaseGate;
    },
    reset() {
      releaseGate?.();
      releaseGate = undefined;
      queued.length = 0;
      server.requests.length = 0;
    },
  });
}
