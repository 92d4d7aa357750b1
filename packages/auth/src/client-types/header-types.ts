/**
 * Types over openapi-typescript's `paths` for header parameters a client can fill in itself (Bolt's
 * `X-Publishable-Key`, Tradevest's `Requestor-ID`): which operations declare one, and the `paths`
 * in which it is optional because the client has a default.
 */

/** The HTTP methods of an OpenAPI path item. */
type Method = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Flattens an intersection into one object type, keeping `?` modifiers. */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The header parameters of an operation object; `never` when it declares none. */
type HeaderOf<Operation> = Operation extends { parameters: { header?: infer Header } }
  ? NonNullable<Header>
  : never;

/**
 * Every operation (`"METHOD /path"`, as openapi-fetch names it) that declares the header parameter
 * `Name`, required or not.
 */
export type OperationsWithHeader<Paths, Name extends string> = {
  [Path in keyof Paths & string]: {
    [M in Method & keyof Paths[Path]]: [HeaderOf<Paths[Path][M]>] extends [never]
      ? never
      : Name extends keyof HeaderOf<Paths[Path][M]>
        ? `${Uppercase<M>} ${Path}`
        : never;
  }[Method & keyof Paths[Path]];
}[keyof Paths & string];

/**
 * Every operation that declares `Name` as a **required** header parameter.
 */
export type OperationsRequiringHeader<Paths, Name extends string> = {
  [Path in keyof Paths & string]: {
    [M in Method & keyof Paths[Path]]: [HeaderOf<Paths[Path][M]>] extends [never]
      ? never
      : Name extends keyof HeaderOf<Paths[Path][M]>
        ? Partial<Pick<HeaderOf<Paths[Path][M]>, Name>> extends Pick<HeaderOf<Paths[Path][M]>, Name>
          ? never
          : `${Uppercase<M>} ${Path}`
        : never;
  }[Method & keyof Paths[Path]];
}[keyof Paths & string];

/** `header` with `Name` optional; the whole `header` object optional once nothing in it is required. */
type RelaxHeader<Header, Name extends string> = Simplify<
  Omit<Header, Name> & Partial<Pick<Header, Name & keyof Header>>
>;
type HeaderField<Header> = Partial<Header> extends Header ? { header?: Header } : { header: Header };

type RelaxParameters<Parameters, Name extends string> = Parameters extends { header: infer Header }
  ? Name extends keyof Header
    ? Simplify<Omit<Parameters, "header"> & HeaderField<RelaxHeader<Header, Name>>>
    : Parameters
  : Parameters;

type RelaxOperation<Operation, Name extends string> = Operation extends { parameters: infer Parameters }
  ? Simplify<Omit<Operation, "parameters"> & { parameters: RelaxParameters<Parameters, Name> }>
  : Operation;

/**
 * `Paths` with the header parameter `Name` made optional on every operation: what a client that
 * fills in a default for that header accepts. openapi-fetch then no longer demands `params.header`
 * (nor the init object) just for it; a value given per call still wins over the default.
 */
export type WithOptionalHeader<Paths, Name extends string> = {
  [Path in keyof Paths]: {
    [Key in keyof Paths[Path]]: Key extends Method
      ? RelaxOperation<Paths[Path][Key], Name>
      : Paths[Path][Key];
  };
};
