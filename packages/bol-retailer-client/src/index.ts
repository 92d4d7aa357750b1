/**
 * `@org/bol-retailer-client`: bol.com's Retailer API v10 and the Shared API process status as a
 * typed openapi-fetch client, with OAuth client-credentials tokens from `@org/auth` (HTTP Basic,
 * `grant_type` in the query, 299 s tokens), bol's vendor media types per operation, process-status
 * polling, rate-limit handling and pagination.
 *
 * @packageDocumentation
 */

export type { BolRetailerClient, BolRetailerClientOptions } from "./create-client.js";
export { createBolRetailerClient } from "./create-client.js";
export type { BolEnvironment } from "./environment/demo-paths.js";
export { BOL_ENVIRONMENTS, toDemoPath } from "./environment/demo-paths.js";
export { BolAbortError } from "./errors/bol-abort-error.js";
export { BolApiError } from "./errors/bol-api-error.js";
export type { BolErrorOptions } from "./errors/bol-error.js";
export { BolError } from "./errors/bol-error.js";
export type { BolErrorCode } from "./errors/codes.js";
export { BOL_ERROR_CODES } from "./errors/codes.js";
export { ProcessFailedError, ProcessTimeoutError } from "./errors/process-errors.js";
export { isBolError } from "./errors/type-guards.js";
export type { OperationKey } from "./generated/auth.gen.js";
export { OPERATION_SCOPES, SECURITY_SCHEMES, SERVERS, TOKEN_URLS } from "./generated/auth.gen.js";
export type { MediaTypeKey, OperationMediaTypes } from "./generated/operations.gen.js";
export { LIST_OPERATIONS, MEDIA_TYPES, OPERATION_IDS } from "./generated/operations.gen.js";
export type { components, operations, paths, webhooks } from "./generated/schema.gen.js";
export type {
  CsvPath,
  DownloadArgs,
  DownloadInit,
  DownloadResult,
  OperationAt,
  PdfPath,
  SpreadsheetPath,
} from "./media-types/downloads.js";
export { BOL_MEDIA_TYPES, downloadCsv, downloadPdf, downloadSpreadsheet } from "./media-types/downloads.js";
export { mediaTypeMiddleware, operationMediaTypes } from "./media-types/media-type-middleware.js";
export type {
  ListInit,
  ListItem,
  ListOperation,
  ListPath,
  Page,
  PaginateArgs,
  PaginateOptions,
} from "./pagination/paginate.js";
export { paginate, paginatePages } from "./pagination/paginate.js";
export type { GetProcessStatusesOptions } from "./process-status/get-process-statuses.js";
export { BULK_PROCESS_STATUS_LIMIT, getProcessStatuses } from "./process-status/get-process-statuses.js";
export type { ProcessPollEvent, WaitForProcessOptions } from "./process-status/wait-for-process.js";
export { waitForProcess } from "./process-status/wait-for-process.js";
export type { RateLimitInfo } from "./rate-limit/rate-limit-info.js";
export { rateLimitInfo } from "./rate-limit/rate-limit-info.js";
export type { RateLimitRetryEvent, RateLimitRetryOptions } from "./rate-limit/retry-middleware.js";
export { IDEMPOTENT_METHODS, rateLimitRetry } from "./rate-limit/retry-middleware.js";
export type {
  BolPathsClient,
  Problem,
  ProcessStatus,
  ProcessStatusValue,
  SucceededProcessStatus,
} from "./types.js";
