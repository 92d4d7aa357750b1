/** A token request as the client sent it. */
export interface RecordedTokenRequest {
  url: string;
  headers: Record<string, string>;
  form: Record<string, string>;
}

/**
 * A `fetch` that records the token requests `@org/auth` sends (called as `fetch(url, init)`, while
 * openapi-fetch passes a `Request`) and then really sends every request.
 */
export function recordingFetch(): { fetch: typeof globalThis.fetch; tokenRequests: RecordedTokenRequest[] } {
  const tokenRequests: RecordedTokenRequest[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    if (!(input instanceof Request)) {
      tokenRequests.push({
        url: String(input),
        headers: Object.fromEntries(new Headers(init?.headers)),
        form: Object.fromEntries(new URLSearchParams(typeof init?.body === "string" ? init.body : "")),
      });
    }
    return globalThis.fetch(input, init);
  };
  return { fetch, tokenRequests };
}
