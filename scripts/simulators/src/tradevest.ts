/**
 * A local Tradevest: an auth host (`POST /connect/token`, `POST /oauth2/token`: form body, client
 * credentials, `scope=tradevest.api`, 3600-second tokens) and an API host with a few operations.
 * The API host enforces the spec itself: a bearer token with the operation's scope, and every
 * required header parameter, so a call without `Requestor-ID` (where the spec requires it) gets
 * Tradevest's 400 `ErrorMessage`, and a Requestor-ID that is not a UUID too.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@org/codegen/load-spec";
import { readSecurityModel, resolveLocal, scopeAlternatives } from "@org/codegen/security-model";
import { bearerToken, matchPath, readBody, readJson, sendJson, startServer } from "./http-server.js";
import { isAuthorised } from "./spec-scopes.js";

export interface TradevestClientCredentials {
  clientId: string;
  clientSecret: string;
}

export interface TradevestSimulatorOptions {
  clients?: TradevestClientCredentials[];
  /** `expires_in` of issued tokens, in seconds. @default 3600 */
  tokenLifetime?: number;
}

/** One API request as the simulator saw it. */
export interface TradevestSimulatorRequest {
  /** `"METHOD /template"` of the spec operation (or the raw path when it is none). */
  operation: string;
  /** The `Requestor-ID` header, when sent. */
  requestorId: string | undefined;
  /** The status the simulator answered. */
  status: number;
}

