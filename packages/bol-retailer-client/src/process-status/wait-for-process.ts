import { BolApiError } from "../errors/bol-api-error.js";
import { ProcessFailedError, ProcessTimeoutError } from "../errors/process-errors.js";
import { call } from "../internal/call.js";
import { sleep, throwIfAborted } from "../internal/sleep.js";
import { InvalidArgumentError, numberOption } from "../internal/validate.js";
import { rateLimitInfo } from "../rate-limit/rate-limit-info.js";
import type { BolPathsClient, ProcessStatus, SucceededProcessStatus } from "../types.js";

/** What {@link WaitForProcessOptions.onStatus} is told after each poll. */
export interface ProcessPollEvent {
  /** The status just fetched. */
  readonly processStatus: ProcessStatus;
  /** 1 for the first poll. */
  readonly poll: number;
}

/** Options of {@link waitForProcess}. */
export interface WaitForProcessOptions {
  /** Stops waiting with `BOL_ABORTED` (between polls or during one). */
  readonly signal?: AbortSignal | undefined;
  /**
   * The wait before the first poll (after a `202` status is handed in; an id is polled at once) and
   * between the first polls.
   * @default 1000
   */
  readonly intervalMs?: number | undefined;
  /**
   * The longest wait between two polls.
   * @default 30000
   */
  readonly maxIntervalMs?: number | undefined;
  /**
   * Each wait is the previous one times this factor (1 keeps the interval fixed).
   * @default 1.5
   */
  readonly backoff?: number | undefined;
  /**
   * Our own overall limit: past it, a still-`PENDING` process fails with `BOL_WAIT_TIMEOUT`.
   * `Infinity` waits as long as bol keeps the status (bol can take hours in rare cases and keeps
   * finished statuses for about 48 hours).
   * @default 600000 (10 minutes)
   */
  readonly timeoutMs?: number | undefined;
  /** Called after each poll, e.g. for logging. */
  readonly onStatus?: ((event: ProcessPollEvent) => void) | undefined;
}

const PATH = "/shared/process-status/{process-status-id}";

function settle(status: ProcessStatus, id: string): SucceededProcessStatus | undefined {
  switch (status.status) {
    case "SUCCESS":
      return status as SucceededProcessStatus;
    case "FAILURE":
      throw new ProcessFailedError(status);
    case "TIMEOUT":
      throw new ProcessTimeoutError(id, status);
    default:
      return undefined;
  }
}

/**
 * Waits until an asynchronous bol process ends, polling `GET /shared/process-status/{id}` with a
 * growing interval (`intervalMs`, times `backoff` each time, at most `maxIntervalMs`). A 429 while
 * polling is waited out (its `Retry-After`) rather than thrown.
 *
 * @param client - a bol client (the demo client polls `/shared-demo/...`)
 * @param processStatusOrId - the `ProcessStatus` a `202` answered with, or its `processStatusId`
 * @param options - intervals, timeout, signal
 * @returns the final status, `SUCCESS`; `entityId` holds the id of what was created (a shipment's
 *   order item, an export's report id, …)
 * @throws {ProcessFailedError} `BOL_PROCESS_FAILED`, with bol's `errorMessage`
 * @throws {ProcessTimeoutError} `BOL_PROCESS_TIMEOUT` (bol's status `TIMEOUT`) or `BOL_WAIT_TIMEOUT` (our `timeoutMs`)
 * @throws {BolApiError} `BOL_API_ERROR` for another error status (404 once bol no longer keeps the status)
 * @throws {BolAbortError} `BOL_ABORTED` when `signal` aborts
 * @throws {TypeError} `ERR_INVALID_ARG_VALUE` for a bad option or a status without `processStatusId`
 * @example
 * ```ts
 * const { data: accepted } = await bol.POST("/retailer/shipments", { body: { orderItems: [{ orderItemId }] } });
 * const done = await waitForProcess(bol, accepted!, { timeoutMs: 60_000 });
 * ```
 */
export async function waitForProcess(
  client: BolPathsClient,
  processStatusOrId: ProcessStatus | string,
  options: WaitForProcessOptions = {},
): Promise<SucceededProcessStatus> {
  const intervalMs = numberOption("intervalMs", options.intervalMs, 1_000);
  const maxIntervalMs = numberOption("maxIntervalMs", options.maxIntervalMs, 30_000);
  const backoff = numberOption("backoff", options.backoff, 1.5, 1);
  const timeoutMs = numberOption("timeoutMs", options.timeoutMs, 600_000);
  const { signal, onStatus } = options;
  const given = typeof processStatusOrId === "string" ? undefined : processStatusOrId;
  const id = typeof processStatusOrId === "string" ? processStatusOrId : processStatusOrId?.processStatusId;
  if (typeof id !== "string" || id === "") {
    throw new InvalidArgumentError(
      "ERR_INVALID_ARG_VALUE",
      "processStatusOrId must be a process status id or a ProcessStatus with a processStatusId",
    );
  }
  throwIfAborted(signal);

  let last = given;
  if (last !== undefined) {
    const done = settle(last, id);
    if (done) return done;
  }
  const deadline = Date.now() + timeoutMs;
  let delay = Math.min(intervalMs, maxIntervalMs);
  let wait = given === undefined ? 0 : delay;
  for (let poll = 1; ; poll++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new ProcessTimeoutError(id, last, timeoutMs);
    if (wait > 0) await sleep(Math.min(wait, remaining), signal);
    const { data, response } = await call<ProcessStatus>(
      client,
      "GET",
      PATH,
      { params: { path: { "process-status-id": id } } },
      signal,
      false,
    );
    if (response.status === 429) {
      wait = Math.max(delay, rateLimitInfo(response).retryAfterMs ?? 0);
      continue;
    }
    if (data === undefined) throw new BolApiError(`GET ${PATH}`, response, undefined);
    last = data;
    onStatus?.({ processStatus: data, poll });
    const done = settle(data, id);
    if (done) return done;
    if (Date.now() >= deadline) throw new ProcessTimeoutError(id, last, timeoutMs);
    wait = delay;
    delay = Math.min(delay * backoff, maxIntervalMs);
  }
}
