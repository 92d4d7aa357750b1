import type { AccessToken } from "../access-token.js";
import { tokenCacheKey } from "../cache/cache-key.js";
import { createTokenCache, type TokenCache } from "../cache/token-cache.js";
import { memoryTokenStore, type TokenStore } from "../cache/token-store.js";
import { normalizeTiming, type TokenTimingOptions } from "../cache/token-timing.js";
import { AuthConfigError } from "../errors/auth-config-error.js";
import type { TokenClient } from "../token-request/token-client.js";
import { parseSecureUrl } from "../url-policy.js";

/** Options every token source takes besides the token endpoint ones. */
export interface SourceCacheOptions {
  /** Where tokens are cached. @default memoryTokenStore() (one per source) */
  store?: TokenStore | undefined;
  /** Margin and refresh window; see {@link TokenTimingOptions}. */
  timing?: Partial<TokenTimingOptions> | undefined;
  /** The revocation endpoint used by `source.revoke()` (RFC 7009; Borderbolt's `/oauth/revoke`). */
  revocationUrl?: string | URL | undefined;
}

/** The option names of {@link SourceCacheOptions}. */
export const SOURCE_CACHE_OPTION_KEYS: readonly string[] = ["store", "timing", "revocationUrl"];

/** @internal The validated cache part of a source. */
export interface SourceCache {
  readonly cache: TokenCache;
  readonly store: TokenStore;
  readonly revocationUrl: URL | undefined;
}

/**
 * @internal Validates the cache options and creates the source's {@link TokenCache}.
 */
export function createSourceCache(
  options: SourceCacheOptions,
  client: TokenClient,
  key: { grant: string; scopes: readonly string[] | undefined; subject?: string | undefined },
  fetchToken: () => Promise<AccessToken>,
): SourceCache {
  const store = options.store ?? memoryTokenStore({ clock: client.clock });
  if (
    typeof store !== "object" ||
    store === null ||
    typeof store.get !== "function" ||
    typeof store.set !== "function" ||
    typeof store.delete !== "function" ||
    (store.lock !== undefined && typeof store.lock !== "function")
  ) {
    throw new AuthConfigError("store", "must implement get(), set() and delete() (and optionally lock())");
  }
  const timing = normalizeTiming(options.timing);
  const revocationUrl =
    options.revocationUrl === undefined ? undefined : parseSecureUrl(options.revocationUrl, "revocationUrl");
  let keyPromise: Promise<string> | undefined;
  const cache = createTokenCache({
    store,
    clock: client.clock,
    timing,
    key: () => {
      keyPromise ??= tokenCacheKey({ tokenUrl: client.tokenUrl, clientId: client.clientId, ...key });
      return keyPromise;
    },
    fetchToken,
  });
  return { cache, store, revocationUrl };
}
