import type { ProcessStatus } from "../types.js";
import { BolError } from "./bol-error.js";
import { BOL_ERROR_CODES } from "./codes.js";

function describe(status: ProcessStatus | undefined, id: string): string {
  return status ? `${status.eventType} process ${id}` : `process ${id}`;
}

/**
 * The process ended in `FAILURE`. Code `BOL_PROCESS_FAILED`; {@link ProcessFailedError.errorMessage}
 * is bol's reason.
 */
export class ProcessFailedError extends BolError<typeof BOL_ERROR_CODES.PROCESS_FAILED> {
  override name = "ProcessFailedError" as const;
  /** The final process status. */
  readonly processStatus: ProcessStatus;
  /** bol's `errorMessage`, when it gave one. */
  readonly errorMessage: string | undefined;

  /** @param processStatus - the `FAILURE` status */
  constructor(processStatus: ProcessStatus) {
    const id = processStatus.processStatusId ?? "?";
    const reason = processStatus.errorMessage ?? undefined;
    super(`${describe(processStatus, id)} failed${reason ? `: ${reason}` : ""}`, {
      code: BOL_ERROR_CODES.PROCESS_FAILED,
    });
    this.processStatus = processStatus;
    this.errorMessage = reason;
  }

  protected override details(): Record<string, unknown> {
    return { errorMessage: this.errorMessage, processStatus: this.processStatus };
  }
}

/**
 * The process did not finish in time. Code `BOL_PROCESS_TIMEOUT` when bol itself reported the status
 * `TIMEOUT`; `BOL_WAIT_TIMEOUT` when our `timeoutMs` passed while it was still `PENDING` (the process
 * may still finish: poll it again later).
 */
export class ProcessTimeoutError extends BolError<
  typeof BOL_ERROR_CODES.PROCESS_TIMEOUT | typeof BOL_ERROR_CODES.WAIT_TIMEOUT
> {
  override name = "ProcessTimeoutError" as const;
  /** The process status id. */
  readonly processStatusId: string;
  /** The last status seen (bol's `TIMEOUT` status, or the last `PENDING` one), if any was fetched. */
  readonly processStatus: ProcessStatus | undefined;
  /** For `BOL_WAIT_TIMEOUT`: the `timeoutMs` that passed. */
  readonly timeoutMs: number | undefined;

  /**
   * @param processStatusId - the id polled
   * @param processStatus - bol's `TIMEOUT` status, or the last status seen
   * @param timeoutMs - our timeout, for `BOL_WAIT_TIMEOUT`; omit when bol reported `TIMEOUT`
   */
  constructor(processStatusId: string, processStatus: ProcessStatus | undefined, timeoutMs?: number) {
    const what = describe(processStatus, processStatusId);
    super(
      timeoutMs === undefined
        ? `${what} timed out at bol (status TIMEOUT)`
        : `${what} still ${processStatus?.status ?? "PENDING"} after ${timeoutMs} ms`,
      { code: timeoutMs === undefined ? BOL_ERROR_CODES.PROCESS_TIMEOUT : BOL_ERROR_CODES.WAIT_TIMEOUT },
    );
    this.processStatusId = processStatusId;
    this.processStatus = processStatus;
    this.timeoutMs = timeoutMs;
  }

  protected override details(): Record<string, unknown> {
    return {
      processStatusId: this.processStatusId,
      timeoutMs: this.timeoutMs,
      processStatus: this.processStatus,
    };
  }
}
