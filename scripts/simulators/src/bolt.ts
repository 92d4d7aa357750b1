/**
 * A local Bolt (bolt.com): the v1 token endpoint in Bolt's style (form body, `X-API-Key` header,
 * `client_id` = publishable key, `client_secret` = API key, `scope` required, `state` checked when
 * the code was issued with one, single-use rotating refresh tokens, view-only refreshed tokens,
 * `refresh_token_scope`, 422 `invalid_grant`) and a few account operations. Every call is checked
 * against the spec itself: its AND-ed security requirements (`X-API-Key` plus a bearer token with the
 * right scope) and its required `X-Publishable-Key` header.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@org/codegen/load-spec";
import { readSecurityModel, resolveLocal, type SecurityRequirement } from "@org/codegen/security-model";
import {
  bearerToken,
  type Handler,
  matchPath,
  readBody,
  readJson,
  sendJson,
  startServer,
} from "./http-server.js";

export interface BoltSimulatorOptions {
  /** The merchant API key (`X-API-Key`, and `client_secret` at the token endpoint). @default "bolt-sim-api-key" */
  apiKey?: string;
  /** The publishable key (`X-Publishable-Key`, and `client_id`). @default "bolt-sim-publishable-key" */
  publishableKey?: string;
  /** `expires_in` of issued access tokens, in seconds. @default 3600 */
  tokenLifetime?: number;
  /** The simulator's clock, in ms since the epoch. @default Date.now */
  now?: () => number;
  /**
   * Serves `POST /v1/oauth/token` with this handler instead of the built-in one, after the
   * simulator's own `X-API-Key` check (e.g. an in-process oidc-provider's `callback()`).
   */
  tokenEndpoint?: Handler;
  /**
   * Looks up bearer tokens that the simulator did not issue itself (with `tokenEndpoint`): the
   * granted scopes, or `undefined` for an unknown, expired or revoked token.
   */
  verifyAccessToken?: (
    token: string,
  ) => Promise<readonly string[] | undefined> | readonly string[] | undefined;
}

/** One request as the simulator saw it, for assertions. */
export interface BoltSimulatorRequest {
  method: string;
  path: string;
  /** `"METHOD /template"` of the spec operation, when it is one. */
  operation: string | undefined;
  /** Which credentials came with it (presence only, never the values). */
  apiKey: boolean;
  publishableKey: boolean;
  authorization: boolean;
}

export interface BoltSimulator {
  /** The base URL to give the client (`http://127.0.0.1:<port>`). */
  url: string;
  /** The token endpoint. */
  tokenUrl: string;
  apiKey: string;
  publishableKey: string;
  /** What the simulator has seen. */
  stats: { tokenRequests: number; apiRequests: number };
  /** Every request, in order. */
  requests: BoltSimulatorRequest[];
  /**
   * An authorization code for a shopper, as Bolt's login modal hands it to the merchant front end.
   * Valid for 5 minutes, single-use.
   */
  issueAuthorizationCode(options?: { email?: string; scopes?: readonly string[]; state?: string }): string;
  /** The form parameters of the last token request (secrets replaced by `"[set]"`). */
  lastTokenRequest(): Record<string, string> | undefined;
  /** Forgets every issued access token (not refresh tokens), as a key rotation would. */
  revokeAllTokens(): void;
  close(): Promise<void>;
}

const FULL_SCOPES = ["bolt.account.manage", "bolt.account.view", "openid"];
const ACCESS_SCOPES = new Set(["bolt.account.manage", "bolt.account.view"]);
const CODE_LIFETIME_MS = 5 * 60_000;

interface Shopper {
  profile: { email: string; first_name: string; last_name: string; phone: string; name: string };
  addresses: Array<Record<string, unknown>>;
}

interface Issued {
  email: string;
  scopes: Set<string>;
  expiresAt: number;
}

interface OperationRule {
  security: readonly SecurityRequirement[];
  /** Header names (lowercased) the operation requires. */
  requiredHeaders: string[];
}

/** Reads every operation's security and required header parameters from `specs/bolt/openapi.yaml`. */
async function loadBoltRules(): Promise<{ templates: Set<string>; rules: Map<string, OperationRule> }> {
  const path = fileURLToPath(new URL("../../../specs/bolt/openapi.yaml", import.meta.url));
  const { document } = await loadSpec(path, { lint: false });
  const model = readSecurityModel(document);
  const rules = new Map<string, OperationRule>();
  const paths = document.paths as Record<string, Record<string, { parameters?: unknown[] }>>;
  for (const operation of model.operations) {
    const parameters = paths[operation.path]?.[operation.method]?.parameters ?? [];
    const requiredHeaders = parameters
      .map(
        (parameter) =>
          resolveLocal(document, parameter) as { in?: string; name?: string; required?: boolean },
      )
      .filter((parameter) => parameter.in === "header" && parameter.required === true)
      .map((parameter) => String(parameter.name).toLowerCase());
    rules.set(operation.key, { security: operation.security, requiredHeaders });
  }
  return { templates: new Set(model.operations.map((operation) => operation.path)), rules };
}

