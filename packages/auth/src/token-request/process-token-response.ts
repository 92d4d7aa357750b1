import * as z from "zod/mini";
import { AccessToken } from "../access-token.js";
import { AUTH_ERROR_CODES } from "../errors/codes.js";
import { OAuthError } from "../errors/oauth-error.js";
import { TokenEndpointError } from "../errors/token-endpoint-error.js";
import { TokenResponseError } from "../errors/token-response-error.js";
import type { SecretScrubber } from "../redact.js";
import { TokenSet } from "../token-set.js";

/**
 * Lifetime assumed when a token response has no `expires_in`, in seconds (RFC 6749 makes the field
 * optional; all five providers send it).
 */
export const DEFAULT_EXPIRES_IN_SECONDS = 3600;

/** Successful token-response statuses. RFC 6749 §5.1 says 200; 201 carries the same body in the wild. */
const SUCCESS_STATUSES = new Set([200, 201]);

const positiveNumber = z.number().check(z.positive(), z.refine(Number.isFinite));
const numericString = z.string().check(
  z.regex(/^\s*\d+(\.\d+)?\s*$/),
  z.refine((value) => Number(value) > 0),
);

/** The zod/mini schema of an RFC 6749 §5.1 access-token response (unknown members are kept). */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.string().check(z.refine((value) => value.toLowerCase() === "bearer")),
  expires_in: z.nullish(z.union([positiveNumber, numericString])),
  scope: z.nullish(z.string()),
  refresh_token: z.nullish(z.string().check(z.minLength(1))),
  refresh_token_scope: z.nullish(z.string()),
  id_token: z.nullish(z.string().check(z.minLength(1))),
});

/** The validated fields of a token response. */
export type TokenResponseBody = z.infer<typeof tokenResponseSchema>;

const FIELD_REASONS: Readonly<Record<string, string>> = {
  access_token: "must be a non-empty string",
  token_type: 'must be "bearer" (any case)',
  expires_in: "must be a positive number or numeric string",
  scope: "must be a space-separated string",
  refresh_token: "must be a non-empty string",
  refresh_token_scope: "must be a string",
  id_token: "must be a non-empty string",
};

/** The RFC 6749 §5.2 error body fields. */
const oauthErrorSchema = z.looseObject({
  error: z.string().check(z.minLength(1)),
  error_description: z.optional(z.unknown()),
  error_uri: z.optional(z.unknown()),
});

/** Everything {@link processTokenResponse} needs besides the response. */
export interface ProcessOptions {
  /** `METHOD path` for messages. */
  readonly endpoint: string;
  /** When the request was sent (ms since the epoch): the token's lifetime counts from here. */
  readonly requestedAt: number;
  /** The scopes that were requested; the granted scope when the response has no `scope`. */
  readonly requestedScopes?: readonly string[] | undefined;
  /** Lifetime to assume when `expires_in` is absent, in seconds. */
  readonly defaultExpiresIn?: number | undefined;
  /** Scrubs secrets from `error_description`. */
  readonly scrubber?: SecretScrubber | undefined;
}

