import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/** What {@link InsufficientScopeError} carries. */
export interface InsufficientScopeFields {
  /** The operation, `"METHOD /path"` as the spec writes it. */
  readonly operation: string;
  /** Scopes the operation needs that the token lacks (over every alternative, sorted). */
  readonly missing: readonly string[];
  /** The scopes the token was granted, when known. */
  readonly granted: readonly string[] | undefined;
  /** `"before-request"`: found from the granted scopes, nothing was sent. `"response"`: a 403 said so. */
  readonly detectedBy: "before-request" | "response";
  /** The HTTP status when a response said so. */
  readonly status: number | undefined;
}

/**
 * The access token does not carry a scope the operation needs (RFC 6750 §3.1 `insufficient_scope`).
 * Code `AUTH_INSUFFICIENT_SCOPE`. Scope names are not secrets; tokens never appear.
 */
export class InsufficientScopeError extends AuthError<typeof AUTH_ERROR_CODES.INSUFFICIENT_SCOPE> {
  override name = "InsufficientScopeError" as const;
  readonly operation: string;
  readonly missing: readonly string[];
  readonly granted: readonly string[] | undefined;
  readonly detectedBy: "before-request" | "response";
  readonly status: number | undefined;

  constructor(fields: InsufficientScopeFields) {
    const needs = fields.missing.length > 0 ? fields.missing.join(" ") : "a scope the token lacks";
    const when = fields.detectedBy === "before-request" ? "; nothing was sent" : ` (HTTP ${fields.status})`;
    super(`${fields.operation} needs scope ${needs}${when}`, { code: AUTH_ERROR_CODES.INSUFFICIENT_SCOPE });
    this.operation = fields.operation;
    this.missing = fields.missing;
    this.granted = fields.granted;
    this.detectedBy = fields.detectedBy;
    this.status = fields.status;
  }

  protected override details(): Record<string, unknown> {
    return {
      operation: this.operation,
      missing: this.missing,
      granted: this.granted,
      detectedBy: this.detectedBy,
      status: this.status,
    };
  }
}
