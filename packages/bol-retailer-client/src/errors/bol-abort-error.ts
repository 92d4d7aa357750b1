import { BolError } from "./bol-error.js";
import { BOL_ERROR_CODES } from "./codes.js";

/** The caller's `AbortSignal` aborted a wait or request. Code `BOL_ABORTED`; `cause` is the signal's reason. */
export class BolAbortError extends BolError<typeof BOL_ERROR_CODES.ABORTED> {
  override name = "BolAbortError" as const;

  /** @param reason - the signal's `reason` */
  constructor(reason: unknown) {
    super("The operation was aborted", { code: BOL_ERROR_CODES.ABORTED, cause: reason });
  }
}
