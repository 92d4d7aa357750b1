/** A `TypeError` with a Node-style `code`, for bad arguments. @internal */
export class InvalidArgumentError extends TypeError {
  override name = "TypeError";
  readonly code: "ERR_INVALID_ARG_VALUE" | "ERR_INVALID_ARG_TYPE";

  constructor(code: "ERR_INVALID_ARG_VALUE" | "ERR_INVALID_ARG_TYPE", message: string) {
    super(message);
    this.code = code;
  }
}

/**
 * `value` when it is a finite number ≥ `min` (or `fallback` when `undefined`); throws
 * `ERR_INVALID_ARG_VALUE` naming `name` otherwise.
 *
 * @internal
 */
export function numberOption(name: string, value: unknown, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < min) {
    throw new InvalidArgumentError("ERR_INVALID_ARG_VALUE", `${name} must be a number ≥ ${min}`);
  }
  return value;
}
