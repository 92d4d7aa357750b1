import { AuthConfigError } from "../errors/auth-config-error.js";
import { parseSecureUrl } from "../url-policy.js";

/**
 * Normalizes the `origins` allowlist: each entry is an absolute URL (or origin) that must be `https:`
 * or loopback `http:`; only its origin is kept.
 *
 * @throws {AuthConfigError} when the list is missing or empty
 * @throws {InsecureUrlError} for a plain-http, non-loopback entry
 */
export function normalizeOrigins(value: unknown): readonly string[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new AuthConfigError(
      "origins",
      'must be a non-empty array of origins, e.g. ["https://api.bol.com"]',
    );
  }
  const origins = value.map((entry, index) => parseSecureUrl(entry, `origins[${index}]`).origin);
  return Object.freeze([...new Set(origins)]);
}

/**
 * Whether `url` (a serialized absolute URL, as `Request.url` gives it) has one of `origins`. Compares
 * the serialized prefix: `Request.url` is normalized by the URL parser (lowercase scheme and host,
 * default port dropped), and a URL with user info never matches.
 *
 * @param url - the request URL
 * @param origins - normalized origins
 */
export function hasAllowedOrigin(url: string, origins: readonly string[]): boolean {
  for (const origin of origins) {
    if (url.startsWith(origin)) {
      const next = url.charCodeAt(origin.length);
      // "/" (47), "?" (63), "#" (35) or the end of the string.
      if (Number.isNaN(next) || next === 47 || next === 63 || next === 35) return true;
    }
  }
  return false;
}
