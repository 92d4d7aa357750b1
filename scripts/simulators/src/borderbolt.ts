/**
 * A local Borderbolt: the OAuth endpoints (JSON-body client credentials, tokeninfo, revoke) and a
 * few representative API operations. Every `/api/v1` call is checked against the spec's own scope
 * table, so a token without the right scope gets the 403 a real server would give.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { bearerToken, matchPath, readJson, sendJson, startServer } from "./http-server.js";
import { isAuthorised, loadSpecScopes } from "./spec-scopes.js";

export interface BorderboltClientCredentials {
  clientId: string;
  clientSecret: string;
  /** Scopes this credential may be issued; all of the spec's when omitted. */
  scopes?: string[];
}

export interface BorderboltSimulatorOptions {
  clients?: BorderboltClientCredentials[];
  /** `expires_in` of issued tokens, in seconds. @default 3600 */
  tokenLifetime?: number;
  /** Whether token responses say which scopes were granted (`scope`). @default true */
  reportGrantedScope?: boolean;
}

interface IssuedToken {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
}

interface Declaration {
  id: number;
  reference: string;
  mrn: string | null;
  status: string;
  workflow: "import" | "export" | "transit";
  declaration_type: string;
  customer_code: string;
  customer_name: string;
  total_items: number;
  currency: string;
  created_at: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface BorderboltSimulator {
  /** The base URL to give the client (`http://127.0.0.1:<port>`). */
  url: string;
  /** The token endpoint. */
  tokenUrl: string;
  /** What the simulator has seen. */
  stats: { tokenRequests: number; apiRequests: number };
  /** The next `count` API calls (not token requests) answer `status` with these headers. */
  failNext(status: number, options?: { count?: number; headers?: Record<string, string> }): void;
  /** Forgets every issued token, as a server restart or key rotation would. */
  revokeAllTokens(): void;
  close(): Promise<void>;
}

const TIMESTAMP = "2026-03-25T10:30:00.000000Z";

function seedDeclarations(): Declaration[] {
  const statuses = ["DRF", "NEW", "ACC", "REJ", "REL"];
  return Array.from({ length: 60 }, (_, i) => ({
    id: 1000 + i,
    reference: `IMP-2026-${String(i + 1).padStart(3, "0")}`,
    mrn: i % 5 === 0 ? null : `26NL${String(123456789012345 + i)}`,
    status: statuses[i % statuses.length] as string,
    workflow: i % 3 === 2 ? "export" : "import",
    declaration_type: "H1",
    customer_code: `CUST${String((i % 4) + 1).padStart(3, "0")}`,
    customer_name: "Example B.V.",
    total_items: (i % 7) + 1,
    currency: "EUR",
    created_at: TIMESTAMP,
    updated_at: TIMESTAMP,
    submitted_at: i % 5 === 0 ? null : TIMESTAMP,
  }));
}

function oauthError(response: ServerResponse, status: number, error: string, description: string): void {
  sendJson(response, status, { error, error_description: description, message: description });
}

/** Starts a Borderbolt simulator on 127.0.0.1. */
export async function startBorderboltSimulator(
  options: BorderboltSimulatorOptions = {},
): Promise<BorderboltSimulator> {
  const spec = await loadSpecScopes("borderbolt");
  const clients = options.clients ?? [{ clientId: "demo-client", clientSecret: "demo-secret" }];
  const lifetime = options.tokenLifetime ?? 3600;
  const tokens = new Map<string, IssuedToken>();
  const declarations = seedDeclarations();
  const stats = { tokenRequests: 0, apiRequests: 0 };
  let failures: { status: number; count: number; headers: Record<string, string> } | undefined;

  async function issueToken(request: IncomingMessage, response: ServerResponse) {
    stats.tokenRequests++;
    if (!/^application\/json\b/.test(request.headers["content-type"] ?? "")) {
      return oauthError(response, 400, "invalid_request", "The request body must be JSON.");
    }
    const body = (await readJson(request)) as Record<string, unknown> | undefined;
    if (body?.grant_type !== "client_credentials") {
      return oauthError(
        response,
        400,
        "unsupported_grant_type",
        "The authorization grant type is not supported.",
      );
    }
    const client = clients.find(
      (c) => c.clientId === body.client_id && c.clientSecret === body.client_secret,
    );
    if (!client) return oauthError(response, 401, "invalid_client", "Client authentication failed");
    const allowed = new Set(client.scopes ?? spec.scopes);
    const requested =
      typeof body.scope === "string" && body.scope.trim() ? body.scope.trim().split(/\s+/) : [...allowed];
    if (requested.some((scope) => !allowed.has(scope))) {
      return oauthError(
        response,
        400,
        "invalid_scope",
        "The requested scope is invalid, unknown, or malformed",
      );
    }
    const accessToken = randomBytes(24).toString("base64url");
    tokens.set(accessToken, {
      clientId: client.clientId,
      scopes: new Set(requested),
      expiresAt: Date.now() + lifetime * 1000,
    });
    sendJson(response, 200, {
      token_type: "Bearer",
      expires_in: lifetime,
      access_token: accessToken,
      ...(options.reportGrantedScope !== false && { scope: requested.join(" ") }),
    });
  }

  function authenticate(request: IncomingMessage, response: ServerResponse): IssuedToken | undefined {
    const token = bearerToken(request);
    const issued = token === undefined ? undefined : tokens.get(token);
    if (!issued || issued.expiresAt <= Date.now()) {
      response.setHeader("www-authenticate", 'Bearer error="invalid_token"');
      oauthError(response, 401, "invalid_token", "The access token is invalid, expired or revoked.");
      return undefined;
    }
    return issued;
  }

  function listDeclarations(url: URL, response: ServerResponse) {
    const status = url.searchParams.get("status");
    const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 25), 100);
    const page = Math.max(Number(url.searchParams.get("page") ?? 1), 1);
    const matching = declarations.filter((d) => !status || d.status === status);
    const lastPage = Math.max(Math.ceil(matching.length / perPage), 1);
    const from = (page - 1) * perPage;
    const data = matching.slice(from, from + perPage);
    const pageUrl = (n: number) => `${url.origin}${url.pathname}?page=${n}`;
    sendJson(response, 200, {
      data,
      links: {
        first: pageUrl(1),
        last: pageUrl(lastPage),
        prev: page > 1 ? pageUrl(page - 1) : null,
        next: page < lastPage ? pageUrl(page + 1) : null,
      },
      meta: {
        current_page: page,
        from: data.length ? from + 1 : null,
        last_page: lastPage,
        per_page: perPage,
        to: data.length ? from + data.length : null,
        total: matching.length,
      },
    });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? "GET";
    const route = matchPath(spec.templates, url.pathname);
    const alternatives = route && spec.operations.get(`${method} ${route.template}`);
    if (!route || !alternatives)
      return sendJson(response, 404, { error: "not_found", error_description: "No such route." });
    stats.apiRequests++;
    const issued = alternatives.length > 0 ? authenticate(request, response) : undefined;
    if (alternatives.length > 0 && !issued) return;
    if (failures && failures.count > 0) {
      failures.count--;
      return sendJson(
        response,
        failures.status,
        { error: "simulated", error_description: "Simulated failure." },
        failures.headers,
      );
    }
    if (issued && !isAuthorised(alternatives, issued.scopes)) {
      const needed = alternatives.map((set) => set.join(" ")).join(" | ");
      response.setHeader("www-authenticate", `Bearer error="insufficient_scope", scope="${needed}"`);
      return oauthError(response, 403, "insufficient_scope", `This action requires the scope: ${needed}`);
    }
    const id = Number(route.params.id);
    const declaration = declarations.find((d) => d.id === id);
    switch (`${method} ${route.template}`) {
      case "GET /oauth/tokeninfo":
        return sendJson(response, 200, {
          client_id: issued?.clientId,
          scopes: [...(issued?.scopes ?? [])],
          expires_at: new Date(issued?.expiresAt ?? 0).toISOString(),
        });
      case "POST /oauth/revoke": {
        const body = (await readJson(request)) as { token?: unknown } | undefined;
        if (typeof body?.token !== "string")
          return oauthError(response, 400, "invalid_request", "token is required");
        tokens.delete(body.token);
        return sendJson(response, 200, {});
      }
      case "GET /api/v1/declarations":
        return listDeclarations(url, response);
      case "GET /api/v1/declarations/{id}":
        if (!declaration) return oauthError(response, 404, "not_found", "Declaration not found.");
        return sendJson(response, 200, { data: { ...declaration, lines: [] } });
      case "POST /api/v1/declarations/{id}/submit":
        if (!declaration) return oauthError(response, 404, "not_found", "Declaration not found.");
        if (declaration.status !== "DRF") {
          return oauthError(response, 422, "already_sent", "Only draft (DRF) declarations can be submitted.");
        }
        declaration.status = "NEW";
        declaration.submitted_at = new Date().toISOString();
        return sendJson(response, 200, {
          id: declaration.id,
          reference: declaration.reference,
          status: declaration.status,
          submitted_at: declaration.submitted_at,
          message: "Declaration submitted successfully to customs",
        });
      default:
        return sendJson(response, 501, {
          error: "not_implemented",
          error_description: "The simulator does not serve this operation.",
        });
    }
  }

  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (request.method === "POST" && url.pathname === "/oauth/token") return issueToken(request, response);
    return handleApi(request, response, new URL(url.pathname + url.search, server.origin));
  });

  return {
    url: server.origin,
    tokenUrl: `${server.origin}/oauth/token`,
    stats,
    failNext(status, { count = 1, headers = {} } = {}) {
      failures = { status, count, headers };
    },
    revokeAllTokens() {
      tokens.clear();
    },
    close: () => server.close(),
  };
}
