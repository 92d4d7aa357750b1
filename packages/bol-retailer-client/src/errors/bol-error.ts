import type { BolErrorCode } from "./codes.js";

/** Options every {@link BolError} constructor takes. */
export interface BolErrorOptions<Code extends BolErrorCode = BolErrorCode> {
  /** The stable code. */
  readonly code: Code;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * Base class of every error this package throws: a stable string {@link BolError.code} (see
 * `BOL_ERROR_CODES`), a message naming at most `METHOD /path` (never a full URL, token or
 * credential), and a `toJSON()` with a fixed list of safe fields. A `Response` an error carries is
 * non-enumerable, so it stays out of logs and serialisation.
 */
export class BolError<Code extends BolErrorCode = BolErrorCode> extends Error {
  override name = "BolError";
  /** The stable code; see `BOL_ERROR_CODES`. */
  readonly code: Code;

  /**
   * @param message - a message holding no secret
   * @param options - the code and an optional cause
   */
  constructor(message: string, options: BolErrorOptions<Code>) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
  }

  /** Brand for cross-realm checks; see `isBolError()`. */
  get isBolError(): true {
    return true;
  }

  /** The fields specific to a subclass, for `toJSON()` and `util.inspect()`. */
  protected details(): Record<string, unknown> {
    return {};
  }

  /** @returns a plain view: name, code, message and the subclass details */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, ...this.details() };
  }

  /** Node's `util.inspect()`: the stack followed by the safe details. */
  [inspectSymbol](): string {
    const { name: _name, message: _message, ...rest } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${JSON.stringify(rest)}`;
  }
}

/** Defines `response` as a non-enumerable, read-only property. */
export function hideResponse(error: object, response: Response | undefined): void {
  Object.defineProperty(error, "response", { value: response, enumerable: false, writable: false });
}
