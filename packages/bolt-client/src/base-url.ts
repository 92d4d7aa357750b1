import { parseSecureUrl } from "@org/auth";

/**
 * Parses a base-URL option and returns its origin: `https:`, or `http:` on a loopback host (a local
 * simulator); no user info.
 *
 * @param value - the option value
 * @param option - the option name, for the error
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` when it is not an absolute URL or carries credentials
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` when it is plain `http:` on another host
 */
export function secureOrigin(value: unknown, option: string): string {
  return parseSecureUrl(value, option).origin;
}