export interface TradevestSimulator {
  /** The API host to give the client (`http://127.0.0.1:<port>`). */
  url: string;
  /** The auth host's token endpoint (another origin than `url`). */
  tokenUrl: string;
  /** What the simulator has seen. */
  stats: { tokenRequests: number; apiRequests: number };
  /** Every API request, in order. */
  requests: TradevestSimulatorRequest[];
  /** Operations (`"METHOD /template"`) whose spec requires the `Requestor-ID` header. */
  requestorIdOperations: ReadonlySet<string>;
  close(): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface OperationRule {
  scopes: string[][];
  /** Required header parameters: lowercased name → whether the schema says `format: uuid`. */
  requiredHeaders: Map<string, { name: string; uuid: boolean }>;
}

async function loadTradevestRules(): Promise<{ templates: Set<string>; rules: Map<string, OperationRule> }> {
  const path = fileURLToPath(new URL("../../../specs/tradevest/openapi.yaml", import.meta.url));
  const { document } = await loadSpec(path, { lint: false });
  const model = readSecurityModel(document);
  const paths = document.paths as Record<string, Record<string, { parameters?: unknown[] } | undefined>>;
  const rules = new Map<string, OperationRule>();
  for (const operation of model.operations) {
    const declared = [
      ...((paths[operation.path]?.parameters as unknown[] | undefined) ?? []),
      ...(paths[operation.path]?.[operation.method]?.parameters ?? []),
    ];
    const requiredHeaders = new Map<string, { name: string; uuid: boolean }>();
    for (const raw of declared) {
      const parameter = resolveLocal(document, raw) as {
        in?: string;
        name?: string;
        required?: boolean;
        schema?: { format?: string };
      };
      if (parameter.in !== "header" || parameter.required !== true || !parameter.name) continue;
      const schema = resolveLocal(document, parameter.schema) as { format?: string } | undefined;
      requiredHeaders.set(parameter.name.toLowerCase(), {
        name: parameter.name,
        uuid: schema?.format === "uuid",
      });
    }
    rules.set(operation.key, { scopes: scopeAlternatives(operation, model.schemes), requiredHeaders });
  }
  return { templates: new Set(model.operations.map((operation) => operation.path)), rules };
}

/** Tradevest's `ErrorMessage` envelope. */
function errorMessage(
  response: ServerResponse,
  status: number,
  message: string,
  details: Array<{ field: string; code: string; message: string }> = [],
): void {
  sendJson(response, status, {
    message,
    responseType: status === 400 ? "BAD_REQUEST" : status === 404 ? "NOT_FOUND" : "ERROR",
    requestId: randomUUID(),
    ...(details.length > 0 && {
      errorDetails: details.map(({ field, code, message: text }) => ({
        field,
        errors: [{ code, message: text }],
      })),
    }),
  });
}

/** Starts a Tradevest simulator (auth host and API host) on 127.0.0.1. */
export async function startTradevestSimulator(
  options: TradevestSimulatorOptions = {},
): Promise<TradevestSimulator> {
  const { templates, rules } = await loadTradevestRules();
  const clients = options.clients ?? [{ clientId: "demo-client", clientSecret: "demo-secret" }];
  const lifetime = options.tokenLifetime ?? 3600;
  const tokens = new Map<string, { scopes: Set<string>; expiresAt: number }>();
  const naturalPersons = new Map<string, Record<string, unknown>>();
  const externalIds = new Set<string>();
  const stats = { tokenRequests: 0, apiRequests: 0 };
  const requests: TradevestSimulatorRequest[] = [];

  async function issueToken(request: IncomingMessage, response: ServerResponse, path: string) {
    stats.tokenRequests++;
    if (!/^application\/x-www-form-urlencoded\b/.test(request.headers["content-type"] ?? "")) {
      return sendJson(response, 400, { error: "invalid_request" });
    }
    const form = Object.fromEntries(new URLSearchParams((await readBody(request)).toString("utf8")));
    if (form.grant_type !== "client_credentials")
      return sendJson(response, 400, { error: "unsupported_grant_type" });
    const client = clients.find(
      (c) => c.clientId === form.client_id && c.clientSecret === form.client_secret,
    );
    if (!client) return sendJson(response, 400, { error: "invalid_client" });
    // The guide's /connect/token takes scope=tradevest.api; the reference's /oauth2/token none.
    const scope = form.scope ?? (path === "/oauth2/token" ? "tradevest.api" : "");
    if (scope !== "tradevest.api") return sendJson(response, 400, { error: "invalid_scope" });
    const accessToken = randomUUID().replaceAll("-", "") + randomUUID().replaceAll("-", "");
    tokens.set(accessToken, { scopes: new Set([scope]), expiresAt: Date.now() + lifetime * 1000 });
    sendJson(response, 200, { access_token: accessToken, token_type: "Bearer", expires_in: lifetime });
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL) {
    const method = request.method ?? "GET";
    const route = matchPath(templates, url.pathname);
    const key = route ? `${method} ${route.template}` : `${method} ${url.pathname}`;
    const rule = rules.get(key);
    const requestorHeader = request.headers["requestor-id"];
    const entry: TradevestSimulatorRequest = {
      operation: key,
      requestorId: Array.isArray(requestorHeader) ? requestorHeader.join(",") : requestorHeader,
      status: 0,
    };
    requests.push(entry);
    response.on("finish", () => {
      entry.status = response.statusCode;
    });
    if (!route || !rule) return errorMessage(response, 404, "No such route.");
    stats.apiRequests++;
    const issued = tokens.get(bearerToken(request) ?? "");
    if (rule.scopes.length > 0 && (!issued || issued.expiresAt <= Date.now())) {
      response.writeHead(401, { "www-authenticate": 'Bearer error="invalid_token"', "content-length": 0 });
      response.end();
      return;
    }
    if (issued && !isAuthorised(rule.scopes, issued.scopes)) {
      return errorMessage(response, 403, "Insufficient scope.");
    }
    for (const [header, { name, uuid }] of rule.requiredHeaders) {
      const value = request.headers[header];
      if (typeof value !== "string" || value === "") {
        return errorMessage(response, 400, "Validation failed", [
          { field: name, code: "NotNull", message: `header ${name} is required` },
        ]);
      }
      if (uuid && !UUID.test(value)) {
        return errorMessage(response, 400, "Validation failed", [
          { field: name, code: "UUID", message: `header ${name} must be a UUID` },
        ]);
      }
    }

    switch (key) {
      case "GET /v2/partner-details":
        return sendJson(response, 200, {
          businessName: "Example Broker GmbH",
          globalId: "TVP000000001",
          address: {
            street: "Hauptstrasse",
            streetNumber: "12a",
            city: "Berlin",
            zip: "10115",
            country: "DE",
          },
          contact: { email: "ops@example.com" },
          createdOn: "2024-01-10T09:00:00Z",
          modifiedOn: "2024-06-01T12:00:00Z",
        });
      case "POST /entities/natural-persons": {
        const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
        const externalId = typeof body.externalId === "string" ? body.externalId : undefined;
        if (externalId !== undefined && externalIds.has(externalId)) {
          return errorMessage(response, 409, "externalId already used");
        }
        if (externalId !== undefined) externalIds.add(externalId);
        const naturalPersonId = randomUUID();
        naturalPersons.set(naturalPersonId, {
          ...body,
          naturalPersonId,
          naturalPersonStatus: "RECEIVED",
          createdOn: new Date().toISOString(),
          modifiedOn: new Date().toISOString(),
        });
        return sendJson(response, 200, { naturalPersonId });
      }
      case "GET /entities/natural-persons/{naturalPersonId}": {
        const person = naturalPersons.get(route?.params.naturalPersonId ?? "");
        if (!person) return errorMessage(response, 404, "Natural person not found.");
        return sendJson(response, 200, person);
      }
      case "GET /entities/natural-persons":
        return sendJson(response, 200, {
          data: [...naturalPersons.values()],
          pagination: { cursor: "", limit: Number(url.searchParams.get("limit") ?? 20) },
        });
      case "POST /digital/orders/market": {
        const body = ((await readJson(request)) ?? {}) as Record<string, unknown>;
        const externalId = typeof body.externalId === "string" ? body.externalId : undefined;
        if (externalId !== undefined && externalIds.has(externalId)) {
          return errorMessage(response, 409, "externalId already used");
        }
        if (externalId !== undefined) externalIds.add(externalId);
        return sendJson(response, 200, { orderId: randomUUID(), createdOn: new Date().toISOString() });
      }
      default:
        return errorMessage(response, 501, "Not simulated.");
    }
  }

  const auth = await startServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method === "POST" && (path === "/connect/token" || path === "/oauth2/token")) {
      return issueToken(request, response, path);
    }
    return sendJson(response, 404, { error: "not_found" });
  });
  const api = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    return handleApi(request, response, new URL(url.pathname + url.search, api.origin));
  });

  return {
    url: api.origin,
    tokenUrl: `${auth.origin}/connect/token`,
    stats,
    requests,
    requestorIdOperations: new Set(
      [...rules].filter(([, rule]) => rule.requiredHeaders.has("requestor-id")).map(([key]) => key),
    ),
    close: async () => {
      await Promise.all([api.close(), auth.close()]);
    },
  };
}
