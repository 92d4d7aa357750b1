import { describe, expect, it } from "vitest";
import { hasAllowedOrigin, normalizeOrigins } from "./origins.js";

describe("origin allowlist", () => {
  const origins = normalizeOrigins(["https://api.bol.com/retailer", "http://127.0.0.1:8080"]);

  it("keeps only origins", () => {
    expect(origins).toEqual(["https://api.bol.com", "http://127.0.0.1:8080"]);
  });

  it.each([
    ["https://api.bol.com/retailer/orders?x=1", true],
    ["https://api.bol.com", true],
    ["https://api.bol.com?x", true],
    ["http://127.0.0.1:8080/x", true],
    ["https://api.bol.com.evil.test/x", false],
    ["https://api.bol.com:8443/x", false],
    ["http://api.bol.com/x", false],
    ["http://127.0.0.1:80801/x", false],
    ["https://user:pw@api.bol.com/x", false],
  ])("%s → %s", (url, allowed) => {
    expect(hasAllowedOrigin(url, origins)).toBe(allowed);
  });

  it("requires a non-empty list", () => {
    expect(() => normalizeOrigins([])).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option: "origins" }),
    );
    expect(() => normalizeOrigins(undefined)).toThrow(expect.objectContaining({ option: "origins" }));
  });

  it("rejects plain http to a non-loopback host", () => {
    expect(() => normalizeOrigins(["http://api.bol.com"])).toThrow(
      expect.objectContaining({ code: "AUTH_INSECURE_URL", option: "origins[0]" }),
    );
  });
});
