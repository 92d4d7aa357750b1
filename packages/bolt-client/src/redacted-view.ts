/** `util.inspect` reads this symbol; `Symbol.for` keeps `node:util` out of the package. */
export const inspectSymbol: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

/**
 * The `util.inspect()` rendering of a redacted view: `Name {"key":"value",…}`.
 *
 * @param name - the name shown
 * @param view - the redacted view (no secret in it)
 */
export function renderView(name: string, view: Record<string, unknown>): string {
  return `${name} ${JSON.stringify(view)}`;
}
