/** What identifies a cached access token. Never the client secret. */
export interface TokenCacheKeyInput {
  /** The token endpoint. */
  readonly tokenUrl: URL | string;
  /** The client id. */
  readonly clientId: string;
  /** The requested scopes (order and duplicates do not matter). */
  readonly scopes?: readonly string[] | undefined;
  /** The grant kind, so a client-credentials token never serves an authorization-code source. */
  readonly grant: string;
  /** For user grants: whose grant (a user or account id); sources default to a random id. */
  readonly subject?: string | undefined;
}

/**
 * The cache key of a token: `org-auth:v1:` plus the hex SHA-256 of the token URL (origin and path),
 * client id, grant kind, subject and the sorted, de-duplicated scope set. Hashing keeps client ids and
 * URLs out of a shared store's key space. The caller's scope array is not mutated.
 *
 * @param input - URL, client id, scopes, grant, subject
 * @returns the key
 */
export async function tokenCacheKey(input: TokenCacheKeyInput): Promise<string> {
  const url = new URL(String(input.tokenUrl));
  const scopes = [...new Set(input.scopes ?? [])].sort();
  const material = JSON.stringify([
    `${url.origin}${url.pathname}${url.search}`,
    input.clientId,
    input.grant,
    input.subject ?? "",
    scopes,
  ]);
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(material));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return `org-auth:v1:${hex}`;
}
