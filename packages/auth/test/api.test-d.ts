import type { Middleware } from "openapi-fetch";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type AccessToken,
  type AuthErrorCode,
  authMiddleware,
  authorizationCode,
  clientCredentials,
  type TokenRequestStyle,
  type TokenRequestStyleKind,
  type TokenSource,
  type TokensUpdate,
} from "../src/index.js";

const source = clientCredentials({
  tokenUrl: "https://login.bol.com/token",
  clientId: "id",
  clientSecret: "secret",
  style: { kind: "basic-query" },
});

describe("public types", () => {
  it("style kinds are a closed union", () => {
    expectTypeOf<TokenRequestStyleKind>().toEqualTypeOf<
      "json" | "form-post" | "basic-form" | "basic-query"
    >();
    assertType<TokenRequestStyle>({ kind: "basic-form", basicEncoding: "raw" });
    // @ts-expect-error unknown style kind
    assertType<TokenRequestStyle>({ kind: "xml" });
    // @ts-expect-error basicEncoding only exists on the basic styles
    assertType<TokenRequestStyle>({ kind: "json", basicEncoding: "raw" });
    // @ts-expect-error unknown encoding
    assertType<TokenRequestStyle>({ kind: "basic-query", basicEncoding: "latin1" });
  });

  it("authMiddleware returns an openapi-fetch Middleware with both hooks", () => {
    const middleware = authMiddleware(source, { origins: ["https://api.bol.com"] });
    expectTypeOf(middleware).toMatchTypeOf<Middleware>();
    expectTypeOf(middleware.onRequest).toBeFunction();
    expectTypeOf(middleware.onResponse).toBeFunction();
    // @ts-expect-error origins is required
    authMiddleware(source, {});
  });

  it("sources are callable and return AccessToken", () => {
    expectTypeOf(source).toMatchTypeOf<TokenSource>();
    expectTypeOf(source()).toEqualTypeOf<Promise<AccessToken>>();
    expectTypeOf(source.getToken({ signal: AbortSignal.timeout(1) })).toEqualTypeOf<Promise<AccessToken>>();
    expectTypeOf<AccessToken["accessToken"]>().toEqualTypeOf<string>();
    expectTypeOf(source.kind).toEqualTypeOf<"client_credentials">();
  });

  it("unknown options are rejected", () => {
    clientCredentials({
      tokenUrl: "https://x.test/token",
      clientId: "id",
      clientSecret: "s",
      style: { kind: "json" },
      // @ts-expect-error typo of clientSecret
      clientSecrets: "s",
    });
    // @ts-expect-error clientSecret is required for client credentials
    clientCredentials({ tokenUrl: "https://x.test/token", clientId: "id", style: { kind: "json" } });
  });

  it("authorizationCode: one state object for onTokens, basic-query excluded", () => {
    const user = authorizationCode({
      tokenUrl: "https://api.bolt.com/v1/oauth/token",
      clientId: "pk",
      clientSecret: "key",
      style: { kind: "form-post" },
      onTokens: (update) => {
        expectTypeOf(update).toEqualTypeOf<TokensUpdate>();
        expectTypeOf(update.refreshToken).toEqualTypeOf<string | undefined>();
      },
    });
    expectTypeOf(user.exchangeCode).parameter(0).toHaveProperty("code");
    authorizationCode({
      tokenUrl: "https://x.test/token",
      clientId: "id",
      // @ts-expect-error basic-query would put refresh tokens into URLs
      style: { kind: "basic-query" },
    });
  });

  it("error codes are a closed union of AUTH_ strings", () => {
    expectTypeOf<AuthErrorCode>().toMatchTypeOf<`AUTH_${string}`>();
    // @ts-expect-error not a code
    assertType<AuthErrorCode>("OAUTH_ERROR");
  });
});
