import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { AuthAbortError } from "./auth-abort-error.js";
import { AuthConfigError } from "./auth-config-error.js";
import { AuthError } from "./auth-error.js";
import { AUTH_ERROR_CODES } from "./codes.js";
import { GrantError } from "./grant-error.js";
import { InsecureUrlError } from "./insecure-url-error.js";
import { OAuthError } from "./oauth-error.js";
import { TokenEndpointError } from "./token-endpoint-error.js";
import { TokenResponseError } from "./token-response-error.js";
import {
  isAuthAbortError,
  isAuthConfigError,
  isAuthError,
  isGrantError,
  isInsecureUrlError,
  isOAuthError,
  isTokenEndpointError,
  isTokenResponseError,
} from "./type-guards.js";

const SECRET = "cause-secret-value-123";
const response = new Response("body with cause-secret-value-123", { status: 400 });

const cases = [
  [
    new OAuthError({ error: "invalid_grant", status: 400, endpoint: "POST /token", response }),
    "OAuthError",
    "AUTH_OAUTH_ERROR",
    isOAuthError,
  ],
  [
    new TokenResponseError({
      field: "access_token",
      reason: "is missing",
      status: 200,
      endpoint: "POST /token",
      response,
    }),
    "TokenResponseError",
    "AUTH_TOKEN_RESPONSE_INVALID",
    isTokenResponseError,
  ],
  [
    new TokenEndpointError({ code: AUTH_ERROR_CODES.ENDPOINT_TIMEOUT, endpoint: "POST /token" }),
    "TokenEndpointError",
    "AUTH_TOKEN_ENDPOINT_TIMEOUT",
    isTokenEndpointError,
  ],
  [new InsecureUrlError("tokenUrl", "http:"), "InsecureUrlError", "AUTH_INSECURE_URL", isInsecureUrlError],
  [
    new AuthConfigError("clientId", "must be a non-empty string"),
    "AuthConfigError",
    "AUTH_CONFIG_INVALID",
    isAuthConfigError,
  ],
  [new AuthAbortError(new Error("stop")), "AbortError", "AUTH_ABORTED", isAuthAbortError],
  [
    new GrantError(AUTH_ERROR_CODES.NO_GRANT, "No refresh token"),
    "GrantError",
    "AUTH_NO_GRANT",
    isGrantError,
  ],
] as const;

describe.each(cases)("%s", (error, name, code, guard) => {
  it(`is an AuthError named ${name} with code ${code}`, () => {
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(isAuthError(error)).toBe(true);
    expect(isAuthError(error, code)).toBe(true);
    expect(guard(error)).toBe(true);
    expect(String(error)).toBe(`${name}: ${error.message}`);
    expect(String(error.stack).startsWith(`${name}: `)).toBe(true);
  });

  it("renders JSON and inspect output without the response", () => {
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ name, code, message: error.message });
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(Object.keys(error)).not.toContain("response");
  });
});

describe("causes", () => {
  it("keeps only name, message and code of a cause, never its other properties", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED"), {
      code: "ECONNREFUSED",
      request: { headers: { authorization: `Basic ${SECRET}` } },
    });
    const error = new TokenEndpointError({
      code: AUTH_ERROR_CODES.ENDPOINT_UNREACHABLE,
      endpoint: "POST /t",
      cause,
    });
    expect(error.cause).toMatchObject({
      name: "Error",
      message: "connect ECONNREFUSED",
      code: "ECONNREFUSED",
    });
    expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(SECRET);
    expect(JSON.stringify(error)).toContain("ECONNREFUSED");
  });
});

describe("guards across realms", () => {
  it("recognise a branded error from another copy of the package by name and code", () => {
    const foreign = Object.assign(new Error("x"), {
      name: "OAuthError",
      code: "AUTH_OAUTH_ERROR",
      isAuthError: true,
    });
    expect(isAuthError(foreign)).toBe(true);
    expect(isOAuthError(foreign)).toBe(true);
    expect(isTokenEndpointError(foreign)).toBe(false);
  });

  it("reject look-alikes without the brand or with unknown codes", () => {
    expect(isAuthError(Object.assign(new Error("x"), { code: "AUTH_OAUTH_ERROR" }))).toBe(false);
    expect(isAuthError(Object.assign(new Error("x"), { code: "AUTH_NOPE", isAuthError: true }))).toBe(false);
    expect(isAuthError({ code: "AUTH_OAUTH_ERROR", isAuthError: true })).toBe(false);
  });
});
