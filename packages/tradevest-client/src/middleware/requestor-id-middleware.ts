import type { Middleware } from "openapi-fetch";
import { OPERATION_SCOPES } from "../generated/auth.gen.js";
import { REQUESTOR_ID_EXEMPT_OPERATIONS } from "../requestor-id-operations.js";

/** Options of {@link requestorIdMiddleware}. */
export interface RequestorIdMiddlewareOptions {
  /** The Tradevest API origin; requests to any other origin go out untouched. */
  readonly origin: string;
  /** The default `Requestor-ID` (a natural person's id). */
  readonly requestorId: string;
}

const EXEMPT = new Set<string>(REQUESTOR_ID_EXEMPT_OPERATIONS);
const OPERATIONS: Readonly<Record<string, unknown>> = OPERATION_SCOPES;

/**
 * Fills in the client's default `Requestor-ID` on requests to the Tradevest origin, for the
 * operations that require it (every spec operation but the documented exemptions), and only when
 * the call did not set one itself (`params.header["Requestor-ID"]` or `headers`). Exempt operations
 * and operations the spec does not have never get it.
 *
 * @param options - origin and default id
 * @returns a plain `{ onRequest }` object for `client.use()`
 */
export function requestorIdMiddleware(
  options: RequestorIdMiddlewareOptions,
): Middleware & { onRequest: NonNullable<Middleware["onRequest"]> } {
  const { origin, requestorId } = options;
  return Object.freeze({
    onRequest({ request, schemaPath }: Parameters<NonNullable<Middleware["onRequest"]>>[0]) {
      if (new URL(request.url).origin !== origin) return undefined;
      const key = `${request.method} ${schemaPath}`;
      if (!Object.hasOwn(OPERATIONS, key) || EXEMPT.has(key)) return undefined;
      if (!request.headers.has("requestor-id")) request.headers.set("requestor-id", requestorId);
      return undefined;
    },
  });
}
