/** Whether the `granted` scopes include every scope of one `alternative` (a set that authorises an operation). */
export function coversAlternative(granted: ReadonlySet<string>, alternative: readonly string[]): boolean {
  return alternative.every((scope) => granted.has(scope));
}
