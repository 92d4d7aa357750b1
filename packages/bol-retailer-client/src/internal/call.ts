import { BolAbortError } from "../errors/bol-abort-error.js";
import { BolApiError } from "../errors/bol-api-error.js";
import type { BolPathsClient } from "../types.js";

/** One helper request's outcome, with the body typed by the caller. @internal */
export interface CallResult<T> {
  readonly data: T | undefined;
  readonly response: Response;
}

type Loose = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * Sends one request through the client (so every middleware applies) and turns an error status into
 * {@link BolApiError}, and an abort into {@link BolAbortError}. `throwOn429: false` returns a 429 to
 * the caller instead (polling waits it out).
 *
 * @internal
 */
export async function call<T>(
  client: BolPathsClient,
  method: "GET" | "POST",
  path: string,
  init: Record<string, unknown>,
  signal: AbortSignal | undefined,
  throwOn429 = true,
): Promise<CallResult<T>> {
  const request = client.request as unknown as Loose;
  let result: Awaited<ReturnType<Loose>>;
  try {
    result = await request(method, path, signal === undefined ? init : { ...init, signal });
  } catch (error) {
    if (signal?.aborted) throw new BolAbortError(signal.reason);
    throw error;
  }
  const { response } = result;
  if (!response.ok && (throwOn429 || response.status !== 429)) {
    throw new BolApiError(`${method} ${path}`, response, result.error);
  }
  return { data: result.data as T | undefined, response };
}
