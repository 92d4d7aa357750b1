import { AuthConfigError, InsecureUrlError, isLoopbackHost } from "@org/auth";

/** A validated gateway base URL. */
export interface GatewayUrl {
  /** The base URL without a trailing slash (`https://pgw.example.com` or with a path prefix). */
  readonly base: string;
  /** Its origin, the only one that gets credentials. */
  readonly origin: string;
}

/**
 * Validates the `baseUrl` option: required (boltPay gives each merchant its own gateway host, the
 * docs' `{pgw-url}`), absolute, `https:` (plain `http:` only on a loopback host, for a local
 * simulator), without user info, query or fragment.
 *
 * @param value - the option value
 * @throws {AuthConfigError} `AUTH_CONFIG_INVALID` naming `baseUrl` when it is missing or malformed
 * @throws {InsecureUrlError} `AUTH_INSECURE_URL` naming `baseUrl` when it is plain `http:` on another host
 */
export function gatewayUrl(value: unknown): GatewayUrl {
  if (value === undefined || value === "") {
    throw new AuthConfigError(
      "baseUrl",
      "is required: boltPay gives each merchant its own gateway host ({pgw-url}), e.g. https://pgw.example.com",
    );
  }
  if (typeof value !== "string" && !(value instanceof URL)) {
    throw new AuthConfigError("baseUrl", "must be an absolute URL string");
  }
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw new AuthConfigError("baseUrl", "must be an absolute URL, e.g. https://pgw.example.com");
  }
  if (url.username !== "" || url.password !== "") {
    throw new AuthConfigError("baseUrl", "must not contain a username or password");
  }
  if (url.search !== "" || url.hash !== "") {
    throw new AuthConfigError("baseUrl", "must not have a query string or fragment");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    throw new InsecureUrlError("baseUrl", url.protocol);
  }
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, origin: url.origin };
}
