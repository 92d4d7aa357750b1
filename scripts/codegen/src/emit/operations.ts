/**
 * Emits `operations.gen.ts`: data only. Per operation, its operationId and the media types of its
 * request body and success responses; the page-numbered list operations and their items property.
 */
import type { OperationModel } from "../operation-model.js";

const q = (value: string): string => JSON.stringify(value);

export function emitOperations(model: OperationModel, header: string): string {
  const mediaTypes = [...model.mediaTypes].map(([key, row]) => {
    const contentType = row.contentType === undefined ? "" : `, contentType: ${q(row.contentType)}`;
    return `  ${q(key)}: { accept: [${row.accept.map(q).join(", ")}]${contentType} },`;
  });
  const ids = [...model.operationIds].map(([key, id]) => `  ${q(key)}: ${q(id)},`);
  const lists = [...model.listOperations].map(([path, items]) => `  ${q(path)}: ${q(items)},`);
  const block = (lines: string[]) => (lines.length > 0 ? `{\n${lines.join("\n")}\n}` : "{}");

  return `${header}
/** The media types of one operation. */
export interface OperationMediaTypes {
  /** Media types of the success (2xx) responses, in the spec's order. */
  readonly accept: readonly string[];
  /** Media type of the request body (the first the spec lists). */
  readonly contentType?: string;
}

/**
 * For every operation, keyed \`"METHOD /path"\` as openapi-fetch names it: the media types the
 * spec declares for its success responses and request body.
 */
export const MEDIA_TYPES = ${block(mediaTypes)} as const satisfies Record<string, OperationMediaTypes>;

/** An operation key, \`"METHOD /path"\`. */
export type MediaTypeKey = keyof typeof MEDIA_TYPES;

/** The operationId of every operation that has one, keyed \`"METHOD /path"\`. */
export const OPERATION_IDS = ${block(ids)} as const satisfies Partial<Record<MediaTypeKey, string>>;

/**
 * The page-numbered list operations (GET with a \`page\` query parameter whose 200 JSON body has
 * exactly one array property), by path: the property that holds the items.
 */
export const LIST_OPERATIONS = ${block(lists)} as const;

/** A path of {@link LIST_OPERATIONS}. */
export type ListPath = keyof typeof LIST_OPERATIONS;
`;
}