/**
 * Validates a token-endpoint response, in the order oauth4webapi's `processGenericAccessTokenResponse`
 * uses:
 * 1. a non-2xx status with an RFC 6749 §5.2 body (`error` string) → {@link OAuthError};
 * 2. any other non-success status → {@link TokenEndpointError} `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`
 *    (3xx included: token requests never follow redirects);
 * 3. status 200 or 201, a JSON object body, `access_token` a non-empty string, `token_type` `bearer`
 *    in any case (required), `expires_in` a positive number or numeric string (absent →
 *    `defaultExpiresIn`, 3600 s), optional `scope`, `refresh_token`, `refresh_token_scope`, `id_token`
 *    → otherwise {@link TokenResponseError} naming the field.
 *
 * @param response - the token endpoint's response (body unread)
 * @param options - endpoint, request time, requested scopes
 * @returns the validated {@link TokenSet}
 * @throws {OAuthError} `AUTH_OAUTH_ERROR`
 * @throws {TokenEndpointError} `AUTH_TOKEN_ENDPOINT_HTTP_ERROR`
 * @throws {TokenResponseError} `AUTH_TOKEN_RESPONSE_INVALID`
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 */
export async function processTokenResponse(response: Response, options: ProcessOptions): Promise<TokenSet> {
  const { endpoint } = options;
  const status = response.status;
  const json = await readJson(response);
  throwIfOAuthError(response, json, options, !SUCCESS_STATUSES.has(status) || !hasAccessToken(json));
  if (!SUCCESS_STATUSES.has(status)) {
    if (status >= 200 && status < 300) {
      throw new TokenResponseError({
        field: "status",
        reason: `must be 200, got ${status}`,
        status,
        endpoint,
        response,
      });
    }
    throw new TokenEndpointError({ code: AUTH_ERROR_CODES.ENDPOINT_HTTP_ERROR, endpoint, status, response });
  }
  if (json.kind !== "json") {
    const reason = json.kind === "empty" ? "is empty" : "is not valid JSON";
    throw new TokenResponseError({ field: "body", reason, status, endpoint, response });
  }
  if (typeof json.value !== "object" || json.value === null || Array.isArray(json.value)) {
    throw new TokenResponseError({
      field: "body",
      reason: "must be a JSON object",
      status,
      endpoint,
      response,
    });
  }
  const parsed = z.safeParse(tokenResponseSchema, json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? "body");
    const missing =
      !(field in (json.value as object)) || (json.value as Record<string, unknown>)[field] === null;
    const reason = missing ? "is missing" : (FIELD_REASONS[field] ?? "is invalid");
    throw new TokenResponseError({ field, reason, status, endpoint, response });
  }
  const body = parsed.data;
  const expiresIn =
    body.expires_in === undefined || body.expires_in === null
      ? (options.defaultExpiresIn ?? DEFAULT_EXPIRES_IN_SECONDS)
      : Number(body.expires_in);
  const scope = typeof body.scope === "string" ? splitScope(body.scope) : options.requestedScopes;
  options.scrubber?.add(body.access_token, body.refresh_token ?? undefined, body.id_token ?? undefined);
  const token = new AccessToken({
    v: 1,
    accessToken: body.access_token,
    tokenType: body.token_type.toLowerCase(),
    issuedAt: options.requestedAt,
    expiresAt: options.requestedAt + Math.round(expiresIn * 1000),
    scope: scope === undefined ? undefined : [...scope],
    idToken: body.id_token ?? undefined,
  });
  return new TokenSet({
    token,
    refreshToken: body.refresh_token ?? undefined,
    refreshTokenScope:
      typeof body.refresh_token_scope === "string" ? splitScope(body.refresh_token_scope) : undefined,
  });
}

/**
 * Splits a space-separated scope string (RFC 6749 §3.3) into its scopes.
 *
 * @param scope - e.g. `"declarations:read declarations:write"`
 */
export function splitScope(scope: string): string[] {
  return scope.split(/\s+/).filter((part) => part !== "");
}

type JsonResult = { kind: "json"; value: unknown } | { kind: "invalid" } | { kind: "empty" };

async function readJson(response: Response): Promise<JsonResult> {
  const text = await response.text();
  if (text.trim() === "") return { kind: "empty" };
  try {
    // The parser's error message quotes part of the input, which may hold a token: it is not kept.
    return { kind: "json", value: JSON.parse(text) };
  } catch {
    return { kind: "invalid" };
  }
}

function hasAccessToken(json: JsonResult): boolean {
  return (
    json.kind === "json" &&
    typeof (json.value as { access_token?: unknown } | null)?.access_token === "string"
  );
}

function throwIfOAuthError(
  response: Response,
  json: JsonResult,
  options: ProcessOptions,
  check: boolean,
): void {
  if (!check || json.kind !== "json") return;
  const parsed = z.safeParse(oauthErrorSchema, json.value);
  if (!parsed.success) return;
  const scrub = (value: unknown): string | undefined =>
    typeof value === "string" ? (options.scrubber ? options.scrubber.scrub(value) : value) : undefined;
  throw new OAuthError({
    error: scrub(parsed.data.error) ?? "",
    error_description: scrub(parsed.data.error_description),
    error_uri: scrub(parsed.data.error_uri),
    status: response.status,
    endpoint: options.endpoint,
    response,
  });
}
