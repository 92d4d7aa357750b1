import type { Middleware } from "openapi-fetch";
import { BolError } from "../errors/bol-error.js";
import { BOL_ERROR_CODES } from "../errors/codes.js";
import { MEDIA_TYPES, type OperationMediaTypes } from "../generated/operations.gen.js";

/** The type openapi-fetch puts on every body unless told otherwise. */
const OPENAPI_FETCH_DEFAULT = "application/json";

const TABLE: Readonly<Record<string, OperationMediaTypes>> = MEDIA_TYPES;

/**
 * The media types the spec declares for an operation.
 *
 * @param method - the HTTP method (any case)
 * @param schemaPath - the spec's path template, e.g. `/retailer/orders/{order-id}`
 * @returns the table row, or `undefined` for an operation the spec does not have
 */
export function operationMediaTypes(method: string, schemaPath: string): OperationMediaTypes | undefined {
  return TABLE[`${method.toUpperCase()} ${schemaPath}`];
}

function essence(contentType: string | null): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

function isJson(type: string): boolean {
  return type === "application/json" || type.endsWith("+json");
}

function isText(type: string): boolean {
  return type.startsWith("text/") || type.endsWith("+csv") || type === "application/csv";
}

/**
 * An openapi-fetch middleware that sends bol's vendor media types, taken from the spec per
 * operation (`"METHOD /path"` in the generated `MEDIA_TYPES`), so callers never set them:
 *
 * - `Accept`: the first success media type the spec declares (`application/vnd.retailer.v10+json`,
 *   `+csv`, `+pdf`, …), unless the caller set `Accept` (e.g. the PDF of an invoice, whose JSON form
 *   is the default; the `download*` helpers do this for you).
 * - `Content-Type` on requests with a body: the spec's request media type. It replaces openapi-fetch's
 *   default `application/json`; any other type the caller set is kept. Multipart bodies keep the
 *   boundary `fetch` gives them.
 * - A successful response that is not JSON while the call parses JSON (openapi-fetch's default
 *   `parseAs`): text (CSV) is handed over as the string the types promise; a binary body (PDF,
 *   Excel) fails with `BOL_BINARY_BODY`, naming the fix (`parseAs: "arrayBuffer"`, `downloadPdf()`).
 *
 * @returns a plain `{ onRequest, onResponse }` object for `client.use()`
 */
export function mediaTypeMiddleware(): Middleware {
  return Object.freeze({
    onRequest({ request, schemaPath }) {
      const row = operationMediaTypes(request.method, schemaPath);
      if (row === undefined) return undefined;
      const headers = request.headers;
      const [accept] = row.accept;
      if (accept !== undefined && !headers.has("accept")) headers.set("accept", accept);
      const contentType = row.contentType;
      if (request.body !== null && contentType !== undefined && !contentType.startsWith("multipart/")) {
        const current = headers.get("content-type");
        if (current === null || essence(current) === OPENAPI_FETCH_DEFAULT) {
          headers.set("content-type", contentType);
        }
      }
      return undefined;
    },
    async onResponse({ request, response, schemaPath, options }) {
      if (!response.ok || options.parseAs !== "json" || response.status === 204) return undefined;
      if (request.method === "HEAD" || response.headers.get("content-length") === "0") return undefined;
      const type = essence(response.headers.get("content-type"));
      if (type === "" || isJson(type)) return undefined;
      if (isText(type)) {
        const headers = new Headers(response.headers);
        headers.set("content-type", "application/json");
        headers.delete("content-length");
        return new Response(JSON.stringify(await response.text()), {
          status: response.status,
          statusText: response.statusText,
          headers,
        });
      }
      await response.body?.cancel().catch(() => undefined);
      throw new BolError(
        `${request.method} ${schemaPath} answered ${type}, which is not JSON: pass parseAs: "arrayBuffer" ` +
          `(or "blob", "stream"), or use downloadPdf()/downloadSpreadsheet()`,
        { code: BOL_ERROR_CODES.BINARY_BODY },
      );
    },
  } satisfies Middleware);
}
