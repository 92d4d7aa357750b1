import type { AuthMiddleware } from "@org/auth";
import type { Middleware } from "openapi-fetch";
import { OPERATION_SECURITY } from "../generated/auth.gen.js";

const TABLE: Readonly<Record<string, readonly unknown[]>> = OPERATION_SECURITY;

/**
 * Narrows `@org/auth`'s middleware to the operations whose spec security asks for a token: every
 * gateway call but `POST /auth/token` (which a caller has no reason to send through the client, and
 * which must not cause a token request of its own). Operations the spec does not know are passed to
 * the auth middleware, which only authenticates the gateway origin anyway.
 *
 * @param auth - the auth middleware for the gateway origin
 * @returns a plain `{ onRequest, onResponse }` object
 */
export function bearerMiddleware(
  auth: AuthMiddleware,
): Middleware & { onRequest: NonNullable<Middleware["onRequest"]> } {
  return Object.freeze({
    onRequest(params: Parameters<AuthMiddleware["onRequest"]>[0]) {
      const key = `${params.request.method} ${params.schemaPath}`;
      if (Object.hasOwn(TABLE, key) && TABLE[key]?.length === 0) return undefined;
      return auth.onRequest(params);
    },
    onResponse: auth.onResponse,
  });
}
