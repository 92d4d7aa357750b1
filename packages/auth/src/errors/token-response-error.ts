import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/** What {@link TokenResponseError} says about the invalid response. */
export interface TokenResponseErrorFields {
  /** The field that failed (`access_token`, `token_type`, `expires_in`, `scope`, …) or `body`/`status`. */
  field: string;
  /** Why it failed, without the value (values can be secrets). */
  reason: string;
  /** The HTTP status of the response. */
  status: number;
  /** `METHOD path` of the request. */
  endpoint: string;
  /** The response (its body already read); kept non-enumerable. */
  response?: Response | undefined;
  /** An underlying error (for example the JSON parser's). */
  cause?: unknown;
}

/**
 * A token response that cannot be used: not JSON, not an object, or a field missing or of the wrong
 * form. {@link TokenResponseError.field} names the field; the value is never included. Nothing is
 * cached from such a response. Code `AUTH_TOKEN_RESPONSE_INVALID`.
 */
export class TokenResponseError extends AuthError<typeof AUTH_ERROR_CODES.TOKEN_RESPONSE_INVALID> {
  override name = "TokenResponseError" as const;
  /** The failing field, or `body` (not a JSON object) or `status` (unexpected status). */
  readonly field: string;
  /** Why the field is invalid. */
  readonly reason: string;
  /** The HTTP status. */
  readonly status: number;
  /** `METHOD path` of the request. */
  readonly endpoint: string;
  /** The raw response (body consumed). Non-enumerable. */
  declare readonly response: Response | undefined;

  /** @param fields - the failing field, reason, status and endpoint */
  constructor(fields: TokenResponseErrorFields) {
    super(`${fields.endpoint} returned an invalid token response: ${fields.field} ${fields.reason}`, {
      code: AUTH_ERROR_CODES.TOKEN_RESPONSE_INVALID,
      cause: fields.cause,
    });
    this.field = fields.field;
    this.reason = fields.reason;
    this.status = fields.status;
    this.endpoint = fields.endpoint;
    Object.defineProperty(this, "response", { value: fields.response, enumerable: false });
  }

  protected override details(): Record<string, unknown> {
    return { field: this.field, reason: this.reason, status: this.status, endpoint: this.endpoint };
  }
}
