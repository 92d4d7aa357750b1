/** The smallest scope set that lets a client call a given list of operations. */

import { coversAlternative } from "./scope-sets.js";
import type { OperationScopeTable } from "./scoped-client.js";

/** Beyond this many search steps the exact search gives way to a greedy choice. */
const SEARCH_LIMIT = 10_000;

/**
 * Returns a function that, for a list of operations (`"METHOD /path"` keys of `table`), returns the
 * smallest set of scopes under which each of them can be called (one alternative per operation),
 * sorted. Operations that need no authentication add nothing.
 *
 * The result's type is the union of every scope those operations could use; when an operation has
 * several alternatives, the value holds only the ones chosen.
 * @throws {TypeError} `ERR_INVALID_ARG_VALUE` for an operation the table does not have.
 * @example
 * const scopesFor = createScopesFor(OPERATION_SCOPES);
 * scopesFor(["GET /api/v1/declarations", "POST /api/v1/declarations/{id}/submit"]);
 * // ["declarations:read", "declarations:submit"]
 */
export function createScopesFor<Table extends OperationScopeTable>(table: Table) {
  return function scopesFor<const Operations extends readonly (keyof Table & string)[]>(
    operations: Operations,
  ): Array<Table[Operations[number]][number][number]> {
    const needs: (readonly (readonly string[])[])[] = [];
    for (const operation of operations) {
      const alternatives = Object.hasOwn(table, operation) ? table[operation] : undefined;
      if (!alternatives) {
        throw Object.assign(new TypeError(`Unknown operation "${operation}"`), {
          code: "ERR_INVALID_ARG_VALUE",
        });
      }
      if (alternatives.length > 0 && !alternatives.some((alternative) => alternative.length === 0)) {
        needs.push(alternatives);
      }
    }
    // Fewest alternatives first: forced choices prune the search early.
    needs.sort((a, b) => a.length - b.length);
    return [...smallestCover(needs)].sort() as Array<Table[Operations[number]][number][number]>;
  };
}

function smallestCover(needs: readonly (readonly (readonly string[])[])[]): Set<string> {
  let best: Set<string> | undefined;
  let steps = 0;
  const search = (index: number, chosen: Set<string>) => {
    if (best && chosen.size >= best.size) return;
    if (index === needs.length) {
      best = new Set(chosen);
      return;
    }
    const alternatives = needs[index] ?? [];
    if (alternatives.some((alternative) => coversAlternative(chosen, alternative)))
      return search(index + 1, chosen);
    const byCost = [...alternatives].sort(
      (a, b) => a.filter((s) => !chosen.has(s)).length - b.filter((s) => !chosen.has(s)).length,
    );
    // Past the limit, take only the cheapest alternative: greedy, still a valid cover.
    for (const alternative of steps++ > SEARCH_LIMIT ? byCost.slice(0, 1) : byCost) {
      const next = new Set(chosen);
      for (const scope of alternative) next.add(scope);
      search(index + 1, next);
    }
  };
  search(0, new Set());
  return best ?? new Set();
}
