import type { StoredToken } from "@org/auth";

/**
 * Serialises a {@link StoredToken} for Redis. Only the known fields are written (a whitelist), so a
 * value never carries anything else that an object passed to `set()` might hold, such as a client
 * secret. `StoredToken` itself has no client secret field.
 *
 * @param value - the token record from `@org/auth`
 * @returns the JSON text
 * @throws {TypeError} when `value` is not a version-1 token record
 */
export function serializeStoredToken(value: StoredToken): string {
  if (!isStoredToken(value)) throw new TypeError("set(): value is not a StoredToken (v: 1) record");
  const record: StoredToken = {
    v: 1,
    accessToken: value.accessToken,
    tokenType: value.tokenType,
    issuedAt: value.issuedAt,
    expiresAt: value.expiresAt,
    ...(value.scope === undefined ? {} : { scope: [...value.scope] }),
    ...(value.idToken === undefined ? {} : { idToken: value.idToken }),
  };
  return JSON.stringify(record);
}

/**
 * Parses what {@link serializeStoredToken} wrote.
 *
 * @param text - the JSON text read from Redis
 * @returns the record, or `undefined` when the text is not a version-1 token record
 */
export function parseStoredToken(text: string): StoredToken | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isStoredToken(value)) return undefined;
  return {
    v: 1,
    accessToken: value.accessToken,
    tokenType: value.tokenType,
    issuedAt: value.issuedAt,
    expiresAt: value.expiresAt,
    ...(value.scope === undefined ? {} : { scope: [...value.scope] }),
    ...(value.idToken === undefined ? {} : { idToken: value.idToken }),
  };
}

function isStoredToken(value: unknown): value is StoredToken {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    record.v === 1 &&
    typeof record.accessToken === "string" &&
    record.accessToken !== "" &&
    typeof record.tokenType === "string" &&
    Number.isFinite(record.issuedAt) &&
    Number.isFinite(record.expiresAt) &&
    (record.scope === undefined ||
      (Array.isArray(record.scope) && record.scope.every((scope) => typeof scope === "string"))) &&
    (record.idToken === undefined || typeof record.idToken === "string")
  );
}
