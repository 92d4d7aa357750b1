import { ReplayableRequest } from "./replayable-request.js";

/** A body that can be sent again as it is. */
export type ReplayBody = string | ArrayBuffer | Blob;

/**
 * Finds the body a `Request` was constructed with, without reading (consuming) its stream.
 *
 * A {@link ReplayableRequest} (the provider factories' `Request` class) says what it was built
 * with. Otherwise Node 20's built-in `Request` (undici 6) keeps the extracted body's `source` (the
 * string, bytes or Blob passed to the constructor) in its internal `state` object, the one it uses
 * to re-send a body on a 307/308 redirect; newer undici keeps it private. Strings and Blobs are
 * returned as they are, bytes are copied (so later mutation by the caller cannot change the
 * replay); the request stays untouched and needs no rebuilding. For anything else (a stream body,
 * FormData whose multipart boundary would change, a private body) `undefined` is returned and the
 * caller falls back to reading the body once with `arrayBuffer()`.
 *
 * `request.clone()` (a stream tee) costs about 1.8× a bare POST, and reading plus rebuilding a
 * request nearly as much; that is why the body is looked up instead.
 *
 * @param request - a request whose body has not been read
 * @param stateKey - where the internal state was found last time (a cache owned by the caller)
 * @returns the original body, or `undefined` when it cannot be had cheaply and safely
 */
export function originalBody(request: Request, stateKey: { symbol?: symbol | null }): ReplayBody | undefined {
  const own = ReplayableRequest.bodyOf(request);
  if (own !== undefined && own !== null) return sendableCopy(own);
  if (stateKey.symbol === null) return undefined;
  let symbol = stateKey.symbol;
  if (symbol === undefined) {
    symbol = Object.getOwnPropertySymbols(request).find((candidate) => candidate.description === "state");
    stateKey.symbol = symbol ?? null;
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
