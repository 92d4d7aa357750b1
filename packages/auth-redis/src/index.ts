/**
 * `@org/auth-redis`: a Redis-backed `TokenStore` for `@org/auth`, so several processes share tokens
 * and refresh them once: a cross-process lock, values with their TTL, optional AES-256-GCM encryption
 * at rest, and a bounded fallback when Redis is down.
 *
 * @packageDocumentation
 */

export type { RedisClient } from "./bounded-call.js";
export type {
  AuthRedisCode,
  AuthRedisErrorCode,
  RedisErrorSummary,
  RedisStoreFallback,
  RedisStoreOperation,
  RedisStoreWarning,
} from "./errors.js";
export { AUTH_REDIS_CODES, AuthRedisError, isAuthRedisError } from "./errors.js";
export type { RecommendedRedisOptions } from "./redis-options.js";
export { RECOMMENDED_REDIS_OPTIONS } from "./redis-options.js";
export type { RedisTokenStore, RedisTokenStoreOptions, RedisTokenStoreView } from "./redis-token-store.js";
export { redisTokenStore } from "./redis-token-store.js";
