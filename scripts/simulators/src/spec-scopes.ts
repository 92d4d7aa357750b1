/** Reads a spec's per-operation scope table with our codegen, so simulators enforce the spec itself. */
import { fileURLToPath } from "node:url";
// The light subpaths: the package root also loads openapi-typescript and the TypeScript compiler.
import { loadSpec } from "@org/codegen/load-spec";
import { readSecurityModel, scopeAlternatives } from "@org/codegen/security-model";

export interface SpecScopes {
  /** Path templates as the spec writes them. */
  templates: Set<string>;
  /** `"METHOD /path"` → alternatives of scope sets (empty: no authentication). */
  operations: Map<string, string[][]>;
  /** Every declared scope. */
  scopes: string[];
}

/** Loads `specs/<provider>/openapi.yaml` of this repository. */
export async function loadSpecScopes(provider: string): Promise<SpecScopes> {
  const path = fileURLToPath(new URL(`../../../specs/${provider}/openapi.yaml`, import.meta.url));
  const model = readSecurityModel((await loadSpec(path, { lint: false })).document);
  return {
    templates: new Set(model.operations.map((operation) => operation.path)),
    operations: new Map(
      model.operations.map((operation) => [operation.key, scopeAlternatives(operation, model.schemes)]),
    ),
    scopes: [...model.scopes.keys()],
  };
}

/** Whether `granted` covers one of the alternatives. */
export function isAuthorised(alternatives: readonly string[][], granted: ReadonlySet<string>): boolean {
  return alternatives.some((needed) => needed.every((scope) => granted.has(scope)));
}
