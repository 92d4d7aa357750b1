import { ReplayableRequest } from "./replayable-request.js";

/** A body that can be sent again as it is. */
export type ReplayBody = string | ArrayBuffer | Blob;

/** Where undici keeps a request's internal state: looked up on the first request, `null` if absent. */
const runtimeState: { symbol?: symbol | null } = {};

/**
 * The body `request` was built from, as a string, bytes or Blob it can be sent again with, found
 * without reading (consuming) or cloning the request; `undefined` when it cannot be had that way
 * (then read the body once, or take a `clone()` before the request is sent).
 *
 * A {@link ReplayableRequest} (the provider factories' `Request` class) says what it was built
 * with. Otherwise Node 20's built-in `Request` (undici 6) keeps the extracted body's `source` (the
 * string, bytes or Blob passed to the constructor) in its internal `state` object, the one it uses
 * to re-send a body on a 307/308 redirect; newer undici keeps it private. Strings and Blobs are
 * returned as they are, bytes are copied (so later mutation by the caller cannot change the
 * replay); the request stays untouched and needs no rebuilding. For anything else (a stream body,
 * FormData whose multipart boundary would change, a private body) the answer is `undefined`.
 *
 * `request.clone()` (a stream tee) costs about 1.8× a bare POST, and reading plus rebuilding a
 * request nearly as much; that is why the body is looked up instead.
 *
 * @param request - a request whose body has not been read
 */
export function replayableBody(request: Request): ReplayBody | undefined {
  const own = ReplayableRequest.bodyOf(request);
  if (own !== undefined && own !== null) return sendableCopy(own);
  if (runtimeState.symbol === null) return undefined;
  let symbol = runtimeState.symbol;
  if (symbol === undefined) {
    symbol = Object.getOwnPropertySymbols(request).find((candidate) => candidate.description === "state");
    runtimeState.symbol = symbol ?? null;
    if (symbol === undefined) return undefined;
  }
  const state = (request as unknown as Record<symbol, unknown>)[symbol] as
    | { body?: { source?: unknown; length?: unknown } | null }
    | undefined;
  return sendableCopy(state?.body?.source);
}

/** `source` as a body that can be sent again: strings and Blobs as they are, bytes copied. */
function sendableCopy(source: unknown): ReplayBody | undefined {
  if (typeof source === "string") return source;
  if (source instanceof URLSearchParams) return source.toString();
  if (source instanceof ArrayBuffer) return source.slice(0);
  if (ArrayBuffer.isView(source)) {
    const bytes = new Uint8Array(source.buffer, source.byteOffset, source.byteLength);
    return bytes.slice().buffer;
  }
  if (typeof Blob !== "undefined" && source instanceof Blob) return source;
  return undefined;
}
