/**
 * A local bol.com: the login server's token endpoint (client credentials with HTTP Basic and
 * `grant_type` in the query, 299-second tokens) and a few representative Retailer and Shared API
 * operations on production (`/retailer`, `/shared`) and demo (`/retailer-demo`, `/shared-demo`)
 * paths. Media types are checked against the spec itself: an `Accept` the spec does not declare for
 * the operation gets 406, a body of another type 415, as bol answers. Process statuses move from
 * PENDING to the outcome the test chooses; 429s with `Retry-After` come on demand.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@org/codegen/load-spec";
import { bearerToken, matchPath, readBody, sendJson, startServer } from "./http-server.js";

export interface BolRetailerCredentials {
  clientId: string;
  clientSecret: string;
}

export interface BolRetailerSimulatorOptions {
  /** Accepted credentials. @default [{ clientId: "bol-client", clientSecret: "bol-secret" }] */
  clients?: BolRetailerCredentials[];
  /** `expires_in` of issued tokens, in seconds. @default 299 */
  tokenLifetime?: number;
  /** How many open orders to seed (50 a page). @default 120 */
  orders?: number;
  /** How many polls of a new process status answer PENDING before it ends. @default 1 */
  processPolls?: number;
  /** `X-RateLimit-Limit` per one-second window. @default 25 */
  rateLimit?: number;
}

/** How a process status ends. */
export type BolProcessOutcome = "SUCCESS" | "FAILURE" | "TIMEOUT";

/** One API request the simulator answered (token requests are only counted). */
export interface BolRetailerRequest {
  method: string;
  /** The path as sent, e.g. `/retailer-demo/orders`. */
  path: string;
  /** The query string as sent (`?page=2&status=OPEN`), or `""`. */
  search: string;
  /** The spec's template, e.g. `/retailer/orders/{order-id}` (production form). */
  template: string;
  environment: "production" | "demo";
  accept: string | undefined;
  contentType: string | undefined;
  /** The request body as received (UTF-8), `""` for none. */
  body: string;
  /** Which issued token authorised it (1 for the first token issued), if any. */
  token: number | undefined;
  status: number;
}

export interface BolRetailerSimulator {
  /** The API base URL to give the client (`http://127.0.0.1:<port>`). */
  url: string;
  /** The token endpoint, on the same origin (`…/token`). */
  tokenUrl: string;
  /** What the simulator has seen. */
  stats: { tokenRequests: number; apiRequests: number };
  /** Every API request, in order. */
  requests: BolRetailerRequest[];
  /** The next process created ends with `outcome` (after `polls` PENDING answers). */
  nextProcessOutcome(outcome: BolProcessOutcome, options?: { errorMessage?: string; polls?: number }): void;
  /**
   * The next `count` authenticated API calls answer 429 with `Retry-After: retryAfter` (seconds;
   * `null` sends no `Retry-After`) and the X-RateLimit headers.
   */
  rateLimitNext(options?: { count?: number; retryAfter?: number | string | null }): void;
  /** Token responses wait until the returned function is called (requests are counted at once). */
  holdTokenRequests(): () => void;
  /** Forgets every issued token, as a key rotation would. */
  revokeAllTokens(): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

interface OperationMedia {
  accept: string[];
  body: string[];
}

interface IssuedToken {
  index: number;
  clientId: string;
  expiresAt: number;
}

interface Process {
  status: Json;
  outcome: BolProcessOutcome;
  pollsLeft: number;
  errorMessage: string | undefined;
  /** Whether the test chose the outcome (then the handler does not decide it). */
  planned: boolean;
  onSuccess?: () => void;
}

interface OrderItem {
  orderItemId: string;
  ean: string;
  fulfilmentStatus: "OPEN" | "HANDLED";
  quantity: number;
  quantityShipped: number;
}

interface Order {
  orderId: string;
  orderPlacedDateTime: string;
  items: OrderItem[];
}

const JSON_TYPE = "application/vnd.retailer.v10+json";
const CSV_TYPE = "application/vnd.retailer.v10+csv";
const PDF_TYPE = "application/vnd.retailer.v10+pdf";
const PAGE_SIZE = 50;
const METHODS = ["get", "put", "post", "delete", "patch"];

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deref(document: Json, value: unknown): Json | undefined {
  let current = value;
  while (isObject(current) && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  }
  return isObject(current) ? current : undefined;
}

/** Per `"METHOD /template"`: the success and request-body media types the spec declares. */
async function loadMediaTypes(): Promise<Map<string, OperationMedia>> {
  const path = fileURLToPath(new URL("../../../specs/bol-retailer/openapi.yaml", import.meta.url));
  const { document } = await loadSpec(path, { lint: false });
  const table = new Map<string, OperationMedia>();
  for (const [template, item] of Object.entries((document.paths ?? {}) as Json)) {
    if (!isObject(item)) continue;
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const accept = Object.entries(isObject(operation.responses) ? operation.responses : {})
        .filter(([status]) => status.startsWith("2"))
        .flatMap(([, response]) => Object.keys((deref(document, response)?.content as Json) ?? {}));
      const body = Object.keys((deref(document, operation.requestBody)?.content as Json) ?? {});
      table.set(`${method.toUpperCase()} ${template}`, { accept: [...new Set(accept)], body });
    }
  }
  return table;
}

