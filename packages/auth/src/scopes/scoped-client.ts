/**
 * Types that narrow an openapi-fetch client to the operations a set of granted scopes allows,
 * computed from a generated `OPERATION_SCOPES` table. No provider writes a type by hand.
 */
import type { Client, FetchResponse, MaybeOptionalInit } from "openapi-fetch";
import type { HttpMethod, MediaType, PathsWithMethod } from "openapi-typescript-helpers";

/** The shape of a generated `OPERATION_SCOPES`: per `"METHOD /path"`, alternative scope sets. */
export type OperationScopeTable = { readonly [operation: string]: readonly (readonly string[])[] };

/** Whether one alternative (a set of scopes, all needed) is inside `Granted`. */
type CoversAlternative<Alternative, Granted> = Alternative extends readonly string[]
  ? [Alternative[number]] extends [Granted]
    ? true
    : false
  : never;

/** The operations of `Table` that a token with the scopes `Granted` may call. */
export type GrantedOperations<Table extends OperationScopeTable, Granted extends string> = {
  [Key in keyof Table]: Table[Key] extends readonly []
    ? Key
    : true extends CoversAlternative<Table[Key][number], Granted>
      ? Key
      : never;
}[keyof Table];

/** The scopes `Operation` needs that `Granted` lacks (over all its alternatives). */
export type MissingScopes<
  Table extends OperationScopeTable,
  Operation extends keyof Table,
  Granted extends string,
> = Exclude<Table[Operation][number][number], Granted>;

/**
 * `unknown` when the call is allowed; otherwise an object type whose only property names what is
 * missing, so the compiler's message reads: `... is not assignable to parameter of type
 * '"/path" & { readonly "needs scope": "declarations:submit" }'`.
 */
type ScopeGuard<
  Table extends OperationScopeTable,
  Operation,
  Granted extends string,
> = Operation extends keyof Table
  ? Operation extends GrantedOperations<Table, Granted>
    ? unknown
    : { readonly "needs scope": MissingScopes<Table, Operation, Granted> }
  : unknown;

// openapi-fetch's own rule for an optional or required `init` (not exported by it).
type InitParam<Init> =
  RequiredKeysOf<Init> extends never
    ? [(Init & { [key: string]: unknown })?]
    : [Init & { [key: string]: unknown }];
// biome-ignore lint/complexity/noBannedTypes: `{}` is exactly "no required keys" here, as in openapi-fetch.
type RequiredKeysOf<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];

type ScopedMethod<
  // biome-ignore lint/complexity/noBannedTypes: the same constraint as openapi-fetch's ClientMethod.
  Paths extends Record<string, Record<HttpMethod, {}>>,
  Method extends HttpMethod,
  Media extends MediaType,
  Table extends OperationScopeTable,
  Granted extends string,
> = <Path extends PathsWithMethod<Paths, Method>, Init extends MaybeOptionalInit<Paths[Path], Method>>(
  url: Path & ScopeGuard<Table, `${Uppercase<Method>} ${Path & string}`, Granted>,
  ...init: InitParam<Init>
) => Promise<FetchResponse<Paths[Path][Method], Init, Media>>;

type MethodName = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/**
 * An openapi-fetch client whose methods accept only the operations `Granted` allows. With
 * `Granted` = every scope (scopes known only at run time), it is the full client.
 */
export type ScopedClient<
  Paths extends {},
  Table extends OperationScopeTable,
  Granted extends string,
  Media extends MediaType = MediaType,
> = Omit<Client<Paths, Media>, MethodName> & {
  [M in MethodName]: ScopedMethod<Paths, Lowercase<M>, Media, Table, Granted>;
};
