import type { components } from "../generated/schema.gen.js";
import { call } from "../internal/call.js";
import { InvalidArgumentError } from "../internal/validate.js";
import type { BolPathsClient, ProcessStatus } from "../types.js";

/** bol's limit of ids per bulk request. */
export const BULK_PROCESS_STATUS_LIMIT = 1000;

/** Options of {@link getProcessStatuses}. */
export interface GetProcessStatusesOptions {
  /** Aborts with `BOL_ABORTED`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Looks up many process statuses at once with `POST /shared/process-status`, in requests of at
 * most 1000 ids. Statuses bol no longer keeps are simply missing from the result, as bol leaves them
 * out.
 *
 * @param client - a bol client
 * @param ids - process status ids, or the statuses themselves
 * @param options - signal
 * @returns the statuses bol returned, keyed by `processStatusId`
 * @throws {BolApiError} `BOL_API_ERROR` / `BOL_RATE_LIMITED` for an error status
 * @throws {BolAbortError} `BOL_ABORTED`
 * @example
 * ```ts
 * const statuses = await getProcessStatuses(bol, pendingIds);
 * const failed = [...statuses.values()].filter((s) => s.status === "FAILURE");
 * ```
 */
export async function getProcessStatuses(
  client: BolPathsClient,
  ids: readonly (string | ProcessStatus)[],
  options: GetProcessStatusesOptions = {},
): Promise<Map<string, ProcessStatus>> {
  const unique = [
    ...new Set(
      ids.map((entry, index) => {
        const id = typeof entry === "string" ? entry : entry?.processStatusId;
        if (typeof id !== "string" || id === "") {
          throw new InvalidArgumentError("ERR_INVALID_ARG_VALUE", `ids[${index}] has no process status id`);
        }
        return id;
      }),
    ),
  ];
  const found = new Map<string, ProcessStatus>();
  for (let start = 0; start < unique.length; start += BULK_PROCESS_STATUS_LIMIT) {
    const chunk = unique.slice(start, start + BULK_PROCESS_STATUS_LIMIT);
    const body: components["schemas"]["BulkProcessStatusRequest"] = {
      processStatusQueries: chunk.map((processStatusId) => ({ processStatusId })),
    };
    const { data } = await call<components["schemas"]["ProcessStatusResponse"]>(
      client,
      "POST",
      "/shared/process-status",
      { body },
      options.signal,
    );
    for (const status of data?.processStatuses ?? []) {
      if (typeof status.processStatusId === "string") found.set(status.processStatusId, status);
    }
  }
  return found;
}
