import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createValueCipher, ENCRYPTED_PREFIX, toKeyObject } from "./encryption.js";

const keyObject = (bytes: Uint8Array | string) => {
  const key = toKeyObject(bytes);
  if (typeof key === "string") throw new Error(key);
  return key;
};

describe("createValueCipher (AES-256-GCM)", () => {
  const cipher = createValueCipher(keyObject(randomBytes(32)));

  it("round-trips, with a fresh nonce per value", () => {
    const a = cipher.encrypt('{"accessToken":"at-secret"}', "key-1");
    const b = cipher.encrypt('{"accessToken":"at-secret"}', "key-1");
    expect(a.startsWith(ENCRYPTED_PREFIX)).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain("at-secret");
    expect(cipher.decrypt(a, "key-1")).toBe('{"accessToken":"at-secret"}');
  });

  it("rejects another associated key, another encryption key, tampering and foreign text", () => {
    const text = cipher.encrypt("plain", "key-1");
    expect(cipher.decrypt(text, "key-2")).toBeUndefined();
    expect(createValueCipher(keyObject(randomBytes(32))).decrypt(text, "key-1")).toBeUndefined();
    const body = text.slice(-4);
    const flipped = `${text.slice(0, -4)}${body === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(cipher.decrypt(flipped, "key-1")).toBeUndefined();
    expect(cipher.decrypt("plain", "key-1")).toBeUndefined();
    expect(cipher.decrypt(`${ENCRYPTED_PREFIX}a.b`, "key-1")).toBeUndefined();
  });
});

describe("toKeyObject", () => {
  it("takes 32 bytes as bytes, base64 or base64url", () => {
    const bytes = randomBytes(32);
    for (const form of [
      bytes,
      new Uint8Array(bytes),
      bytes.toString("base64"),
      bytes.toString("base64url"),
    ]) {
      expect(typeof toKeyObject(form)).toBe("object");
    }
  });

  it("refuses other lengths and types with a reason that does not quote the key", () => {
    for (const bad of [randomBytes(16), randomBytes(31).toString("base64"), "hex?!", 1, undefined]) {
      const reason = toKeyObject(bad);
      expect(typeof reason).toBe("string");
      if (typeof bad === "string") expect(reason).not.toContain(bad);
    }
  });
});
