/**
 * A local boltPay payment gateway (bolttech PGW): `POST /auth/token` (form body, client
 * credentials, the fixed scope string, 600-second JWT-shaped tokens that cannot be refreshed) and a
 * few payment, refund and recurring operations. Every call is checked against the spec's own scope
 * table, and against the spec's `amount` pattern (12 digits), which the generated types cannot
 * express.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, matchPath, readBody, readJson, sendJson, startServer } from "./http-server.js";
import { isAuthorised, loadSpecScopes } from "./spec-scopes.js";

export interface BoltPayClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface BoltPaySimulatorOptions {
  clients?: BoltPayClientCredentials[];
  /** `expires_in` of issued tokens, in seconds. @default 600 */
  tokenLifetime?: number;
  /** The simulator's clock (token expiry), in ms since the epoch. @default Date.now */
  now?: () => number;
}

export interface BoltPaySimulator {
  /** The merchant's gateway host to give the client (`http://127.0.0.1:<port>`). */
  url: string;
  /** The token endpoint (`<url>/auth/token`). */
  tokenUrl: string;
  /** What the simulator has seen. */
  stats: { tokenRequests: number; apiRequests: number };
  /** The access token of each API call, in order (to see which token a call carried). */
  bearerTokens: Array<string | undefined>;
  /**
   * Holds token responses until the returned function is called (the requests are counted on
   * arrival), to observe callers while a token request is in flight.
   */
  holdTokenResponses(): () => void;
  close(): Promise<void>;
}

/** The scope string boltPay's docs prescribe for `/auth/token`. */
export const BOLTPAY_FIXED_SCOPE = "openid accountId username roles permissions status entityUser";
const AMOUNT = /^[0-9]{12}$/;

