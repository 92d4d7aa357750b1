import { AuthConfigError } from "./errors/auth-config-error.js";
import { InsecureUrlError } from "./errors/insecure-url-error.js";

/**
 * Whether `hostname` (as `URL.hostname` gives it) is a loopback host: `localhost` (and
 * `*.localhost`), any `127.0.0.0/8` address, or `::1`.
 *
 * @param hostname - a URL hostname; IPv6 addresses come bracketed, as `URL` returns them
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  const parts = host.split(".");
  return (
    parts.length === 4 &&
    parts[0] === "127" &&
    parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)
  );
}

/**
 * Parses a URL option and enforces the transport policy: `https:`, or `http:` on a loopback host.
 * URLs with a username or password are rejected (they would put credentials into logs).
 *
 * @param value - the option value
 * @param option - the option name, for the error message
 * @returns the parsed URL
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` when it is not an absolute URL or has credentials
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` when it is neither https nor loopback http
 */
export function parseSecureUrl(value: unknown, option: string): URL {
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
  if (url.protocol === "https:") return url;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return url;
  throw new InsecureUrlError(option, url.protocol);
}

/**
 * `METHOD path` of a URL, as every error message names a request: no scheme, host or query string.
 *
 * @param method - the HTTP method
 * @param url - the request URL
 */
export function describeEndpoint(method: string, url: URL | string): string {
  const pathname = typeof url === "string" ? new URL(url).pathname : url.pathname;
  return `${method.toUpperCase()} ${pathname}`;
}
