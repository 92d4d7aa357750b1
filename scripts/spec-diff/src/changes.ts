/** Turns Redocly's report into {@link SpecChange}s: one line of text each, with where it happened. */
import { dirname, relative, resolve, sep } from "node:path";
import type { Impact, RedoclyChange, RedoclyLocation } from "./redocly-diff.js";

export type { Impact } from "./redocly-diff.js";

/** Impacts from the strongest down: the order of the changeset's groups. */
export const IMPACT_ORDER: readonly Impact[] = ["major", "minor", "patch"];

/** Who rated a change: Redocly's diff alone, or one of our rules (which may have overridden Redocly). */
export type DecidedBy = "redocly" | "spec-diff";

/** One change between the base and the head spec, with the impact that counts. */
export interface SpecChange {
  impact: Impact;
  /** Redocly's `ruleId` (empty when Redocly rated it without a rule) or ours, `spec-diff/<name>`. */
  rule: string;
  decidedBy: DecidedBy;
  /** When a rule of ours re-rated a Redocly change: Redocly's rating and rule. */
  overrides?: { impact: Impact; rule: string };
  kind: "added" | "removed" | "modified";
  /** The affected operation, `GET /pets/{id}` (absent for changes outside `paths`). */
  operation?: string;
  /** Redocly's path through the spec (`#/paths/~1pets/get/...`), or ours for our own changes. */
  path: string;
  /** Where the changed value is written: a pointer in the root file, or `file.yaml#/pointer`. */
  location: string;
  /** One sentence for the changeset. */
  message: string;
  /** The Redocly change this came from, for rules that need the raw values. */
  source?: RedoclyChange;
}

/** How to show Redocly's file paths: relative to the spec folder, the root file left out. */
export interface LocationContext {
  /** Redocly's working directory (its `file`s are relative to it). */
  cwd: string;
  /** Root files of the base and the head spec (absolute). */
  roots: readonly string[];
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * Normalises Redocly's changes. Drops the `info.version` change, which Redocly itself leaves out of
 * its `bump` (a version number is not an API change).
 */
export function fromRedocly(changes: readonly RedoclyChange[], context: LocationContext): SpecChange[] {
  return changes
    .filter((change) => !(change.path === "#/info" && change.property === "version"))
    .map((change) => {
      const verdict = change.verdicts.find((v) => v.impact === change.impact) ?? change.verdicts[0];
      const operation = operationOf(change.path);
      const where = verdict?.location ?? change.revision ?? change.base;
      return {
        impact: change.impact,
        rule: verdict?.ruleId ?? "",
        decidedBy: "redocly" as const,
        kind: change.kind,
        ...(operation === undefined ? {} : { operation }),
        path: change.path,
        location: where ? formatLocation(where, context) : change.path,
        message:
          change.verdicts.length > 0 ? change.verdicts.map((v) => v.message).join(" ") : describe(change),
        source: change,
      };
    });
}

/** `GET /pets/{id}` for a pointer under `#/paths/<path>/<method>`, `/pets/{id}` for a path item, else undefined. */
export function operationOf(pointer: string): string | undefined {
  const [hash, root, rawPath, method] = pointer.split("/");
  if (hash !== "#" || root !== "paths" || rawPath === undefined) return undefined;
  const path = unescapePointer(rawPath);
  return method !== undefined && HTTP_METHODS.has(method) ? `${method.toUpperCase()} ${path}` : path;
}

/** Decodes one JSON pointer segment (`~1` → `/`, `~0` → `~`). */
export function unescapePointer(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

/** Encodes one JSON pointer segment. */
export function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Which side of the exchange a pointer is on: `request` (body or parameter), `response`, or `other`. */
export function placeOf(pointer: string): "request" | "response" | "other" {
  const segments = pointer.split("/");
  if (segments.includes("responses")) return "response";
  if (segments.includes("requestBody") || segments.includes("parameters")) return "request";
  return "other";
}

function formatLocation(location: RedoclyLocation, context: LocationContext): string {
  const file = resolve(context.cwd, location.file);
  if (context.roots.includes(file)) return location.pointer;
  const root = context.roots.find((r) => file.startsWith(`${dirname(r)}${sep}`));
  const shown = root ? relative(dirname(root), file).split(sep).join("/") : location.file;
  return `${shown}${location.pointer}`;
}

/** A sentence for a change Redocly rated without a rule (additions, documentation edits). */
function describe(change: RedoclyChange): string {
  const segments = change.path.split("/");
  const last = unescapePointer(segments.at(-1) ?? "");
  const parent = segments.at(-2);
  const value = (change.revision ?? change.base)?.value;
  const where = context(change.path);
  if (change.typeName === "PathItem" && change.kind !== "modified") {
    const path = operationOf(change.path) ?? last;
    const methods = isObject(value) ? Object.keys(value).filter((key) => HTTP_METHODS.has(key)) : [];
    if (methods.length === 0) return `Path \`${path}\` was ${change.kind}.`;
    const operations = methods.map((m) => `\`${m.toUpperCase()} ${path}\``).join(", ");
    return `${methods.length === 1 ? "Operation" : "Operations"} ${operations} ${methods.length === 1 ? "was" : "were"} ${change.kind}.`;
  }
  if (change.typeName === "Operation" && change.kind !== "modified") {
    return `Operation \`${operationOf(change.path)}\` was ${change.kind}.`;
  }
  if (change.typeName === "Parameter" && change.kind !== "modified" && isObject(value)) {
    const required = value.required === true ? "Required" : "Optional";
    return `${required} \`${String(value.name)}\` ${String(value.in)} parameter was ${change.kind}.`;
  }
  if (parent === "properties" && change.kind !== "modified") {
    return `Property \`${last}\`${where} was ${change.kind}.`;
  }
  if (change.kind !== "modified") return `${change.typeName} \`${last}\`${where} was ${change.kind}.`;
  const property = change.property ?? last;
  const subject = propertyName(change.path);
  const from = short(change.base?.value);
  const to = short(change.revision?.value);
  const values = from !== undefined && to !== undefined ? ` from ${from} to ${to}` : "";
  return `\`${property}\`${subject ? ` of property \`${subject}\`` : ""}${where} changed${values}.`;
}

/** ` in response 200`, ` in the request body`, ` in a parameter`, or nothing. */
function context(pointer: string): string {
  const segments = pointer.split("/");
  const responses = segments.indexOf("responses");
  if (responses !== -1 && segments[responses + 1] !== undefined)
    return ` in response ${segments[responses + 1]}`;
  if (segments.includes("requestBody")) return " in the request body";
  if (segments.includes("parameters")) return " in a parameter";
  return "";
}

/** The innermost schema property a pointer goes through (`.../properties/id` → `id`). */
export function propertyName(pointer: string): string | undefined {
  const segments = pointer.split("/");
  const index = segments.lastIndexOf("properties");
  const name = index === -1 ? undefined : segments[index + 1];
  return name === undefined ? undefined : unescapePointer(name);
}

function short(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text.length <= 60 ? `\`${text}\`` : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
