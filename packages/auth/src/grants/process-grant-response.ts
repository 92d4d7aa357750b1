import { processTokenResponse } from "../token-request/process-token-response.js";
import type { TokenClient } from "../token-request/token-client.js";
import type { TokenSet } from "../token-set.js";

/** Options of the `process*Response()` steps. */
export interface ProcessTokenResponseOptions {
  /** When the request was sent (ms since the epoch); the token's lifetime counts from here. @default client.clock.now() */
  readonly requestedAt?: number | undefined;
  /** The requested scopes: the granted scope when the response has no `scope`. */
  readonly requestedScopes?: readonly string[] | undefined;
}

/**
 * @internal The validation every grant's response goes through, with the client's endpoint, clock,
 * default lifetime and secret scrubber.
 */
export function processGrantResponse(
  client: TokenClient,
  response: Response,
  options: ProcessTokenResponseOptions,
): Promise<TokenSet> {
  return processTokenResponse(response, {
    endpoint: client.endpoint,
    requestedAt: options.requestedAt ?? client.clock.now(),
    requestedScopes: options.requestedScopes,
    defaultExpiresIn: client.defaultExpiresIn,
    scrubber: client.scrubber,
  });
}
