import { type FetchOptions, type FetchResponse, mergeHeaders } from "openapi-fetch";
import type { paths } from "../generated/schema.gen.js";
import type { BolPathsClient } from "../types.js";

/** bol's media types for downloads. */
export const BOL_MEDIA_TYPES = Object.freeze({
  json: "application/vnd.retailer.v10+json",
  csv: "application/vnd.retailer.v10+csv",
  pdf: "application/vnd.retailer.v10+pdf",
  xlsx: "application/vnd.retailer.v10+openxmlformats-officedocument.spreadsheetml.sheet",
} as const);

type CsvMedia = typeof BOL_MEDIA_TYPES.csv;
type PdfMedia = typeof BOL_MEDIA_TYPES.pdf;
type XlsxMedia = typeof BOL_MEDIA_TYPES.xlsx;
type AnyMedia = `${string}/${string}`;
type Method = "get" | "post";

/** The operation at `paths[P][M]`, or `never`. */
export type OperationAt<P, M extends Method> = P extends keyof paths
  ? M extends keyof paths[P]
    ? NonNullable<paths[P][M]>
    : never
  : never;

/** Whether an operation's 200 response declares `Media` (`false` for a missing operation). */
type Offers<Operation, Media extends string> = [Operation] extends [never]
  ? false
  : Operation extends { responses: { 200: { content: infer Content } } }
    ? Media extends keyof Content
      ? true
      : false
    : false;

/** The (path, method) pairs whose 200 response can be `Media`. */
type Downloads<Media extends string> = {
  [P in keyof paths]: Offers<OperationAt<P, "get">, Media> extends true
    ? { path: P; method: "get" }
    : Offers<OperationAt<P, "post">, Media> extends true
      ? { path: P; method: "post" }
      : never;
}[keyof paths];

/** Paths whose GET answers CSV (`application/vnd.retailer.v10+csv`): the offer export and unpublished-offer report. */
export type CsvPath = Downloads<CsvMedia>["path"];
/** Paths that answer a PDF: shipping labels, product labels (POST), load-carrier labels, pick lists, invoices. */
export type PdfPath = Downloads<PdfMedia>["path"];
/** Paths that answer an Excel sheet: the invoice specification. */
export type SpreadsheetPath = Downloads<XlsxMedia>["path"];

type MethodOf<Media extends string, P> = Extract<Downloads<Media>, { path: P }>["method"];

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** The request options of a download: openapi-fetch's, minus `parseAs` (the helper sets it). */
export type DownloadInit<Operation> = Omit<FetchOptions<Operation>, "parseAs">;

/** The init argument: required when the operation has a required parameter or body. */
export type DownloadArgs<Operation> =
  RequiredKeys<DownloadInit<Operation>> extends never
    ? [init?: DownloadInit<Operation>]
    : [init: DownloadInit<Operation>];

/** What a download resolves to: openapi-fetch's `{ data, error, response }` with `data` parsed as `ParseAs`. */
export type DownloadResult<Operation, ParseAs extends "text" | "arrayBuffer"> = FetchResponse<
  Operation & Record<string | number, unknown>,
  { parseAs: ParseAs },
  AnyMedia
>;

type Loose = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

function download(
  client: BolPathsClient,
  method: Method,
  path: string,
  accept: string,
  parseAs: "text" | "arrayBuffer",
  init: { headers?: unknown } | undefined,
): Promise<never> {
  const request = client.request as unknown as Loose;
  const headers = mergeHeaders(init?.headers as Parameters<typeof mergeHeaders>[0], { Accept: accept });
  return request(method.toUpperCase(), path, { ...init, headers, parseAs }) as Promise<never>;
}

const PDF_POST_PATHS: ReadonlySet<string> = new Set<PdfPath>(["/retailer/replenishments/product-labels"]);

/**
 * Downloads a CSV report (`GET`, `Accept: application/vnd.retailer.v10+csv`) as text.
 *
 * @param client - a bol client
 * @param path - `/retailer/offers/export/{report-id}` or `/retailer/offers/unpublished/{report-id}`
 * @param init - path parameters and request options, as for `client.GET`
 * @returns `{ data: string }` or `{ error, response }`
 * @example
 * ```ts
 * const { data: csv } = await downloadCsv(bol, "/retailer/offers/export/{report-id}", {
 *   params: { path: { "report-id": status.entityId! } },
 * });
 * ```
 */
export function downloadCsv<P extends CsvPath>(
  client: BolPathsClient,
  path: P,
  ...init: DownloadArgs<OperationAt<P, MethodOf<CsvMedia, P>>>
): Promise<DownloadResult<OperationAt<P, MethodOf<CsvMedia, P>>, "text">> {
  return download(client, "get", path, BOL_MEDIA_TYPES.csv, "text", init[0]);
}

/**
 * Downloads a PDF (`Accept: application/vnd.retailer.v10+pdf`) as bytes: a shipping label, load-carrier
 * labels, a pick list, an invoice (GET), or product labels (POST with a body).
 *
 * @param client - a bol client
 * @param path - a {@link PdfPath}
 * @param init - path parameters, body and request options, as for `client.GET` / `client.POST`
 * @returns `{ data: ArrayBuffer }` or `{ error, response }`
 * @example
 * ```ts
 * const { data: pdf, response } = await downloadPdf(bol, "/retailer/shipping-labels/{shipping-label-id}", {
 *   params: { path: { "shipping-label-id": labelId } },
 * });
 * const trackAndTrace = response.headers.get("X-Track-And-Trace-Code");
 * ```
 */
export function downloadPdf<P extends PdfPath>(
  client: BolPathsClient,
  path: P,
  ...init: DownloadArgs<OperationAt<P, MethodOf<PdfMedia, P>>>
): Promise<DownloadResult<OperationAt<P, MethodOf<PdfMedia, P>>, "arrayBuffer">> {
  const method = PDF_POST_PATHS.has(path) ? "post" : "get";
  return download(client, method, path, BOL_MEDIA_TYPES.pdf, "arrayBuffer", init[0]);
}

/**
 * Downloads an invoice specification as an Excel sheet (`Accept:
 * application/vnd.retailer.v10+openxmlformats-officedocument.spreadsheetml.sheet`) as bytes.
 *
 * @param client - a bol client
 * @param path - `/retailer/invoices/{invoice-id}/specification`
 * @param init - path and query parameters and request options, as for `client.GET`
 * @returns `{ data: ArrayBuffer }` or `{ error, response }`
 */
export function downloadSpreadsheet<P extends SpreadsheetPath>(
  client: BolPathsClient,
  path: P,
  ...init: DownloadArgs<OperationAt<P, MethodOf<XlsxMedia, P>>>
): Promise<DownloadResult<OperationAt<P, MethodOf<XlsxMedia, P>>, "arrayBuffer">> {
  return download(client, "get", path, BOL_MEDIA_TYPES.xlsx, "arrayBuffer", init[0]);
}
