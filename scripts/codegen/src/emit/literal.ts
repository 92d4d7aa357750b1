/**
 * Prints JSON-like data as a TypeScript literal: stable, two-space indented, short arrays of
 * scalars on one line, identifier keys unquoted.
 */
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_INLINE = 100;

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

export function tsLiteral(value: unknown, indent = ""): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const flat = value.every((item) => isScalar(item) || (Array.isArray(item) && item.every(isScalar)));
    const inline = `[${value.map((item) => tsLiteral(item, inner)).join(", ")}]`;
    if (flat && inline.length + indent.length <= MAX_INLINE) return inline;
    return `[\n${value.map((item) => `${inner}${tsLiteral(item, inner)}`).join(",\n")},\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    const lines = entries.map(([key, v]) => {
      const name = IDENTIFIER.test(key) ? key : JSON.stringify(key);
      return `${inner}${name}: ${tsLiteral(v, inner)}`;
    });
    return `{\n${lines.join(",\n")},\n${indent}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}
