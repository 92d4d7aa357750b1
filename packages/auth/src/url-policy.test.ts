import { describe, expect, it } from "vitest";
import { describeEndpoint, isLoopbackHost, parseSecureUrl } from "./url-policy.js";

describe("parseSecureUrl", () => {
  it.each([
    "https://login.bol.com/token",
    "http://127.0.0.1:9000/token",
    "http://127.255.0.9/token",
    "http://localhost:3000/token",
    "http://[::1]:3000/token",
  ])("accepts %s", (url) => {
    expect(parseSecureUrl(url, "tokenUrl").href).toBe(new URL(url).href);
  });

  it.each([
    "http://login.bol.com/token",
    "http://128.0.0.1/token",
    "http://10.0.0.1/token",
    "ftp://127.0.0.1/x",
  ])("rejects %s with AUTH_INSECURE_URL", (url) => {
    expect(() => parseSecureUrl(url, "tokenUrl")).toThrow(
      expect.objectContaining({ code: "AUTH_INSECURE_URL", option: "tokenUrl" }),
    );
  });

  it("rejects relative URLs and URLs with credentials", () => {
    expect(() => parseSecureUrl("/token", "tokenUrl")).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID" }),
    );
    expect(() => parseSecureUrl("https://u:p@x.test/t", "tokenUrl")).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID" }),
    );
  });

  it("isLoopbackHost knows the loopback forms only", () => {
    expect(isLoopbackHost("app.localhost")).toBe(true);
    expect(isLoopbackHost("127.0.0.256")).toBe(false);
    expect(isLoopbackHost("localhost.evil.test")).toBe(false);
  });

  it("describeEndpoint names method and path, never the query", () => {
    expect(describeEndpoint("post", "https://login.bol.com/token?grant_type=client_credentials")).toBe(
      "POST /token",
    );
  });
});
