import type { FetchOptions } from "openapi-fetch";
import { LIST_OPERATIONS, type ListPath } from "../generated/operations.gen.js";
import type { paths } from "../generated/schema.gen.js";
import { call } from "../internal/call.js";
import { throwIfAborted } from "../internal/sleep.js";
import { numberOption } from "../internal/validate.js";
import type { BolPathsClient } from "../types.js";

export type { ListPath };

/** The GET operation of a list path. */
export type ListOperation<P extends ListPath> = NonNullable<paths[P]["get"]>;

type JsonBody<Operation> = Operation extends {
  responses: { 200: { content: { "application/vnd.retailer.v10+json": infer Body } } };
}
  ? Body
  : never;

/** One item of a list operation's page, e.g. a `ReducedOrder` for `/retailer/orders`. */
export type ListItem<P extends ListPath> =
  NonNullable<
    JsonBody<ListOperation<P>>[(typeof LIST_OPERATIONS)[P] & keyof JsonBody<ListOperation<P>>]
  > extends readonly (infer Item)[]
    ? Item
    : never;

/** The request options of a list operation (as for `client.GET`), `parseAs` excepted. */
export type ListInit<P extends ListPath> = Omit<FetchOptions<ListOperation<P>>, "parseAs">;

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

/** Options of {@link paginate} and {@link paginatePages}. */
export interface PaginateOptions {
  /**
   * Stop after this many pages.
   * @default Infinity
   */
  readonly maxPages?: number | undefined;
  /**
   * bol's page size: a page with fewer items is the last one.
   * @default 50
   */
  readonly pageSize?: number | undefined;
  /** Aborts with `BOL_ABORTED` (between pages or during a request). */
  readonly signal?: AbortSignal | undefined;
}

/** The arguments after the path: the init is required when the operation has required parameters. */
export type PaginateArgs<P extends ListPath> =
  RequiredKeys<ListInit<P>> extends never
    ? [init?: ListInit<P>, options?: PaginateOptions]
    : [init: ListInit<P>, options?: PaginateOptions];

/** One page of a list. */
export interface Page<P extends ListPath> {
  /** The page number (1-based), as sent in `page`. */
  readonly page: number;
  /** The items of the page (never empty: an empty page ends the iteration). */
  readonly items: ListItem<P>[];
  /** The response, for its rate-limit headers. */
  readonly response: Response;
}

/**
 * Iterates over the pages of a page-numbered bol list (`page=1, 2, …`), stopping at an empty page,
 * a short page (fewer than `pageSize` items), `hasNextPage: false`, or `maxPages`. Starts at the
 * `page` given in the query, if any.
 *
 * @param client - a bol client
 * @param path - a list path (`/retailer/orders`, `/retailer/shipments`, `/retailer/returns`, …; see `LIST_OPERATIONS`)
 * @param args - the request options, as for `client.GET(path, init)`, then {@link PaginateOptions}
 * @returns an async iterator of pages
 * @throws {BolApiError} `BOL_API_ERROR` / `BOL_RATE_LIMITED` when a page request fails
 * @throws {BolAbortError} `BOL_ABORTED`
 */
export async function* paginatePages<P extends ListPath>(
  client: BolPathsClient,
  path: P,
  ...args: PaginateArgs<P>
): AsyncGenerator<Page<P>, void, undefined> {
  const [init, options = {}] = args as unknown as [
    Record<string, unknown> | undefined,
    PaginateOptions | undefined,
  ];
  const maxPages = numberOption("maxPages", options.maxPages, Number.POSITIVE_INFINITY, 1);
  const pageSize = numberOption("pageSize", options.pageSize, 50, 1);
  const { signal } = options;
  const itemsKey: string = LIST_OPERATIONS[path];
  const params = (init?.params ?? {}) as { query?: Record<string, unknown> };
  let page = Number(params.query?.page ?? 1);
  for (let fetched = 0; fetched < maxPages; fetched++, page++) {
    throwIfAborted(signal);
    const { data, response } = await call<Record<string, unknown>>(
      client,
      "GET",
      path,
      { ...init, params: { ...params, query: { ...params.query, page } } },
      signal,
    );
    const list = data?.[itemsKey];
    const items = (Array.isArray(list) ? list : []) as ListItem<P>[];
    if (items.length === 0) return;
    yield { page, items, response };
    if (items.length < pageSize || data?.hasNextPage === false) return;
  }
}

/**
 * Iterates over the items of a page-numbered bol list, fetching page after page (see
 * {@link paginatePages} for when it stops).
 *
 * @param client - a bol client
 * @param path - a list path
 * @param args - the request options, as for `client.GET(path, init)`, then {@link PaginateOptions}
 * @returns an async iterator of items, typed by the operation
 * @throws {BolApiError} `BOL_API_ERROR` / `BOL_RATE_LIMITED` when a page request fails
 * @throws {BolAbortError} `BOL_ABORTED`
 * @example
 * ```ts
 * for await (const order of paginate(bol, "/retailer/orders", { params: { query: { status: "OPEN" } } })) {
 *   console.log(order.orderId, order.orderItems.length);
 * }
 * ```
 */
export async function* paginate<P extends ListPath>(
  client: BolPathsClient,
  path: P,
  ...args: PaginateArgs<P>
): AsyncGenerator<ListItem<P>, void, undefined> {
  for await (const { items } of paginatePages(client, path, ...args)) yield* items;
}
