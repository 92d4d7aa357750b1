/**
 * `@org/auth`: OAuth 2.0 token sources (client credentials; authorization code with rotating refresh
 * tokens), a token cache with background refresh and single flight, and an openapi-fetch middleware.
 *
 * @packageDocumentation
 */

export type { StoredToken } from "./access-token.js";
export { AccessToken } from "./access-token.js";
export type { TokenCacheKeyInput } from "./cache/cache-key.js";
export { tokenCacheKey } from "./cache/cache-key.js";
export type { MemoryTokenStoreOptions, TokenStore } from "./cache/token-store.js";
export { memoryTokenStore } from "./cache/token-store.js";
export type { TokenSchedule, TokenTimingOptions } from "./cache/token-timing.js";
export { DEFAULT_TOKEN_TIMING, tokenSchedule } from "./cache/token-timing.js";
export type {
  OperationsRequiringHeader,
  OperationsWithHeader,
  WithOptionalHeader,
} from "./client-types/header-types.js";
export type { Clock } from "./clock.js";
export { systemClock } from "./clock.js";
export { AuthAbortError } from "./errors/auth-abort-error.js";
export { AuthConfigError } from "./errors/auth-config-error.js";
export type { AuthErrorOptions } from "./errors/auth-error.js";
export { AuthError } from "./errors/auth-error.js";
export type { AuthErrorCode, GrantErrorCode, TokenEndpointErrorCode } from "./errors/codes.js";
export { AUTH_ERROR_CODES } from "./errors/codes.js";
export { GrantError } from "./errors/grant-error.js";
export { InsecureUrlError } from "./errors/insecure-url-error.js";
export type { InsufficientScopeFields } from "./errors/insufficient-scope-error.js";
export { InsufficientScopeError } from "./errors/insufficient-scope-error.js";
export type { OAuthErrorFields } from "./errors/oauth-error.js";
export { OAuthError } from "./errors/oauth-error.js";
export { SanitizedCause } from "./errors/sanitize-cause.js";
export type { TokenEndpointErrorFields } from "./errors/token-endpoint-error.js";
export { TokenEndpointError } from "./errors/token-endpoint-error.js";
export type { TokenResponseErrorFields } from "./errors/token-response-error.js";
export { TokenResponseError } from "./errors/token-response-error.js";
export {
  isAuthAbortError,
  isAuthConfigError,
  isAuthError,
  isGrantError,
  isInsecureUrlError,
  isInsufficientScopeError,
  isOAuthError,
  isTokenEndpointError,
  isTokenResponseError,
} from "./errors/type-guards.js";
export type { AuthorizationCodeRequestOptions } from "./grants/authorization-code.js";
export { processAuthorizationCodeResponse, requestAuthorizationCode } from "./grants/authorization-code.js";
export type { ClientCredentialsRequestOptions } from "./grants/client-credentials.js";
export { processClientCredentialsResponse, requestClientCredentials } from "./grants/client-credentials.js";
export type { ProcessTokenResponseOptions } from "./grants/process-grant-response.js";
export type { RefreshTokenRequestOptions } from "./grants/refresh-token.js";
export { processRefreshTokenResponse, requestRefreshToken } from "./grants/refresh-token.js";
export type { AuthMiddleware, AuthMiddlewareOptions } from "./middleware/auth-middleware.js";
export { authMiddleware } from "./middleware/auth-middleware.js";
export type { ReplayBody } from "./middleware/replay-body.js";
export { replayableBody } from "./middleware/replay-body.js";
export { ReplayableRequest } from "./middleware/replayable-request.js";
export { REDACTED } from "./redact.js";
export type { RetryOptions } from "./retry/backoff.js";
export { backoffDelay, DEFAULT_RETRY } from "./retry/backoff.js";
export { parseRetryAfter } from "./retry/retry-after.js";
export type { ScopeCheckOptions } from "./scopes/scope-check-middleware.js";
export { scopeCheckMiddleware } from "./scopes/scope-check-middleware.js";
export type {
  GrantedOperations,
  MissingScopes,
  OperationScopeTable,
  ScopedClient,
} from "./scopes/scoped-client.js";
export { createScopesFor } from "./scopes/scopes-for.js";
export type {
  AuthorizationCodeOptions,
  AuthorizationCodeSource,
  ExchangeCodeOptions,
} from "./sources/authorization-code.js";
export { authorizationCode } from "./sources/authorization-code.js";
export type { ClientCredentialsOptions, ClientCredentialsSource } from "./sources/client-credentials.js";
export { clientCredentials } from "./sources/client-credentials.js";
export type { SourceCacheOptions } from "./sources/source-options.js";
export type { GetTokenOptions, RevokeOptions, TokenSource, TokenSourceKind } from "./sources/token-source.js";
export type { TokensUpdateFields, TokensUpdateReason } from "./sources/tokens-update.js";
export { TokensUpdate } from "./sources/tokens-update.js";
export type { RevokeTokenOptions } from "./token-management/revoke-token.js";
export { revokeToken } from "./token-management/revoke-token.js";
export type { TokenInfo, TokenInfoOptions } from "./token-management/token-info.js";
export { tokenInfo } from "./token-management/token-info.js";
export type { ProcessOptions, TokenResponseBody } from "./token-request/process-token-response.js";
export {
  DEFAULT_EXPIRES_IN_SECONDS,
  processTokenResponse,
  splitScope,
  tokenResponseSchema,
} from "./token-request/process-token-response.js";
export type {
  BasicEncoding,
  BasicFormStyle,
  BasicQueryStyle,
  BuiltTokenRequest,
  ClientCredentialsInput,
  FormPostStyle,
  JsonStyle,
  TokenRequestStyle,
  TokenRequestStyleKind,
} from "./token-request/request-style.js";
export {
  basicAuthorization,
  buildTokenRequest,
  formUrlEncode,
  TOKEN_REQUEST_STYLE_KINDS,
} from "./token-request/request-style.js";
export type { FetchLike } from "./token-request/send-token-request.js";
export { DEFAULT_TIMEOUT_MS } from "./token-request/send-token-request.js";
export type {
  SendTokenRequestOptions,
  TokenClient,
  TokenClientOptions,
} from "./token-request/token-client.js";
export { tokenClient } from "./token-request/token-client.js";
export type { TokenSetFields } from "./token-set.js";
export { TokenSet } from "./token-set.js";
export { isLoopbackHost, parseSecureUrl } from "./url-policy.js";
