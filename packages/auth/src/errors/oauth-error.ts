import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/** The fields of an RFC 6749 §5.2 error response, as {@link OAuthError} carries them. */
export interface OAuthErrorFields {
  /** The `error` code the server sent, e.g. `invalid_client`, `invalid_grant`. */
  error: string;
  /** The server's `error_description`, with any known secret scrubbed. */
  error_description?: string | undefined;
  /** The server's `error_uri`. */
  error_uri?: string | undefined;
  /** The HTTP status of the response. */
  status: number;
  /** `METHOD path` of the request, never with a query string. */
  endpoint: string;
  /** The response (its body already read); kept non-enumerable. */
  response?: Response | undefined;
}

/**
 * The token (or revocation) endpoint answered with an RFC 6749 §5.2 error body: `error` (required),
 * `error_description` and `error_uri`. Code `AUTH_OAUTH_ERROR`.
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 */
export class OAuthError extends AuthError<typeof AUTH_ERROR_CODES.OAUTH_ERROR> {
  override name = "OAuthError" as const;
  /** The `error` code the server sent. */
  readonly error: string;
  /** The `error_description` the server sent (secrets scrubbed). */
  readonly error_description: string | undefined;
  /** The `error_uri` the server sent. */
  readonly error_uri: string | undefined;
  /** The HTTP status. */
  readonly status: number;
  /** `METHOD path` of the failed request. */
  readonly endpoint: string;
  /** The raw response (body consumed). Non-enumerable, so it stays out of serialisation. */
  declare readonly response: Response | undefined;

  /** @param fields - the parsed error body, status and endpoint */
  constructor(fields: OAuthErrorFields) {
    const description = fields.error_description ? `: ${fields.error_description}` : "";
    super(`${fields.endpoint} failed with ${fields.status} ${fields.error}${description}`, {
      code: AUTH_ERROR_CODES.OAUTH_ERROR,
    });
    this.error = fields.error;
    this.error_description = fields.error_description;
    this.error_uri = fields.error_uri;
    this.status = fields.status;
    this.endpoint = fields.endpoint;
    Object.defineProperty(this, "response", { value: fields.response, enumerable: false });
  }

  protected override details(): Record<string, unknown> {
    return {
      error: this.error,
      error_description: this.error_description,
      error_uri: this.error_uri,
      status: this.status,
      endpoint: this.endpoint,
    };
  }
}
