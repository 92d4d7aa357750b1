/**
 * Emits `auth.gen.ts`: data only. The scopes, their descriptions and zod enum, the security
 * schemes with each flow's token URL, the servers, and per operation the scopes it needs.
 */
import { type SecurityModel, scopeAlternatives } from "../security-model.js";
import { tsLiteral } from "./literal.js";

const literal = (value: unknown) => tsLiteral(value);

export function emitAuth(model: SecurityModel, header: string): string {
  const scopes = [...model.scopes.keys()];
  const tokenUrls = Object.fromEntries(
    Object.entries(model.schemes).flatMap(([name, scheme]) => {
      const flows = Object.entries(scheme.flows ?? {}).flatMap(([flow, { tokenUrl }]) =>
        tokenUrl ? [[flow, tokenUrl]] : [],
      );
      return flows.length > 0 ? [[name, Object.fromEntries(flows)]] : [];
    }),
  );
  const operationScopes = Object.fromEntries(
    model.operations.map((operation) => [operation.key, scopeAlternatives(operation, model.schemes)]),
  );
  const operationSecurity = Object.fromEntries(
    model.operations.map((operation) => [operation.key, operation.security]),
  );
  const scopeSchema = scopes.length > 0 ? "z.enum(SCOPES)" : "z.never()";

  return `${header}
import * as z from "zod/mini";

/** Every OAuth scope the spec declares, in declaration order. */
export const SCOPES = ${literal(scopes)} as const;

/** One OAuth scope of this API. */
export type Scope = (typeof SCOPES)[number];

/** Checks at run time that a string is a {@link Scope}. */
export const ScopeSchema = ${scopeSchema};

/** What each scope grants, as the spec describes it. */
export const SCOPE_DESCRIPTIONS: { readonly [S in Scope]: string } = ${literal(Object.fromEntries(model.scopes))};

/** The spec's security schemes, as declared. */
export const SECURITY_SCHEMES = ${literal(model.schemes)} as const;

/** The token URL of each OAuth flow, by security scheme and flow. */
export const TOKEN_URLS = ${literal(tokenUrls)} as const;

/** The servers the spec lists, in order. */
export const SERVERS = ${literal(model.servers)} as const;

/**
 * For every operation, keyed \`"METHOD /path"\` as openapi-fetch names it: the alternative sets
 * of scopes that authorise it (any one set suffices; every scope of a set is needed).
 * \`[]\`: the operation needs no authentication. \`[[]]\`: authentication without a scope.
 */
export const OPERATION_SCOPES = ${literal(operationScopes)} as const satisfies Record<string, readonly (readonly Scope[])[]>;

/** For every operation, the full security requirements (scheme → scopes), alternatives of AND-ed sets. */
export const OPERATION_SECURITY = ${literal(operationSecurity)} as const;

/** An operation of this API, as \`"METHOD /path"\`. */
export type OperationKey = keyof typeof OPERATION_SCOPES;
`;
}
