import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/**
 * An option is missing or invalid. Thrown synchronously by the factories (`clientCredentials`,
 * `authorizationCode`, `authMiddleware`, …); the message names the option, never its value. Code
 * `AUTH_CONFIG_INVALID`.
 */
export class AuthConfigError extends AuthError<typeof AUTH_ERROR_CODES.CONFIG_INVALID> {
  override name = "AuthConfigError" as const;
  /** The option at fault, e.g. `tokenUrl`, `style.kind`, `headers`. */
  readonly option: string;

  /**
   * @param option - the option name
   * @param problem - what is wrong with it (must not quote the value)
   */
  constructor(option: string, problem: string) {
    super(`Invalid option ${option}: ${problem}`, { code: AUTH_ERROR_CODES.CONFIG_INVALID });
    this.option = option;
  }

  protected override details(): Record<string, unknown> {
    return { option: this.option };
  }
}
