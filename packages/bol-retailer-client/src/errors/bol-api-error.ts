import { type RateLimitInfo, rateLimitInfo } from "../rate-limit/rate-limit-info.js";
import type { Problem } from "../types.js";
import { BolError, hideResponse } from "./bol-error.js";
import { BOL_ERROR_CODES } from "./codes.js";

/**
 * bol answered a request made by one of this package's helpers (`waitForProcess`, `paginate`,
 * `getProcessStatuses`) with an error status. Code `BOL_RATE_LIMITED` for a 429 (see
 * {@link BolApiError.rateLimit}), `BOL_API_ERROR` otherwise. Plain client calls never throw this:
 * they resolve to `{ error, response }` as openapi-fetch does.
 */
export class BolApiError extends BolError<
  typeof BOL_ERROR_CODES.API_ERROR | typeof BOL_ERROR_CODES.RATE_LIMITED
> {
  override name = "BolApiError" as const;
  /** `"METHOD /path"` (the path template, never the URL). */
  readonly operation: string;
  /** The HTTP status. */
  readonly status: number;
  /** bol's error body when it was a Problem document. */
  readonly problem: Problem | undefined;
  /** The rate-limit headers of the response. */
  readonly rateLimit: RateLimitInfo;
  /** The response (non-enumerable; its body has been read). */
  declare readonly response: Response;

  /**
   * @param operation - `"METHOD /path"`
   * @param response - the error response
   * @param body - the parsed error body, if any
   */
  constructor(operation: string, response: Response, body: unknown) {
    const problem = isProblem(body) ? body : undefined;
    const detail = problem ? `: ${problem.title}${problem.detail ? ` (${problem.detail})` : ""}` : "";
    super(`${operation} answered ${response.status}${detail}`, {
      code: response.status === 429 ? BOL_ERROR_CODES.RATE_LIMITED : BOL_ERROR_CODES.API_ERROR,
    });
    this.operation = operation;
    this.status = response.status;
    this.problem = problem;
    this.rateLimit = rateLimitInfo(response);
    hideResponse(this, response);
  }

  protected override details(): Record<string, unknown> {
    return {
      operation: this.operation,
      status: this.status,
      problem: this.problem,
      rateLimit: this.rateLimit,
    };
  }
}

function isProblem(body: unknown): body is Problem {
  return (
    typeof body === "object" &&
    body !== null &&
    typeof (body as Problem).title === "string" &&
    typeof (body as Problem).status === "number"
  );
}
