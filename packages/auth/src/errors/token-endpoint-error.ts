import { AuthError } from "./auth-error.js";
import type { TokenEndpointErrorCode } from "./codes.js";

/** What {@link TokenEndpointError} carries. */
export interface TokenEndpointErrorFields {
  /** `AUTH_TOKEN_ENDPOINT_UNREACHABLE`, `AUTH_TOKEN_ENDPOINT_TIMEOUT` or `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`. */
  code: TokenEndpointErrorCode;
  /** `METHOD path` of the request. */
  endpoint: string;
  /** The HTTP status, for `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`. */
  status?: number | undefined;
  /** How many attempts were made (1 + retries). */
  attempts?: number | undefined;
  /** The response (body consumed), for `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`; kept non-enumerable. */
  response?: Response | undefined;
  /** The underlying network error; stored sanitized. */
  cause?: unknown;
}

const DESCRIPTIONS: Record<TokenEndpointErrorCode, string> = {
  AUTH_TOKEN_ENDPOINT_UNREACHABLE: "could not be reached",
  AUTH_TOKEN_ENDPOINT_TIMEOUT: "timed out",
  AUTH_TOKEN_ENDPOINT_HTTP_ERROR: "failed",
};

/**
 * The endpoint could not be used: unreachable (`AUTH_TOKEN_ENDPOINT_UNREACHABLE`), no answer in time
 * (`AUTH_TOKEN_ENDPOINT_TIMEOUT`), or an HTTP error status without an OAuth error body
 * (`AUTH_TOKEN_ENDPOINT_HTTP_ERROR`, with {@link TokenEndpointError.status}).
 */
export class TokenEndpointError extends AuthError<TokenEndpointErrorCode> {
  override name = "TokenEndpointError" as const;
  /** `METHOD path` of the request. */
  readonly endpoint: string;
  /** The HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** How many attempts were made. */
  readonly attempts: number | undefined;
  /** The raw response (body consumed). Non-enumerable. */
  declare readonly response: Response | undefined;

  /** @param fields - code, endpoint, status and cause */
  constructor(fields: TokenEndpointErrorFields) {
    const status = fields.status === undefined ? "" : ` with HTTP ${fields.status}`;
    const attempts = fields.attempts && fields.attempts > 1 ? ` after ${fields.attempts} attempts` : "";
    super(`${fields.endpoint} ${DESCRIPTIONS[fields.code]}${status}${attempts}`, {
      code: fields.code,
      cause: fields.cause,
    });
    this.endpoint = fields.endpoint;
    this.status = fields.status;
    this.attempts = fields.attempts;
    Object.defineProperty(this, "response", { value: fields.response, enumerable: false });
  }

  protected override details(): Record<string, unknown> {
    return { endpoint: this.endpoint, status: this.status, attempts: this.attempts };
  }
}
