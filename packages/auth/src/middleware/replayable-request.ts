/**
 * A `Request` that remembers the body it was constructed with, so `authMiddleware` can replay a
 * request after a 401 without reading, teeing or rebuilding it. Give it to openapi-fetch as its
 * `Request` option (the provider factories do):
 *
 * ```ts
 * const client = createClient<paths>({ baseUrl, redirect: "manual", Request: ReplayableRequest });
 * ```
 *
 * Without it the middleware still replays correctly, but on runtimes whose `Request` keeps its
 * body private (Node 22 and newer) it has to read each body once and rebuild the request, which
 * costs about half a request more for every request with a body.
 */
export class ReplayableRequest extends Request {
  readonly #body: BodyInit | null | undefined;

  /**
   * @param input - the URL or request, as for `Request`
   * @param init - as for `Request`; its `body` is kept (by reference) for a replay
   */
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(input, init);
    this.#body = init?.body;
  }

  /**
   * The body `request` was constructed with, when it is a {@link ReplayableRequest}; otherwise
   * `undefined`.
   *
   * @param request - any request
   */
  static bodyOf(request: Request): BodyInit | null | undefined {
    return #body in request ? (request as ReplayableRequest).#body : undefined;
  }
}