function essence(value: string): string {
  return value.split(";")[0]?.trim().toLowerCase() ?? "";
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url");
}

/** A JWT-shaped token like bol's (unsigned: nothing checks the signature). */
function fakeJwt(clientId: string, lifetime: number): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ kid: "rsa1", alg: "RS256" }));
  const payload = base64url(
    JSON.stringify({
      sub: clientId,
      iss: "login.bol.com",
      scopes: "RETAILER",
      exp: now + lifetime,
      iat: now,
      jti: randomBytes(8).toString("hex"),
    }),
  );
  return `${header}.${payload}.${base64url(randomBytes(32))}`;
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}

/** The client id and secret of an HTTP Basic header, raw and form-decoded (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): Array<[string, string]> {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "");
  if (!match?.[1]) return [];
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return [];
  const id = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  return [
    [id, secret],
    [formDecode(id), formDecode(secret)],
  ];
}

function problem(status: number, title: string, detail: string, violations?: Json[]): Json {
  return {
    type: "https://api.bol.com/problems",
    title,
    status,
    detail,
    host: "Instance-001",
    ...(violations && { violations }),
  };
}

function seedOrders(count: number): Order[] {
  return Array.from({ length: count }, (_, i) => {
    const minute = String(i % 60).padStart(2, "0");
    return {
      orderId: String(1_043_900_000 + i),
      orderPlacedDateTime: `2026-05-14T09:${minute}:00+02:00`,
      items: [
        {
          orderItemId: String(6_042_800_000 + i),
          ean: ["0000007740404", "8712626055143", "8804269223123"][i % 3] as string,
          fulfilmentStatus: "OPEN",
          quantity: (i % 2) + 1,
          quantityShipped: 0,
        },
      ],
    };
  });
}

function reducedOrder(order: Order): Json {
  return {
    orderId: order.orderId,
    orderPlacedDateTime: order.orderPlacedDateTime,
    orderItems: order.items.map((item) => ({
      orderItemId: item.orderItemId,
      ean: item.ean,
      fulfilmentMethod: "FBR",
      fulfilmentStatus: item.fulfilmentStatus,
      quantity: item.quantity,
      quantityShipped: item.quantityShipped,
      quantityCancelled: 0,
      cancellationRequest: false,
      latestChangedDateTime: order.orderPlacedDateTime,
    })),
  };
}

function fullOrder(order: Order): Json {
  return {
    orderId: order.orderId,
    pickupPoint: false,
    orderPlacedDateTime: order.orderPlacedDateTime,
    shipmentDetails: {
      salutation: "FEMALE",
      firstName: "Anna",
      surname: "de Vries",
      streetName: "Papendorpseweg",
      houseNumber: "100",
      zipCode: "3528 BJ",
      city: "Utrecht",
      countryCode: "NL",
      email: "anna@example.invalid",
      language: "nl",
    },
    orderItems: order.items.map((item) => ({
      orderItemId: item.orderItemId,
      cancellationRequest: false,
      fulfilment: { method: "FBR", distributionParty: "RETAILER", timeFrameType: "REGULAR" },
      offer: { offerId: `offer-${item.ean}`, reference: null },
      product: { ean: item.ean, title: `Product ${item.ean}` },
      quantity: item.quantity,
      quantityShipped: item.quantityShipped,
      quantityCancelled: 0,
      unitPrice: 24.95,
      totalPrice: 24.95 * item.quantity,
      discounts: [],
      commission: 3.1,
      latestChangedDateTime: order.orderPlacedDateTime,
    })),
  };
}

/** A tiny, valid one-page PDF. */
function pdfBytes(title: string): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${title}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 210] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** Starts a bol Retailer API simulator on 127.0.0.1. */
export async function startBolRetailerSimulator(
  options: BolRetailerSimulatorOptions = {},
): Promise<BolRetailerSimulator> {
  const media = await loadMediaTypes();
  const templates = new Set([...media.keys()].map((key) => key.slice(key.indexOf(" ") + 1)));
  const clients = options.clients ?? [{ clientId: "bol-client", clientSecret: "bol-secret" }];
  const lifetime = options.tokenLifetime ?? 299;
  const defaultPolls = options.processPolls ?? 1;
  const limit = options.rateLimit ?? 25;
  const orders = seedOrders(options.orders ?? 120);
  const tokens = new Map<string, IssuedToken>();
  const processes = new Map<string, Process>();
  const exports = new Set<string>();
  const stats = { tokenRequests: 0, apiRequests: 0 };
  const requests: BolRetailerRequest[] = [];
  const outcomes: Array<{ outcome: BolProcessOutcome; errorMessage?: string; polls?: number }> = [];
  let issued = 0;
  let nextProcessId = 1;
  let rateLimited: { count: number; retryAfter: number | string | null } | undefined;
  let hold: Promise<void> | undefined;
  let window = { start: 0, count: 0 };

  function oauthError(response: ServerResponse, status: number, error: string, description: string) {
    sendJson(
      response,
      status,
      { error, error_description: description },
      {},
      "application/json;charset=UTF-8",
    );
  }

  async function issueToken(request: IncomingMessage, response: ServerResponse, url: URL) {
    stats.tokenRequests++;
    const body = await readBody(request);
    if (request.method !== "POST") {
      return oauthError(response, 405, "invalid_request", "Only POST is supported.");
    }
    const accept = request.headers.accept;
    if (accept !== undefined && !/application\/json|\*\/\*/.test(accept)) {
      return oauthError(response, 406, "invalid_request", "Only Accept: application/json is supported.");
    }
    if (body.length > 0) {
      return oauthError(
        response,
        400,
        "invalid_request",
        "No request body expected: send grant_type in the query and the client credentials as HTTP Basic.",
      );
    }
    const grantType = url.searchParams.get("grant_type");
    if (grantType === null) return oauthError(response, 400, "invalid_request", "Missing grant_type.");
    if (grantType !== "client_credentials") {
      return oauthError(response, 400, "unsupported_grant_type", `Unsupported grant type: ${grantType}`);
    }
    if (url.searchParams.has("client_id") || url.searchParams.has("client_secret")) {
      return oauthError(
        response,
        400,
        "invalid_request",
        "Client credentials belong in the Authorization header.",
      );
    }
    const client = basicCredentials(request.headers.authorization)
      .map(([id, secret]) => clients.find((c) => c.clientId === id && c.clientSecret === secret))
      .find((match) => match !== undefined)?.clientId;
    if (client === undefined) {
      response.setHeader("www-authenticate", 'Basic realm="login.bol.com"');
      return oauthError(response, 401, "invalid_client", "Bad client credentials");
    }
    if (hold) await hold;
    const accessToken = fakeJwt(client, lifetime);
    tokens.set(accessToken, { index: ++issued, clientId: client, expiresAt: Date.now() + lifetime * 1000 });
    sendJson(
      response,
      200,
      { access_token: accessToken, token_type: "Bearer", expires_in: lifetime, scope: "RETAILER" },
      {},
      "application/json;charset=UTF-8",
    );
  }

  function rateLimitHeaders(): Record<string, string> {
    const now = Date.now();
    if (now - window.start >= 1000) window = { start: now, count: 0 };
    window.count++;
    return {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.count)),
      "x-ratelimit-reset": "1",
    };
  }

  function newProcess(
    origin: string,
    demo: boolean,
    eventType: string,
    description: string,
    entityId: string,
  ) {
    const id = String(nextProcessId++);
    const planned = outcomes.shift();
    const status: Json = {
      processStatusId: id,
      entityId,
      eventType,
      description,
      status: "PENDING",
      errorMessage: null,
      createTimestamp: new Date().toISOString(),
      links: [
        {
          rel: "self",
          href: `${origin}/${demo ? "shared-demo" : "shared"}/process-status/${id}`,
          method: "GET",
        },
      ],
    };
    const process: Process = {
      status,
      outcome: planned?.outcome ?? "SUCCESS",
      pollsLeft: planned?.polls ?? defaultPolls,
      errorMessage: planned?.errorMessage,
      planned: planned !== undefined,
    };
    processes.set(id, process);
    return process;
  }

  function poll(process: Process): Json {
    if (process.status.status !== "PENDING") return process.status;
    if (process.pollsLeft > 0) {
      process.pollsLeft--;
      return process.status;
    }
    process.status.status = process.outcome;
    if (process.outcome === "FAILURE")
      process.status.errorMessage = process.errorMessage ?? "Processing failed.";
    if (process.outcome === "SUCCESS") process.onSuccess?.();
    return process.status;
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL, origin: string) {
    const method = request.method ?? "GET";
    const demo = /^\/(retailer|shared)-demo(\/|$)/.test(url.pathname);
    const path = demo ? url.pathname.replace(/^\/(retailer|shared)-demo/, "/$1") : url.pathname;
    const route = matchPath(templates, path);
    const declared = route && media.get(`${method} ${route.template}`);
    const body = await readBody(request);
    const record: BolRetailerRequest = {
      method,
      path: url.pathname,
      search: url.search,
      template: route?.template ?? path,
      environment: demo ? "demo" : "production",
      accept: request.headers.accept,
      contentType: request.headers["content-type"],
      body: body.toString("utf8"),
      token: undefined,
      status: 0,
    };
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      sendJson(response, status, payload, { ...rateLimitHeaders(), ...headers }, JSON_TYPE);
    };
    if (!route || !declared) {
      record.status = 404;
      requests.push(record);
      return sendJson(response, 404, problem(404, "Not Found", "No such resource."), {}, JSON_TYPE);
    }
    stats.apiRequests++;
    requests.push(record);

    const token = bearerToken(request);
    const issuedToken = token === undefined ? undefined : tokens.get(token);
    if (!issuedToken) return reply(401, problem(401, "Unauthorized", "A valid access token is required."));
    if (issuedToken.expiresAt <= Date.now()) {
      return reply(401, problem(401, "Expired JWT", "The access token has expired."));
    }
    record.token = issuedToken.index;

    if (rateLimited && rateLimited.count > 0) {
      rateLimited.count--;
      const retryAfter = rateLimited.retryAfter;
      const seconds = retryAfter === null ? "1" : String(retryAfter);
      const detail = `Too many requests, retry in ${seconds} seconds.`;
      record.status = 429;
      return sendJson(
        response,
        429,
        problem(429, "Too Many Requests", detail),
        {
          "x-ratelimit-limit": String(limit),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": seconds,
          ...(retryAfter !== null && { "retry-after": String(retryAfter) }),
        },
        JSON_TYPE,
      );
    }

    const accepted = (request.headers.accept ?? "").split(",").map(essence);
    if (!accepted.some((type) => declared.accept.includes(type))) {
      return reply(
        406,
        problem(406, "Not Acceptable", `Accept must be one of: ${declared.accept.join(", ")}.`),
      );
    }
    if (body.length > 0 && !declared.body.includes(essence(request.headers["content-type"] ?? ""))) {
      return reply(
        415,
        problem(415, "Unsupported Media Type", `Content-Type must be one of: ${declared.body.join(", ")}.`),
      );
    }
    let json: unknown;
    if (body.length > 0 && /json$/.test(essence(request.headers["content-type"] ?? ""))) {
      try {
        json = JSON.parse(body.toString("utf8"));
      } catch {
        return reply(400, problem(400, "Bad Request", "The request body is not valid JSON."));
      }
    }

    const params = route.params;
    switch (`${method} ${route.template}`) {
      case "GET /retailer/orders": {
        const page = Number(url.searchParams.get("page") ?? "1");
        const status = url.searchParams.get("status") ?? "OPEN";
        const violations: Json[] = [];
        if (!Number.isInteger(page) || page < 1)
          violations.push({ name: "page", reason: "Must be 1 or more." });
        if (!["OPEN", "SHIPPED", "ALL"].includes(status)) {
          violations.push({ name: "status", reason: "Must be one of OPEN, SHIPPED, ALL." });
        }
        if (violations.length > 0) {
          return reply(400, problem(400, "Bad Request", "Invalid query parameters.", violations));
        }
        const matching = orders.filter((order) =>
          order.items.some(
            (item) =>
              status === "ALL" ||
              (status === "OPEN" ? item.fulfilmentStatus === "OPEN" : item.fulfilmentStatus === "HANDLED"),
          ),
        );
        const slice = matching.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
        return reply(200, { orders: slice.map(reducedOrder) });
      }
      case "GET /retailer/orders/{order-id}": {
        const order = orders.find((o) => o.orderId === params["order-id"]);
        if (!order) return reply(404, problem(404, "Not Found", `Order ${params["order-id"]} not found.`));
        return reply(200, fullOrder(order));
      }
      case "POST /retailer/shipments": {
        const items = isObject(json) && Array.isArray(json.orderItems) ? json.orderItems : undefined;
        const ids = items?.map((item) => (isObject(item) ? item.orderItemId : undefined));
        if (
          !ids ||
          ids.length === 0 ||
          ids.length > 100 ||
          !ids.every((id) => typeof id === "string" && id)
        ) {
          return reply(
            400,
            problem(400, "Bad Request", "Invalid request body.", [
              { name: "orderItems", reason: "Must hold 1 to 100 items, each with an orderItemId." },
            ]),
          );
        }
        const wanted = ids as string[];
        const found = wanted.map((id) =>
          orders.flatMap((o) => o.items).find((item) => item.orderItemId === id),
        );
        const process = newProcess(
          origin,
          demo,
          "CREATE_SHIPMENT",
          `Ship order item ${wanted[0]}.`,
          wanted[0] as string,
        );
        const missing = wanted.find(
          (_, i) => found[i] === undefined || found[i]?.fulfilmentStatus !== "OPEN",
        );
        if (missing !== undefined && !process.planned) {
          process.outcome = "FAILURE";
          process.errorMessage = `Order item ${missing} is not open or does not exist.`;
        }
        process.onSuccess = () => {
          for (const item of found) {
            if (!item) continue;
            item.fulfilmentStatus = "HANDLED";
            item.quantityShipped = item.quantity;
          }
        };
        return reply(202, process.status);
      }
      case "GET /shared/process-status/{process-status-id}": {
        const process = processes.get(params["process-status-id"] ?? "");
        if (!process) {
          return reply(
            404,
            problem(404, "Not Found", `Process status ${params["process-status-id"]} not found.`),
          );
        }
        return reply(200, poll(process));
      }
      case "POST /shared/process-status": {
        const queries =
          isObject(json) && Array.isArray(json.processStatusQueries) ? json.processStatusQueries : [];
        if (queries.length < 1 || queries.length > 1000) {
          return reply(
            400,
            problem(400, "Bad Request", "Invalid request body.", [
              { name: "processStatusQueries", reason: "Must hold 1 to 1000 ids." },
            ]),
          );
        }
        const statuses = queries
          .map((query) => (isObject(query) ? processes.get(String(query.processStatusId)) : undefined))
          .filter((process): process is Process => process !== undefined)
          .map(poll);
        return reply(200, { processStatuses: statuses });
      }
      case "POST /retailer/offers/export": {
        if (!isObject(json) || json.format !== "CSV") {
          return reply(
            400,
            problem(400, "Bad Request", "Invalid request body.", [
              { name: "format", reason: "Must be CSV." },
            ]),
          );
        }
        const reportId = randomBytes(8).toString("hex");
        const process = newProcess(origin, demo, "CREATE_OFFER_EXPORT", "Create an offer export.", reportId);
        process.onSuccess = () => exports.add(reportId);
        return reply(202, process.status);
      }
      case "GET /retailer/offers/export/{report-id}": {
        if (!exports.has(params["report-id"] ?? "")) {
          return reply(404, problem(404, "Not Found", `Report ${params["report-id"]} not found.`));
        }
        const csv = [
          "offerId,ean,conditionName,conditionCategory,bundlePricesPrice,fulfilmentDeliveryCode,stockAmount,onHoldByRetailer,fulfilmentType,referenceCode",
          "13722de8-8182-d161-5422-4a0a1caab5c8,0000007740404,NEW,NEW,24.95,1-2d,12,false,FBR,SKU-001",
          "2f5d4c7e-1b3a-4e8a-9f00-6c1d2e3f4a5b,8712626055143,NEW,NEW,12.49,24uurs-20,3,false,FBR,SKU-002",
          "",
        ].join("\n");
        record.status = 200;
        response.writeHead(200, {
          ...rateLimitHeaders(),
          "content-type": demo ? "text/csv" : CSV_TYPE,
          "content-length": Buffer.byteLength(csv),
        });
        response.end(csv);
        return;
      }
      case "GET /retailer/shipping-labels/{shipping-label-id}": {
        if (demo) {
          return reply(404, problem(404, "Not Found", "The demo environment serves no PDF responses."));
        }
        const pdf = pdfBytes(`Shipping label ${params["shipping-label-id"]}`);
        record.status = 200;
        response.writeHead(200, {
          ...rateLimitHeaders(),
          "content-type": PDF_TYPE,
          "content-length": pdf.length,
          "x-track-and-trace-code": "3SBOL0987654321",
          "x-transporter-code": "TNT",
        });
        response.end(pdf);
        return;
      }
      default:
        return reply(501, problem(501, "Not Implemented", "The simulator does not serve this operation."));
    }
  }

  const server = await startServer(async (request, response) => {
    const url = new URL(request.url ?? "/", server.origin);
    if (url.pathname === "/token") return issueToken(request, response, url);
    return handleApi(request, response, url, server.origin);
  });

  return {
    url: server.origin,
    tokenUrl: `${server.origin}/token`,
    stats,
    requests,
    nextProcessOutcome(outcome, { errorMessage, polls } = {}) {
      outcomes.push({
        outcome,
        ...(errorMessage !== undefined && { errorMessage }),
        ...(polls !== undefined && { polls }),
      });
    },
    rateLimitNext({ count = 1, retryAfter = 1 } = {}) {
      rateLimited = { count, retryAfter };
    },
    holdTokenRequests() {
      let release!: () => void;
      hold = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => {
        hold = undefined;
        release();
      };
    },
    revokeAllTokens() {
      tokens.clear();
    },
    close: () => server.close(),
  };
}
