import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { basicAuthorization, buildTokenRequest, formUrlEncode, normalizeStyle } from "./request-style.js";

const url = new URL("https://login.example.test/token?tenant=a");
const client = { clientId: "my id", clientSecret: "s:ecret+/=" };
const params = { grant_type: "client_credentials", scope: "a b" };

describe("basicAuthorization", () => {
  it("form-urlencodes id and secret before base64 (RFC 6749 §2.3.1)", () => {
    const header = basicAuthorization("my id", "s:ecret");
    expect(Buffer.from(header.slice(6), "base64").toString()).toBe("my+id:s%3Aecret");
  });

  it("encodes raw id:secret when asked", () => {
    const header = basicAuthorization("my id", "s:ecret", "raw");
    expect(Buffer.from(header.slice(6), "base64").toString()).toBe("my id:s:ecret");
  });

  it("encodes non-ASCII secrets as UTF-8", () => {
    const header = basicAuthorization("id", "päss", "raw");
    expect(Buffer.from(header.slice(6), "base64").toString("utf8")).toBe("id:päss");
  });

  test.prop([fc.string(), fc.string()])(
    "round-trips any id and secret through form-urldecoding",
    (id, secret) => {
      const decoded = Buffer.from(basicAuthorization(id, secret).slice(6), "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      const unform = (value: string) => decodeURIComponent(value.replace(/\+/g, " "));
      expect(unform(decoded.slice(0, colon))).toBe(id);
      expect(unform(decoded.slice(colon + 1))).toBe(secret);
    },
  );
});

describe("formUrlEncode", () => {
  it("leaves only letters and digits unencoded and turns spaces into +", () => {
    expect(formUrlEncode("a-b_c.d!e~f*g'h(i)j k")).toBe("a%2Db%5Fc%2Ed%21e%7Ef%2Ag%27h%28i%29j+k");
  });
});

describe("buildTokenRequest", () => {
  it("json: JSON body with client credentials, Accept and Content-Type", () => {
    const { url: target, init } = buildTokenRequest({ kind: "json" }, url, client, params, {
      "x-api-key": "k",
    });
    expect(target).toBe(url.href);
    expect(init.headers).toEqual({
      "x-api-key": "k",
      accept: "application/json",
      "content-type": "application/json",
    });
    expect(JSON.parse(String(init.body))).toEqual({
      ...params,
      client_id: "my id",
      client_secret: "s:ecret+/=",
    });
    expect(init.redirect).toBe("manual");
  });

  it("form-post: form body with the secret in it", () => {
    const { init } = buildTokenRequest({ kind: "form-post" }, url, client, params);
    expect(Object.fromEntries(new URLSearchParams(String(init.body)))).toEqual({
      ...params,
      client_id: "my id",
      client_secret: "s:ecret+/=",
    });
    expect(init.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("basic-form: Basic header and a form body without the secret", () => {
    const { init } = buildTokenRequest({ kind: "basic-form" }, url, client, params);
    expect(init.headers.authorization).toBe(basicAuthorization("my id", "s:ecret+/="));
    expect(String(init.body)).toBe("grant_type=client_credentials&scope=a+b");
  });

  it("basic-query: Basic header, parameters in the query (kept existing ones), no body", () => {
    const { url: target, init } = buildTokenRequest(
      { kind: "basic-query", basicEncoding: "raw" },
      url,
      client,
      params,
    );
    expect(new URL(target).searchParams.get("tenant")).toBe("a");
    expect(new URL(target).searchParams.get("grant_type")).toBe("client_credentials");
    expect(init.body).toBeUndefined();
    expect(init.headers["content-type"]).toBeUndefined();
    expect(init.headers.authorization).toBe(basicAuthorization("my id", "s:ecret+/=", "raw"));
  });

  it("without a client sends no client authentication", () => {
    const { init } = buildTokenRequest({ kind: "basic-form" }, url, undefined, { token: "t" });
    expect(init.headers.authorization).toBeUndefined();
    expect(String(init.body)).toBe("token=t");
  });
});

describe("normalizeStyle", () => {
  it.each([
    [undefined, "style"],
    [{ kind: "xml" }, "style.kind"],
    [{ kind: "json", basicEncoding: "raw" }, "style.basicEncoding"],
    [{ kind: "basic-form", basicEncoding: "latin1" }, "style.basicEncoding"],
    [{ kind: "json", extra: true }, "style.extra"],
  ])("rejects %o naming %s", (style, option) => {
    expect(() => normalizeStyle(style)).toThrow(
      expect.objectContaining({ code: "AUTH_CONFIG_INVALID", option }),
    );
  });
});
