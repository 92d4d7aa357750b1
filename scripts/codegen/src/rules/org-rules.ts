/**
 * Our own lint rules, run by Redocly next to its own: operationIds are unique, every scope an
 * operation needs is declared by the scheme it names, and every declared scope is used.
 */
import type { Location } from "@redocly/openapi-core/lib/ref-utils.js";
import type { UserContext } from "@redocly/openapi-core/lib/walk.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

interface DeclaredScheme {
  type: string;
  scopes: Map<string, Location>;
}

/** Reads `components.securitySchemes`, following refs with Redocly's resolver, with each scope's location. */
function readDeclaredSchemes(root: Json, ctx: UserContext): Map<string, DeclaredScheme> {
  const declared = new Map<string, DeclaredScheme>();
  const components = isObject(root.components) ? root.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const schemesLocation = ctx.location.child(["components", "securitySchemes"]);
  for (const [name, raw] of Object.entries(schemes)) {
    const isRef = isObject(raw) && typeof raw.$ref === "string";
    const resolved = isRef ? ctx.resolve(raw as never) : undefined;
    const scheme: unknown = resolved ? resolved.node : raw;
    const location = resolved?.location ?? schemesLocation.child([name]);
    if (!isObject(scheme) || typeof scheme.type !== "string") continue;
    const scopes = new Map<string, Location>();
    const flows = isObject(scheme.flows) ? scheme.flows : {};
    for (const [flowName, flow] of Object.entries(flows)) {
      if (!isObject(flow) || !isObject(flow.scopes)) continue;
      for (const scope of Object.keys(flow.scopes)) {
        if (!scopes.has(scope)) scopes.set(scope, location.child(["flows", flowName, "scopes", scope]));
      }
    }
    declared.set(name, { type: scheme.type, scopes });
  }
  return declared;
}

function forEachRequirement(
  security: unknown,
  visit: (scheme: string, scopes: unknown[], index: number) => void,
): void {
  if (!Array.isArray(security)) return;
  security.forEach((requirement, index) => {
    if (!isObject(requirement)) return;
    for (const [scheme, scopes] of Object.entries(requirement)) {
      visit(scheme, Array.isArray(scopes) ? scopes : [], index);
    }
  });
}

/** `org/security-scheme-declared`: a security requirement names only declared schemes. */
export function securitySchemeDeclared() {
  let declared = new Map<string, DeclaredScheme>();
  const check = (security: unknown, ctx: UserContext) =>
    forEachRequirement(security, (schemeName, _scopes, index) => {
      if (declared.has(schemeName)) return;
      ctx.report({
        message: `Security scheme \`${schemeName}\` is not declared in components.securitySchemes.`,
        location: ctx.location.child(["security", index, schemeName]).key(),
      });
    });
  return {
    Root: {
      enter(root: Json, ctx: UserContext) {
        declared = readDeclaredSchemes(root, ctx);
        check(root.security, ctx);
      },
    },
    Operation: {
      enter(operation: Json, ctx: UserContext) {
        check(operation.security, ctx);
      },
    },
  };
}

/** `org/scopes-declared`: the scopes a requirement names are declared by its oauth2 scheme. */
export function scopesDeclared() {
  let declared = new Map<string, DeclaredScheme>();
  const check = (security: unknown, ctx: UserContext) =>
    forEachRequirement(security, (schemeName, scopes, index) => {
      const scheme = declared.get(schemeName);
      if (scheme?.type !== "oauth2") return;
      scopes.forEach((scope, position) => {
        if (typeof scope !== "string" || !scheme.scopes.has(scope)) {
          ctx.report({
            message: `Scope \`${String(scope)}\` is not declared by security scheme \`${schemeName}\`.`,
            location: ctx.location.child(["security", index, schemeName, position]),
          });
        }
      });
    });
  return {
    Root: {
      enter(root: Json, ctx: UserContext) {
        declared = readDeclaredSchemes(root, ctx);
        check(root.security, ctx);
      },
    },
    Operation: {
      enter(operation: Json, ctx: UserContext) {
        check(operation.security, ctx);
      },
    },
  };
}

/**
 * OpenID Connect's `openid` is asked for at the token endpoint to get an `id_token`; no API
 * operation ever requires it, so it is never reported as unused.
 */
const REQUEST_ONLY_SCOPES = new Set(["openid"]);

/** `org/scopes-used`: every declared oauth2 scope is required by at least one operation (or the root). */
export function scopesUsed() {
  let declared = new Map<string, DeclaredScheme>();
  const used = new Set<string>();
  const collect = (security: unknown) =>
    forEachRequirement(security, (scheme, scopes) => {
      for (const scope of scopes) used.add(`${scheme}\u0000${String(scope)}`);
    });
  return {
    Root: {
      enter(root: Json, ctx: UserContext) {
        declared = readDeclaredSchemes(root, ctx);
        used.clear();
        collect(root.security);
      },
      leave(_root: Json, ctx: UserContext) {
        for (const [schemeName, scheme] of declared) {
          for (const [scope, location] of scheme.scopes) {
            if (used.has(`${schemeName}\u0000${scope}`) || REQUEST_ONLY_SCOPES.has(scope)) continue;
            ctx.report({
              message: `Scope \`${scope}\` of security scheme \`${schemeName}\` is declared but no operation requires it.`,
              location: location.key(),
            });
          }
        }
      },
    },
    Operation: {
      enter(operation: Json) {
        collect(operation.security);
      },
    },
  };
}

/**
 * `org/operation-id-unique`: no two operations share an operationId. Unlike Redocly's own rule it
 * points at the `operationId` key and names the operation that had it first.
 */
export function operationIdUnique() {
  const seen = new Map<string, string>();
  return {
    Root: {
      enter() {
        seen.clear();
      },
    },
    Operation: {
      enter(operation: Json, ctx: UserContext) {
        if (typeof operation.operationId !== "string") return;
        const first = seen.get(operation.operationId);
        if (first === undefined) {
          seen.set(operation.operationId, ctx.location.pointer);
          return;
        }
        ctx.report({
          message: `operationId \`${operation.operationId}\` is already used by the operation at ${first}.`,
          location: ctx.location.child(["operationId"]).key(),
        });
      },
    },
  };
}

/** The Redocly plugin that carries our rules; enable them as `org/<rule>`. */
export const orgLintPlugin = {
  id: "org",
  rules: {
    oas3: {
      "operation-id-unique": operationIdUnique,
      "security-scheme-declared": securitySchemeDeclared,
      "scopes-declared": scopesDeclared,
      "scopes-used": scopesUsed,
    },
  },
};
