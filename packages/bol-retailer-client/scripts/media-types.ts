/**
 * `tsx scripts/media-types.ts [--check]`: writes `src/generated/media-types.gen.ts` from the bundled
 * bol spec. Run by this package's `generate` after `org-codegen` (and with `--check` by
 * `generate:check`, which writes nothing and exits 1 when the file is stale).
 *
 * The file is data, because the generated `paths` types vanish at run time:
 * - `MEDIA_TYPES`: per `"METHOD /path"`, the media types of the success responses (`accept`, in
 *   the spec's order) and of the request body (`contentType`, the first one the spec lists);
 * - `OPERATION_IDS`: per `"METHOD /path"`, the operationId;
 * - `LIST_OPERATIONS`: per path of a GET operation with a `page` query parameter whose 200 body
 *   holds a list, the property with the items.
 *
 * Output is deterministic: the spec's path and method order, a header with the bundled hash.
 */
import { readFile, rename, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { loadSpec } from "@org/codegen/load-spec";

const SPEC_LABEL = "specs/bol-retailer/openapi.yaml";
const SPEC_PATH = fileURLToPath(new URL(`../../../${SPEC_LABEL}`, import.meta.url));
const OUT_PATH = fileURLToPath(new URL("../src/generated/media-types.gen.ts", import.meta.url));
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

type Json = Record<string, unknown>;

/** One row of the media-type table. */
export interface MediaTypeRow {
  readonly accept: readonly string[];
  readonly contentType?: string;
}

/** What the generator reads from the spec. */
export interface MediaTypeModel {
  readonly mediaTypes: ReadonlyMap<string, MediaTypeRow>;
  readonly operationIds: ReadonlyMap<string, string>;
  readonly listOperations: ReadonlyMap<string, string>;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `$ref`s (`#/components/...`) until a non-reference object. */
function deref(document: Json, value: unknown): Json | undefined {
  let current = value;
  for (let depth = 0; depth < 20 && isObject(current) && typeof current.$ref === "string"; depth++) {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`unsupported $ref ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), document);
  }
  return isObject(current) ? current : undefined;
}

function contentTypes(document: Json, holder: unknown): string[] {
  const content = deref(document, holder)?.content;
  return isObject(content) ? Object.keys(content) : [];
}

/** Whether a schema is an array (`type: array`, `type: [array, "null"]`, or a `oneOf`/`anyOf` with one). */
function isArraySchema(document: Json, value: unknown): boolean {
  const schema = deref(document, value);
  if (!schema) return false;
  const type = schema.type;
  if (type === "array" || (Array.isArray(type) && type.includes("array"))) return true;
  const alternatives = [schema.oneOf, schema.anyOf, schema.allOf].flatMap((list) =>
    Array.isArray(list) ? list : [],
  );
  return alternatives.some((alternative) => isArraySchema(document, alternative));
}

/** The single array property of the 200 JSON body of a list operation, if there is exactly one. */
function itemsKey(document: Json, operation: Json): string | undefined {
  const ok = deref(document, (operation.responses as Json | undefined)?.["200"]);
  const content = ok?.content;
  if (!isObject(content)) return undefined;
  const json = Object.entries(content).find(([type]) => /\+json$|\/json$/.test(type));
  const schema = json && isObject(json[1]) ? deref(document, json[1].schema) : undefined;
  const properties = schema?.properties;
  if (!isObject(properties)) return undefined;
  const arrays = Object.entries(properties)
    .filter(([, property]) => isArraySchema(document, property))
    .map(([name]) => name);
  return arrays.length === 1 ? arrays[0] : undefined;
}

function hasPageParameter(document: Json, pathItem: Json, operation: Json): boolean {
  const parameters = [
    ...(Array.isArray(pathItem.parameters) ? pathItem.parameters : []),
    ...(Array.isArray(operation.parameters) ? operation.parameters : []),
  ];
  return parameters.some((parameter) => {
    const resolved = deref(document, parameter);
    return resolved?.in === "query" && resolved.name === "page";
  });
}

/** Reads the media-type table, operationIds and list operations from a bundled spec. */
export function readMediaTypeModel(document: Json): MediaTypeModel {
  const mediaTypes = new Map<string, MediaTypeRow>();
  const operationIds = new Map<string, string>();
  const listOperations = new Map<string, string>();
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, rawItem] of Object.entries(paths)) {
    const pathItem = deref(document, rawItem);
    if (!pathItem) continue;
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const responses = isObject(operation.responses) ? operation.responses : {};
      const accept: string[] = [];
      for (const [status, response] of Object.entries(responses)) {
        if (!/^2(\d\d|XX)$/.test(status)) continue;
        for (const type of contentTypes(document, response)) if (!accept.includes(type)) accept.push(type);
      }
      const [contentType] = contentTypes(document, operation.requestBody);
      mediaTypes.set(key, contentType === undefined ? { accept } : { accept, contentType });
      if (typeof operation.operationId === "string") operationIds.set(key, operation.operationId);
      if (method === "get" && hasPageParameter(document, pathItem, operation)) {
        const items = itemsKey(document, operation);
        if (items !== undefined) listOperations.set(path, items);
      }
    }
  }
  return { mediaTypes, operationIds, listOperations };
}

const q = (value: string): string => JSON.stringify(value);

/** Renders `media-types.gen.ts`. */
export function renderMediaTypes(model: MediaTypeModel, hash: string): string {
  const lines = [
    "// This file is generated by packages/bol-retailer-client/scripts/media-types.ts. DO NOT EDIT.",
    `// Source: ${SPEC_LABEL} (bundled sha256 ${hash})`,
    "// Edit the spec and run `pnpm generate` instead.",
    "",
    "/** The media types of one operation. */",
    "export interface OperationMediaTypes {",
    "  /** Media types of the success (2xx) responses, in the spec's order; the first is sent as `Accept` by default. */",
    "  readonly accept: readonly string[];",
    "  /** Media type of the request body (the first the spec lists), sent as `Content-Type`. */",
    "  readonly contentType?: string;",
    "}",
    "",
    "/**",
    ' * For every operation, keyed `"METHOD /path"` as openapi-fetch names it: the media types the',
    " * spec declares for its success responses and request body.",
    " */",
    "export const MEDIA_TYPES = {",
  ];
  for (const [key, row] of model.mediaTypes) {
    const accept = `accept: [${row.accept.map(q).join(", ")}]`;
    const contentType = row.contentType === undefined ? "" : `, contentType: ${q(row.contentType)}`;
    lines.push(`  ${q(key)}: { ${accept}${contentType} },`);
  }
  lines.push(
    "} as const satisfies Record<string, OperationMediaTypes>;",
    "",
    '/** An operation key, `"METHOD /path"`. */',
    "export type MediaTypeKey = keyof typeof MEDIA_TYPES;",
    "",
    '/** The operationId of every operation, keyed `"METHOD /path"`. */',
    "export const OPERATION_IDS = {",
  );
  for (const [key, id] of model.operationIds) lines.push(`  ${q(key)}: ${q(id)},`);
  lines.push(
    "} as const satisfies Record<MediaTypeKey, string>;",
    "",
    "/**",
    " * The page-numbered list operations (GET with a `page` query parameter), by path: the property of",
    " * the 200 body that holds the items.",
    " */",
    "export const LIST_OPERATIONS = {",
  );
  for (const [path, key] of model.listOperations) lines.push(`  ${q(path)}: ${q(key)},`);
  lines.push("} as const;", "", "/** A path of {@link LIST_OPERATIONS}. */");
  lines.push("export type ListPath = keyof typeof LIST_OPERATIONS;", "");
  return lines.join("\n");
}

/** Generates the file text from the repository's spec. */
export async function generateMediaTypes(): Promise<string> {
  const spec = await loadSpec(SPEC_PATH, { lint: false });
  return renderMediaTypes(readMediaTypeModel(spec.document), spec.hash);
}

async function main(argv: readonly string[]): Promise<number> {
  const check = argv.includes("--check");
  const text = await generateMediaTypes();
  const current = await readFile(OUT_PATH, "utf8").catch(() => undefined);
  if (check) {
    if (current !== text) {
      console.error(`Generated file is stale: ${OUT_PATH}. Run \`pnpm generate\`.`);
      return 1;
    }
    console.log(`src/generated/media-types.gen.ts: up to date with ${SPEC_LABEL}`);
    return 0;
  }
  if (current !== text) {
    const temp = `${OUT_PATH}.${process.pid}.tmp`;
    await writeFile(temp, text);
    await rename(temp, OUT_PATH);
  }
  console.log(`${SPEC_LABEL} → src/generated/media-types.gen.ts`);
  return 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