/** A JWT-shaped (unsigned) token like boltPay's RS256 access token. */
function jwtLike(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.${randomBytes(24).toString("base64url")}`;
}

const objectId = () => randomBytes(12).toString("hex");

/** Starts a boltPay gateway simulator on 127.0.0.1. */
export async function startBoltPaySimulator(
  options: BoltPaySimulatorOptions = {},
): Promise<BoltPaySimulator> {
  const spec = await loadSpecScopes("boltpay");
  const clients = options.clients ?? [{ clientId: "demo-client", clientSecret: "demo-secret" }];
  const lifetime = options.tokenLifetime ?? 600;
  const now = options.now ?? Date.now;
  const tokens = new Map<string, { scopes: Set<string>; expiresAt: number }>();
  const payments = new Map<string, { amount: string; refunded: boolean; recurringId: string | undefined }>();
  const recurrings = new Map<string, Record<string, unknown>>();
  const stats = { tokenRequests: 0, apiRequests: 0 };
  const bearerTokens: Array<string | undefined> = [];
  let held: Promise<void> | undefined;

  async function issueToken(request: IncomingMessage, response: ServerResponse) {
    stats.tokenRequests++;
    if (held) await held;
    if (!/^application\/x-www-form-urlencoded\b/.test(request.headers["content-type"] ?? "")) {
      return sendJson(response, 400, { error: "invalid_request", error_description: "Form body required." });
    }
    const form = Object.fromEntries(new URLSearchParams((await readBody(request)).toString("utf8")));
    if (form.grant_type !== "client_credentials") {
      return sendJson(response, 400, { error: "unsupported_grant_type" });
    }
    const client = clients.find(
      (c) => c.clientId === form.client_id && c.clientSecret === form.client_secret,
    );
    if (!client) return sendJson(response, 401, { error: "invalid_client" });
    const requested = (form.scope ?? "").split(" ").filter(Boolean);
    if (requested.some((scope) => !spec.scopes.includes(scope))) {
      return sendJson(response, 400, { error: "invalid_scope" });
    }
    const issuedAt = Math.floor(now() / 1000);
    const accessToken = jwtLike({
      status: "active",
      jti: randomBytes(12).toString("base64url"),
      iat: issuedAt,
      exp: issuedAt + lifetime,
      scope: requested.join(" "),
      aud: objectId(),
    });
    tokens.set(accessToken, { scopes: new Set(requested), expiresAt: now() + lifetime * 1000 });
    sendJson(response, 200, {
      access_token: accessToken,
      expires_in: lifetime,
      token_type: "Bearer",
      scope: requested.join(" "),
    });
  }

  /** boltPay documents no error bodies; 400s carry a small made-up one, 401s none. */
  const badRequest = (response: ServerResponse, message: string) =>
    sendJson(response, 400, { success: false, message });

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? "GET";
    const route = matchPath(spec.templates, url.pathname);
    const key = route && `${method} ${route.template}`;
    const alternatives = key === undefined ? undefined : spec.operations.get(key);
    if (!route || !alternatives)
      return sendJson(response, 404, { success: false, message: "No such route." });
    stats.apiRequests++;
    const bearer = bearerToken(request);
    bearerTokens.push(bearer);
    const issued = bearer === undefined ? undefined : tokens.get(bearer);
    if (alternatives.length > 0 && (!issued || issued.expiresAt <= now())) {
      response.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-length": 0 });
      response.end();
      return;
    }
    if (issued && !isAuthorised(alternatives, issued.scopes)) {
      response.writeHead(403, {
        "www-authenticate": `Bearer error="insufficient_scope"`,
        "content-length": 0,
      });
      response.end();
      return;
    }
    switch (key) {
      case "POST /v1": {
        const body = ((await readJson(request)) ?? {}) as { amount?: unknown; recurring?: unknown };
        if (typeof body.amount !== "string" || !AMOUNT.test(body.amount)) {
          return badRequest(response, "amount must be a 12-digit, zero-padded string");
        }
        const paymentId = objectId();
        const recurringId = body.recurring === 1 ? objectId() : undefined;
        payments.set(paymentId, { amount: body.amount, refunded: false, recurringId });
        if (recurringId) {
          recurrings.set(recurringId, { _id: recurringId, status: "ACTIVE", payments: [paymentId], ...body });
        }
        return sendJson(response, 200, {
          paymentId,
          ...(recurringId && { recurringId }),
          status: "REQUESTED",
        });
      }
      case "POST /v1/refund/{paymentId}": {
        const payment = payments.get(route.params.paymentId ?? "");
        const body = (await readJson(request)) as { amount?: unknown } | undefined;
        if (body?.amount !== undefined && (typeof body.amount !== "string" || !AMOUNT.test(body.amount))) {
          return badRequest(response, "amount must be a 12-digit, zero-padded string");
        }
        if (!payment || payment.refunded) return sendJson(response, 200, { success: false });
        payment.refunded = body?.amount === undefined || body.amount === payment.amount;
        return sendJson(response, 200, { success: true });
      }
      case "GET /recurring": {
        const status = url.searchParams.get("status");
        return sendJson(
          response,
          200,
          [...recurrings.values()].filter((recurring) => !status || recurring.status === status),
        );
      }
      case "PATCH /recurring/inactive":
      case "PATCH /recurrin/active": {
        const status = key === "PATCH /recurrin/active" ? "ACTIVE" : "INACTIVE";
        const id = url.searchParams.get("_id");
        let modified = 0;
        for (const recurring of recurrings.values()) {
          if (id && recurring._id !== id) continue;
          recurring.status = status;
          modified++;
        }
        return sendJson(response, 200, { modified });
      }
      default:
        return sendJson(response, 501, { success: false, message: "Not simulated." });
    }
  }

  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "POST" && url.pathname === "/auth/token") return issueToken(request, response);
    return handleApi(request, response, new URL(url.pathname + url.search, server.origin));
  });

  return {
    url: server.origin,
    tokenUrl: `${server.origin}/auth/token`,
    stats,
    bearerTokens,
    holdTokenResponses() {
      let release!: () => void;
      held = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        held = undefined;
        release();
      };
    },
    close: () => server.close(),
  };
}
