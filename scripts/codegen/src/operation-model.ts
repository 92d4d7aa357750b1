/**
 * Per-operation facts that vanish with the types at run time: operationIds, the media types of
 * request bodies and success responses, and which GET operations are page-numbered lists.
 */
import { HTTP_METHODS, resolveLocal } from "./security-model.js";

type Json = Record<string, unknown>;

/** The media types of one operation. */
export interface OperationMediaTypes {
  /** Media types of the success (2xx) responses, in the spec's order. */
  readonly accept: readonly string[];
  /** Media type of the request body (the first the spec lists). */
  readonly contentType?: string;
}

export interface OperationModel {
  /** `"METHOD /path"` → media types, for every operation. */
  readonly mediaTypes: ReadonlyMap<string, OperationMediaTypes>;
  /** `"METHOD /path"` → operationId, for operations that have one. */
  readonly operationIds: ReadonlyMap<string, string>;
  /** Path of a GET with a `page` query parameter → the property of its 200 JSON body holding the items. */
  readonly listOperations: ReadonlyMap<string, string>;
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function resolved(document: Json, value: unknown): Json | undefined {
  const node = resolveLocal(document, value);
  return isObject(node) ? node : undefined;
}

function contentTypes(document: Json, holder: unknown): string[] {
  const content = resolved(document, holder)?.content;
  return isObject(content) ? Object.keys(content) : [];
}

/** Whether a schema is an array (`type: array`, `type: [array, "null"]`, or one alternative of a composition). */
function isArraySchema(document: Json, value: unknown, depth = 0): boolean {
  const schema = resolved(document, value);
  if (!schema || depth > 10) return false;
  const type = schema.type;
  if (type === "array" || (Array.isArray(type) && type.includes("array"))) return true;
  return [schema.oneOf, schema.anyOf, schema.allOf]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .some((alternative) => isArraySchema(document, alternative, depth + 1));
}

/** The single array property of the 200 JSON body, if there is exactly one. */
function itemsProperty(document: Json, operation: Json): string | undefined {
  const ok = resolved(document, (operation.responses as Json | undefined)?.["200"]);
  const content = ok?.content;
  if (!isObject(content)) return undefined;
  const json = Object.entries(content).find(([type]) => /[/+]json$/.test(type));
  const schema = json && isObject(json[1]) ? resolved(document, json[1].schema) : undefined;
  const properties = schema?.properties;
  if (!isObject(properties)) return undefined;
  const arrays = Object.keys(properties).filter((name) => isArraySchema(document, properties[name]));
  return arrays.length === 1 ? arrays[0] : undefined;
}

function hasPageParameter(document: Json, pathItem: Json, operation: Json): boolean {
  return [pathItem.parameters, operation.parameters]
    .flatMap((list) => (Array.isArray(list) ? list : []))
    .some((parameter) => {
      const p = resolved(document, parameter);
      return p?.in === "query" && p.name === "page";
    });
}

/** Reads the operation model of a bundled OpenAPI 3.0/3.1 document, in document order. */
export function readOperationModel(document: Json): OperationModel {
  const mediaTypes = new Map<string, OperationMediaTypes>();
  const operationIds = new Map<string, string>();
  const listOperations = new Map<string, string>();
  for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const pathItem = resolved(document, rawItem);
    if (!pathItem) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const accept: string[] = [];
      for (const [status, response] of Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      )) {
        if (!/^2(\d\d|XX)$/.test(status)) continue;
        for (const type of contentTypes(document, response)) if (!accept.includes(type)) accept.push(type);
      }
      const [contentType] = contentTypes(document, operation.requestBody);
      mediaTypes.set(key, contentType === undefined ? { accept } : { accept, contentType });
      if (typeof operation.operationId === "string") operationIds.set(key, operation.operationId);
      if (method === "get" && hasPageParameter(document, pathItem, operation)) {
        const items = itemsProperty(document, operation);
        if (items !== undefined) listOperations.set(path, items);
      }
    }
  }
  return { mediaTypes, operationIds, listOperations };
}
