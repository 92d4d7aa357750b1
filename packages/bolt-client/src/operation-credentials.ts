import { OPERATION_SECURITY } from "./generated/auth.gen.js";

/** What a Bolt operation needs on the wire, read from the spec's security requirements. */
export interface OperationCredentials {
  /** `X-API-Key: <merchant API key>`. */
  readonly apiKey: boolean;
  /** `Authorization: Bearer <shopper access token>` (and with it a token request, if none is cached). */
  readonly bearer: boolean;
}

/** A security requirement as the generated table writes it: scheme → scopes, AND-ed. */
type Requirement = Readonly<Partial<Record<"apiKey" | "oauth2", readonly string[]>>>;

const TABLE: Readonly<Record<string, readonly Requirement[]>> = OPERATION_SECURITY;
const NONE: OperationCredentials = Object.freeze({ apiKey: false, bearer: false });

/**
 * The credentials to send for one operation, from the generated `OPERATION_SECURITY` (alternatives
 * of AND-ed requirements, `apiKey` + `oauth2` for account calls). When one alternative works without
 * an OAuth token it is used, so a call that the API key alone authorises never causes a token
 * request; otherwise the first alternative's schemes are sent. An operation with no requirement gets
 * nothing.
 *
 * @param method - the HTTP method, any case
 * @param schemaPath - the path template as openapi-fetch hands it to middleware (`/v1/account/addresses/{id}`)
 * @returns the credentials, or `undefined` for an operation the spec does not have (then nothing is added)
 */
export function operationCredentials(method: string, schemaPath: string): OperationCredentials | undefined {
  const key = `${method.toUpperCase()} ${schemaPath}`;
  if (!Object.hasOwn(TABLE, key)) return undefined;
  const alternatives = TABLE[key] ?? [];
  const chosen = alternatives.find((requirement) => requirement.oauth2 === undefined) ?? alternatives[0];
  if (chosen === undefined) return NONE;
  return { apiKey: chosen.apiKey !== undefined, bearer: chosen.oauth2 !== undefined };
}
