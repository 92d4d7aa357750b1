import { AuthConfigError } from "../errors/auth-config-error.js";

/**
 * A generated operation table (`OPERATION_SCOPES`, `OPERATION_SECURITY`, keyed `"METHOD /path"`)
 * indexed by schema path, then method, so a middleware looks an operation up from openapi-fetch's
 * `schemaPath` and `request.method` without building a string per request.
 */
export type OperationIndex<Value> = ReadonlyMap<string, ReadonlyMap<string, Value>>;

/**
 * Indexes `table`, keeping the entries `select` maps to a value (others are left out).
 *
 * @param table - the generated table
 * @param option - the option name for errors
 * @param select - what to keep of an entry, or `undefined` to leave it out
 * @throws {AuthConfigError} when `table` is not an object or a key is not `"METHOD /path"`
 */
export function indexOperations<Entry, Value>(
  table: Readonly<Record<string, Entry>>,
  option: string,
  select: (entry: Entry) => Value | undefined,
): OperationIndex<Value> {
  if (typeof table !== "object" || table === null) {
    throw new AuthConfigError(option, "must be an operation table such as OPERATION_SCOPES");
  }
  const index = new Map<string, Map<string, Value>>();
  for (const [operation, entry] of Object.entries(table)) {
    const space = operation.indexOf(" ");
    if (space <= 0 || operation[space + 1] !== "/") {
      throw new AuthConfigError(
        option,
        `has a key that is not "METHOD /path" (got ${JSON.stringify(operation)})`,
      );
    }
    const value = select(entry);
    if (value === undefined) continue;
    const path = operation.slice(space + 1);
    const methods = index.get(path) ?? new Map<string, Value>();
    methods.set(operation.slice(0, space), value);
    index.set(path, methods);
  }
  return index;
}
