import { AuthConfigError } from "../errors/auth-config-error.js";

/**
 * How HTTP Basic credentials are encoded.
 * - `"rfc6749"`: form-urlencode client id and secret, then base64 (RFC 6749 §2.3.1); the default.
 * - `"raw"`: base64 of `id:secret` as is (what many servers also accept; differs once the secret
 *   contains `+ / = :` or non-ASCII characters).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export type BasicEncoding = "rfc6749" | "raw";

/** JSON body with `grant_type`, `client_id`, `client_secret`, `scope`, … (Borderbolt). */
export interface JsonStyle {
  readonly kind: "json";
}

/** Form body (`application/x-www-form-urlencoded`) with `client_id` and `client_secret` in it (Bolt, boltPay, Tradevest). */
export interface FormPostStyle {
  readonly kind: "form-post";
}

/** HTTP Basic client authentication plus a form body (RFC 6749 `client_secret_basic`). */
export interface BasicFormStyle {
  readonly kind: "basic-form";
  /** @default "rfc6749" */
  readonly basicEncoding?: BasicEncoding;
}

/** HTTP Basic client authentication, `grant_type` and the other parameters in the query string, no body (bol.com). */
export interface BasicQueryStyle {
  readonly kind: "basic-query";
  /** @default "rfc6749" */
  readonly basicEncoding?: BasicEncoding;
}

/**
 * How a provider wants its token requests: data, not code. A closed union; every style sends
 * `Accept: application/json` and uses `redirect: "manual"`.
 */
export type TokenRequestStyle = JsonStyle | FormPostStyle | BasicFormStyle | BasicQueryStyle;

/** The `kind`s of {@link TokenRequestStyle}. */
export type TokenRequestStyleKind = TokenRequestStyle["kind"];

/** Every style kind, in a stable order. */
export const TOKEN_REQUEST_STYLE_KINDS: readonly TokenRequestStyleKind[] = Object.freeze([
  "json",
  "form-post",
  "basic-form",
  "basic-query",
]);

/**
 * Form-urlencodes one value as RFC 6749 Appendix B asks for client credentials: everything but
 * ASCII letters and digits is percent-encoded, spaces become `+`.
 *
 * @param value - a client id or secret
 */
export function formUrlEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[-_.!~*'()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

/**
 * The `Authorization: Basic …` value for a client.
 *
 * @param clientId - the client id
 * @param clientSecret - the client secret
 * @param encoding - RFC 6749 form-urlencoding first (default), or raw
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-2.3.1
 */
export function basicAuthorization(
  clientId: string,
  clientSecret: string,
  encoding: BasicEncoding = "rfc6749",
): string {
  const pair =
    encoding === "raw"
      ? `${clientId}:${clientSecret}`
      : `${formUrlEncode(clientId)}:${formUrlEncode(clientSecret)}`;
  return `Basic ${toBase64(new TextEncoder().encode(pair))}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Client credentials as {@link buildTokenRequest} needs them. */
export interface ClientCredentialsInput {
  readonly clientId: string;
  /** Absent for public clients (PKCE); only allowed with the body styles. */
  readonly clientSecret?: string | undefined;
}

/** A built token request: the URL (with query for `basic-query`) and the `fetch` init. */
export interface BuiltTokenRequest {
  readonly url: string;
  readonly init: RequestInit & { method: "POST"; headers: Record<string, string>; redirect: "manual" };
}

/**
 * Builds the HTTP request for one token-endpoint call in the given style.
 *
 * @param style - the provider's request style
 * @param tokenUrl - the endpoint
 * @param client - client id and (optional) secret; `undefined` sends no client authentication at all
 *   (the `basic-*` styles then send a plain form body)
 * @param params - the grant parameters, `grant_type` first (`scope`, `code`, `refresh_token`, …)
 * @param headers - extra static headers (an API key); `Accept` and `Content-Type` are set here
 * @returns URL and init for `fetch`
 */
export function buildTokenRequest(
  style: TokenRequestStyle,
  tokenUrl: URL,
  client: ClientCredentialsInput | undefined,
  params: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>> = {},
): BuiltTokenRequest {
  const base = { ...headers, accept: "application/json" };
  const withSecret = (): Record<string, string> =>
    client === undefined
      ? { ...params }
      : {
          ...params,
          client_id: client.clientId,
          ...(client.clientSecret === undefined ? {} : { client_secret: client.clientSecret }),
        };
  const effective: TokenRequestStyle =
    client === undefined && style.kind !== "json" ? { kind: "form-post" } : style;
  switch (effective.kind) {
    case "json":
      return {
        url: tokenUrl.href,
        init: {
          method: "POST",
          redirect: "manual",
          headers: { ...base, "content-type": "application/json" },
          body: JSON.stringify(withSecret()),
        },
      };
    case "form-post":
      return {
        url: tokenUrl.href,
        init: {
          method: "POST",
          redirect: "manual",
          headers: { ...base, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(withSecret()).toString(),
        },
      };
    case "basic-form":
      return {
        url: tokenUrl.href,
        init: {
          method: "POST",
          redirect: "manual",
          headers: {
            ...base,
            authorization: basicAuthorization(
              client?.clientId ?? "",
              client?.clientSecret ?? "",
              effective.basicEncoding,
            ),
            "content-type": "application/x-www-form-urlencoded",
          },
          body: new URLSearchParams(params).toString(),
        },
      };
    case "basic-query": {
      const url = new URL(tokenUrl.href);
      for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
      return {
        url: url.href,
        init: {
          method: "POST",
          redirect: "manual",
          headers: {
            ...base,
            authorization: basicAuthorization(
              client?.clientId ?? "",
              client?.clientSecret ?? "",
              effective.basicEncoding,
            ),
          },
        },
      };
    }
  }
}

/**
 * Validates a {@link TokenRequestStyle} given as data.
 *
 * @throws {AuthConfigError} naming `style`, `style.kind` or `style.basicEncoding`
 */
export function normalizeStyle(value: unknown): TokenRequestStyle {
  if (typeof value !== "object" || value === null) {
    throw new AuthConfigError("style", 'must be an object such as { kind: "form-post" }');
  }
  const { kind, basicEncoding, ...rest } = value as { kind?: unknown; basicEncoding?: unknown };
  if (!TOKEN_REQUEST_STYLE_KINDS.includes(kind as never)) {
    throw new AuthConfigError("style.kind", `must be one of ${TOKEN_REQUEST_STYLE_KINDS.join(", ")}`);
  }
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new AuthConfigError(`style.${extra}`, "is not a style option");
  if (kind === "basic-form" || kind === "basic-query") {
    if (basicEncoding !== undefined && basicEncoding !== "rfc6749" && basicEncoding !== "raw") {
      throw new AuthConfigError("style.basicEncoding", 'must be "rfc6749" or "raw"');
    }
    return Object.freeze(
      basicEncoding === undefined ? { kind } : { kind, basicEncoding },
    ) as TokenRequestStyle;
  }
  if (basicEncoding !== undefined) {
    throw new AuthConfigError("style.basicEncoding", `applies only to the basic-form and basic-query styles`);
  }
  return Object.freeze({ kind }) as TokenRequestStyle;
}
