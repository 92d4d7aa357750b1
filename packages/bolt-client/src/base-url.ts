import { AuthConfigError, InsecureUrlError, isLoopbackHost } from "@org/auth";

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
  if (typeof value !== "string" && !(value instanceof URL)) {
    throw new AuthConfigError(option, "must be an absolute URL string");
  }
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new AuthConfigError(option, "must be an absolute URL");
  }
  if (url.username !== "" || url.password !== "") {
    throw new AuthConfigError(option, "must not contain a username or password");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new InsecureUrlError(option, url.protocol);
  }
  return url.origin;
}
