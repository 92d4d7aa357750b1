import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";

/**
 * A URL option (`tokenUrl`, `origins`, `url`) is not `https:` and its host is not a loopback host
 * (`localhost`, `127.0.0.0/8`, `::1`). Thrown when the source or middleware is created. Code
 * `AUTH_INSECURE_URL`.
 */
export class InsecureUrlError extends AuthError<typeof AUTH_ERROR_CODES.INSECURE_URL> {
  override name = "InsecureUrlError" as const;
  /** The option holding the URL. */
  readonly option: string;
  /** The URL's protocol, e.g. `http:`. */
  readonly protocol: string;

  /**
   * @param option - the option name
   * @param protocol - the protocol found
   */
  constructor(option: string, protocol: string) {
    super(`${option} must use https: (or http: on a loopback host), got ${protocol}`, {
      code: AUTH_ERROR_CODES.INSECURE_URL,
    });
    this.option = option;
    this.protocol = protocol;
  }

  protected override details(): Record<string, unknown> {
    return { option: this.option, protocol: this.protocol };
  }
}
