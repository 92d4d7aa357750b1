import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from "node:crypto";

/** Prefix of an encrypted value: algorithm and format version. */
export const ENCRYPTED_PREFIX = "aes256gcm.v1.";

/** Bytes of an AES-256 key. */
const KEY_BYTES = 32;
/** Bytes of a GCM nonce (96 bits, the recommended size). */
const IV_BYTES = 12;
/** Bytes of a GCM authentication tag. */
const TAG_BYTES = 16;

/** Encrypts and decrypts stored values with AES-256-GCM. The key stays inside (a `KeyObject`). */
export interface ValueCipher {
  /**
   * @param plaintext - the serialised token record
   * @param aad - additional authenticated data: the Redis key, so a value only decrypts under its key
   * @returns `aes256gcm.v1.<iv>.<tag>.<ciphertext>` (base64url parts)
   */
  encrypt(plaintext: string, aad: string): string;
  /**
   * @param text - what {@link ValueCipher.encrypt} returned
   * @param aad - the Redis key the value was read from
   * @returns the plaintext, or `undefined` when the text is not ours, was changed, was written under
   *   another key, or was encrypted with another key
   */
  decrypt(text: string, aad: string): string | undefined;
}

/**
 * Checks an encryption key: 32 bytes, as a `Uint8Array` (a `Buffer` is one) or a base64 string.
 *
 * @param key - the key as given
 * @returns a copy as a `KeyObject`, or a reason why it is not usable
 */
export function toKeyObject(key: unknown): KeyObject | string {
  let bytes: Buffer;
  if (key instanceof Uint8Array) {
    bytes = Buffer.from(key);
  } else if (typeof key === "string") {
    if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(key)) return "must be 32 bytes: a Uint8Array or a base64 string";
    bytes = Buffer.from(key, key.includes("-") || key.includes("_") ? "base64url" : "base64");
  } else {
    return "must be 32 bytes: a Uint8Array or a base64 string";
  }
  if (bytes.length !== KEY_BYTES) return `must be exactly ${KEY_BYTES} bytes (AES-256)`;
  const keyObject = createSecretKey(bytes);
  bytes.fill(0);
  return keyObject;
}

/**
 * Creates a {@link ValueCipher} around `key`. Each value gets a fresh random 96-bit nonce.
 *
 * @param key - a 32-byte secret key
 */
export function createValueCipher(key: KeyObject): ValueCipher {
  return {
    encrypt(plaintext, aad) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(Buffer.from(aad, "utf8"));
      const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${ENCRYPTED_PREFIX}${iv.toString("base64url")}.${tag.toString("base64url")}.${ciphertext.toString("base64url")}`;
    },
    decrypt(text, aad) {
      if (!text.startsWith(ENCRYPTED_PREFIX)) return undefined;
      const parts = text.slice(ENCRYPTED_PREFIX.length).split(".");
      if (parts.length !== 3) return undefined;
      const [ivText = "", tagText = "", bodyText = ""] = parts;
      const iv = Buffer.from(ivText, "base64url");
      const tag = Buffer.from(tagText, "base64url");
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(aad, "utf8"));
        decipher.setAuthTag(tag);
        return Buffer.concat([
          decipher.update(Buffer.from(bodyText, "base64url")),
          decipher.final(),
        ]).toString("utf8");
      } catch {
        return undefined;
      }
    },
  };
}
