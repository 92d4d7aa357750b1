import { AuthConfigError, parseSecureUrl } from "@org/auth";

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
  const url = parseSecureUrl(value, "baseUrl");
  if (url.search !== "" || url.hash !== "") {
    throw new AuthConfigError("baseUrl", "must not have a query string or fragment");
  }
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, "")}`, origin: url.origin };
}
