import * as z from "zod/mini";

/**
 * boltPay's `amount` format: a 12-digit, zero-padded string (`000000000100`). The spec's pattern
 * (`^[0-9]{12}$`) is not part of the generated types (openapi-typescript turns patterns into plain
 * `string`), so the types accept any string; this schema checks at run time.
 */
export const AmountSchema = z.string().check(z.regex(/^[0-9]{12}$/, "must be 12 digits, zero-padded"));

/** A boltPay amount string. */
export type Amount = z.infer<typeof AmountSchema>;

/**
 * Formats a non-negative integer as boltPay's 12-digit amount string. The docs' example reads
 * `000000000100` as 1.00, i.e. the last two digits are presumably the minor units (the docs'
 * explanation is cut off), so pass minor units: `formatAmount(100)` → `"000000000100"`.
 *
 * @param minorUnits - the amount in minor units (cents), an integer from 0 to 999 999 999 999
 * @returns the 12-digit string
 * @throws {RangeError} for a negative, fractional or too large amount
 */
export function formatAmount(minorUnits: number | bigint): Amount {
  const value =
    typeof minorUnits === "bigint" ? minorUnits : Number.isSafeInteger(minorUnits) ? BigInt(minorUnits) : -1n;
  if (value < 0n || value > 999_999_999_999n) {
    throw new RangeError("amount must be an integer number of minor units from 0 to 999999999999");
  }
  return value.toString().padStart(12, "0");
}