function v1Error(response: ServerResponse, status: number, code: number, message: string): void {
  sendJson(response, status, { errors: [{ code, message }], result: { success: false } });
}

function v3Error(response: ServerResponse, status: number, tag: string, message: string): void {
  sendJson(response, status, { ".tag": tag, message });
}

function oauthError(response: ServerResponse, status: number, error: string, description: string): void {
  sendJson(response, status, { error, error_description: description });
}

const token = (prefix: string) => `${prefix}_${randomBytes(18).toString("base64url")}`;

/** An unsigned stand-in for Bolt's RS256 `id_token` (header and claims as Bolt documents them). */
function idToken(shopper: Shopper, now: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = {
    iss: "http://api.bolt.com",
    email: shopper.profile.email,
    email_verified: true,
    first_name: shopper.profile.first_name,
    last_name: shopper.profile.last_name,
    phone_number: shopper.profile.phone,
    phone_number_verified: true,
    iat: Math.floor(now / 1000),
    exp: Math.floor(now / 1000) + 3600,
  };
  return `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.${randomBytes(16).toString("base64url")}`;
}

/** Starts a Bolt simulator on 127.0.0.1. */
export async function startBoltSimulator(options: BoltSimulatorOptions = {}): Promise<BoltSimulator> {
  const { templates, rules } = await loadBoltRules();
  const apiKey = options.apiKey ?? "bolt-sim-api-key";
  const publishableKey = options.publishableKey ?? "bolt-sim-publishable-key";
  const lifetime = options.tokenLifetime ?? 3600;
  const now = options.now ?? Date.now;
  const shoppers = new Map<string, Shopper>();
  const codes = new Map<string, Issued & { state: string | undefined; used: boolean }>();
  const accessTokens = new Map<string, Issued>();
  const refreshTokens = new Map<string, { email: string; used: boolean }>();
  const stats = { tokenRequests: 0, apiRequests: 0 };
  const requests: BoltSimulatorRequest[] = [];
  let lastTokenRequest: Record<string, string> | undefined;
  let shopperCount = 0;

  const addShopper = (email?: string): Shopper => {
    const existing = email === undefined ? undefined : shoppers.get(email);
    if (existing) return existing;
    shopperCount++;
    const address = email ?? `shopper${shopperCount}@example.com`;
    const shopper: Shopper = {
      profile: {
        email: address,
        first_name: "Alan",
        last_name: "Watts",
        name: "Alan Watts",
        phone: `+1212555${String(1000 + shopperCount).slice(-4)}`,
      },
      addresses: [],
    };
    shoppers.set(address, shopper);
    return shopper;
  };

  const issueCode = (email: string, scopes: readonly string[], state?: string): string => {
    const code = token("code");
    codes.set(code, {
      email,
      scopes: new Set(scopes),
      state,
      used: false,
      expiresAt: now() + CODE_LIFETIME_MS,
    });
    return code;
  };

  const tokenResponse = (email: string, scopes: Set<string>) => {
    const accessToken = token("at");
    const refreshToken = token("rt");
    const granted = new Set([...scopes].filter((scope) => ACCESS_SCOPES.has(scope)));
    accessTokens.set(accessToken, { email, scopes: granted, expiresAt: now() + lifetime * 1000 });
    refreshTokens.set(refreshToken, { email, used: false });
    const shopper = shoppers.get(email) ?? addShopper(email);
    return {
      access_token: accessToken,
      expires_in: lifetime,
      ...(scopes.has("openid") && { id_token: idToken(shopper, now()) }),
      refresh_token: refreshToken,
      refresh_token_scope: "bolt.account.view",
      scope: [...granted].join(" "),
      token_type: "bearer",
    };
  };

  async function issueToken(request: IncomingMessage, response: ServerResponse) {
    if (!/^application\/x-www-form-urlencoded\b/.test(request.headers["content-type"] ?? "")) {
      return oauthError(
        response,
        400,
        "invalid_request",
        "The body must be application/x-www-form-urlencoded.",
      );
    }
    const form = new URLSearchParams((await readBody(request)).toString("utf8"));
    const params = Object.fromEntries(form);
    lastTokenRequest = Object.fromEntries(
      Object.entries(params).map(([name, value]) => [
        name,
        ["client_secret", "code", "refresh_token"].includes(name) ? "[set]" : value,
      ]),
    );
    if (params.client_id !== publishableKey || params.client_secret !== apiKey) {
      return v1Error(response, 401, 1001, "Client authentication failed.");
    }
    const requested = (params.scope ?? "").split(" ").filter(Boolean);
    if (requested.length === 0 || requested.some((scope) => !FULL_SCOPES.includes(scope))) {
      return oauthError(
        response,
        400,
        "invalid_scope",
        "The request scope is invalid, unknown, or malformed.",
      );
    }
    if (params.grant_type === "authorization_code") {
      const code = params.code === undefined ? undefined : codes.get(params.code);
      if (!code || code.used || code.expiresAt <= now()) {
        return oauthError(
          response,
          422,
          "invalid_grant",
          "The authorization code is invalid, expired or used.",
        );
      }
      if (code.state !== undefined && params.state !== code.state) {
        return oauthError(response, 400, "invalid_request", "state must be included and match.");
      }
      if (requested.some((scope) => !code.scopes.has(scope))) {
        return oauthError(response, 400, "invalid_scope", "The code was not issued for this scope.");
      }
      code.used = true;
      return sendJson(response, 200, tokenResponse(code.email, new Set(requested)));
    }
    if (params.grant_type === "refresh_token") {
      const held = params.refresh_token === undefined ? undefined : refreshTokens.get(params.refresh_token);
      if (!held || held.used) {
        return oauthError(response, 422, "invalid_grant", "The refresh token is invalid, used or revoked.");
      }
      // A refreshed access token only carries bolt.account.view.
      if (requested.some((scope) => scope !== "bolt.account.view")) {
        return oauthError(response, 400, "invalid_scope", "A refresh token only grants bolt.account.view.");
      }
      held.used = true;
      return sendJson(response, 200, tokenResponse(held.email, new Set(requested)));
    }
    return oauthError(response, 403, "unsupported_grant_type", "The grant type is not supported.");
  }

  async function grantedScopes(bearer: string): Promise<Issued | undefined> {
    const issued = accessTokens.get(bearer);
    if (issued) return issued.expiresAt > now() ? issued : undefined;
    const scopes = await options.verifyAccessToken?.(bearer);
    return scopes && { email: "oidc-shopper@example.com", scopes: new Set(scopes), expiresAt: Infinity };
  }

  async function handleApi(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    entry: BoltSimulatorRequest,
  ) {
    const method = request.method ?? "GET";
    const route = matchPath(templates, url.pathname);
    const key = route && `${method} ${route.template}`;
    const rule = key === undefined ? undefined : rules.get(key);
    entry.operation = rule && key;
    if (!route || !rule) return v1Error(response, 404, 404, "No such route.");
    stats.apiRequests++;
    const v3 = url.pathname.startsWith("/v3/");
    const unauthorized = (message: string) =>
      v3 ? v3Error(response, 401, "unauthorized", message) : v1Error(response, 401, 1001, message);

    const missing = rule.requiredHeaders.find((name) => request.headers[name] === undefined);
    if (missing !== undefined) {
      return v3
        ? v3Error(response, 422, "unprocessable_request", `${missing} header is required.`)
        : v1Error(response, 422, 1002, `${missing} header is required.`);
    }
    const sentPublishable = request.headers["x-publishable-key"];
    if (sentPublishable !== undefined && sentPublishable !== publishableKey) {
      return unauthorized("Unknown publishable key.");
    }

    // Security: alternatives of AND-ed requirements; apiKey = X-API-Key, oauth2 = bearer + scopes.
    let shopper: Issued | undefined;
    if (rule.security.length > 0) {
      const bearer = bearerToken(request);
      const issued = bearer === undefined ? undefined : await grantedScopes(bearer);
      const keyOk = request.headers["x-api-key"] === apiKey;
      const satisfied = rule.security.find(
        (requirement) =>
          (requirement.apiKey === undefined || keyOk) &&
          (requirement.oauth2 === undefined ||
            (issued !== undefined && requirement.oauth2.every((scope) => issued.scopes.has(scope)))),
      );
      if (!satisfied) {
        const needsToken = rule.security.every((requirement) => requirement.oauth2 !== undefined);
        if (!keyOk) return unauthorized("Missing or invalid X-API-Key.");
        if (needsToken && issued === undefined) {
          response.setHeader("www-authenticate", 'Bearer error="invalid_token"');
          return unauthorized("Missing, invalid or expired access token.");
        }
        response.setHeader("www-authenticate", 'Bearer error="insufficient_scope"');
        return v3
          ? v3Error(response, 403, "forbidden", "The access token lacks the required scope.")
          : v1Error(response, 403, 1003, "The access token lacks the required scope.");
      }
      if (satisfied.oauth2 !== undefined) shopper = issued;
    }

    const account = shopper && (shoppers.get(shopper.email) ?? addShopper(shopper.email));
    switch (key) {
      case "GET /v1/account":
        return sendJson(response, 200, {
          has_bolt_account: true,
          profile: account?.profile,
          addresses: account?.addresses,
          payment_methods: [],
        });
      case "GET /v3/account": {
        const { email, first_name, last_name, phone } = account?.profile ?? {};
        return sendJson(response, 200, {
          profile: { email, first_name, last_name, phone },
          addresses: account?.addresses ?? [],
          payment_methods: [],
        });
      }
      case "PATCH /v1/account/profile": {
        const body = (await readJson(request)) as { first_name?: string; last_name?: string } | undefined;
        if (account) {
          account.profile.first_name = body?.first_name ?? account.profile.first_name;
          account.profile.last_name = body?.last_name ?? account.profile.last_name;
          account.profile.name = `${account.profile.first_name} ${account.profile.last_name}`;
        }
        return sendJson(response, 200, account?.profile ?? {});
      }
      case "POST /v1/account/addresses": {
        const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
        const { email, phone, ...rest } = body;
        const address = { id: token("addr"), ...rest, email_address: email, phone_number: phone };
        account?.addresses.push(address);
        return sendJson(response, 200, address);
      }
      case "POST /v1/account": {
        const body = (await readJson(request)) as { profile?: { email?: string } } | undefined;
        const email = body?.profile?.email;
        if (typeof email !== "string") return v1Error(response, 400, 1004, "profile.email is required.");
        const created = addShopper(email);
        return sendJson(response, 200, {
          has_bolt_account: true,
          profile: created.profile,
          addresses: [],
          payment_methods: [],
        });
      }
      case "GET /v1/account/exists": {
        const email = url.searchParams.get("email");
        if (!email && !url.searchParams.get("phone") && !url.searchParams.get("sha256_email")) {
          return v1Error(response, 422, 1005, "Send email, sha256_email or phone.");
        }
        return sendJson(response, 200, { has_bolt_account: email !== null && shoppers.has(email) });
      }
      case "POST /v1/testing/shopper/create": {
        const created = addShopper();
        return sendJson(response, 200, {
          email: created.profile.email,
          email_state: "verified",
          phone: created.profile.phone,
          phone_state: "verified",
          otp_code: "123456",
          will_deactivate_at: new Date(now() + 30 * 86_400_000).toISOString(),
          oauth_code: issueCode(created.profile.email, FULL_SCOPES),
        });
      }
      case "GET /v1/testing/card_token":
        return sendJson(response, 200, {
          token: token("card"),
          expiry: now() + 15 * 60_000,
          last4: "1004",
          bin: "411111",
          network: "visa",
        });
      default:
        return sendJson(response, 501, { errors: [{ code: 501, message: "Not simulated." }] });
    }
  }

  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const entry: BoltSimulatorRequest = {
      method: request.method ?? "GET",
      path: url.pathname,
      operation: undefined,
      apiKey: request.headers["x-api-key"] !== undefined,
      publishableKey: request.headers["x-publishable-key"] !== undefined,
      authorization: request.headers.authorization !== undefined,
    };
    requests.push(entry);
    if (request.method === "POST" && url.pathname === "/v1/oauth/token") {
      stats.tokenRequests++;
      entry.operation = "POST /v1/oauth/token";
      // help.bolt.com lists X-API-Key as required on the token endpoint.
      if (request.headers["x-api-key"] !== apiKey) {
        return v1Error(response, 401, 1001, "Missing or invalid X-API-Key.");
      }
      return options.tokenEndpoint ? options.tokenEndpoint(request, response) : issueToken(request, response);
    }
    return handleApi(request, response, new URL(url.pathname + url.search, server.origin), entry);
  });

  return {
    url: server.origin,
    tokenUrl: `${server.origin}/v1/oauth/token`,
    apiKey,
    publishableKey,
    stats,
    requests,
    issueAuthorizationCode({ email, scopes = FULL_SCOPES, state } = {}) {
      return issueCode(addShopper(email).profile.email, scopes, state);
    },
    lastTokenRequest: () => lastTokenRequest,
    revokeAllTokens() {
      accessTokens.clear();
    },
    close: () => server.close(),
  };
}
