/**
 * The small part of oidc-provider 9's API these tests use (the package ships no type declarations).
 */
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface SavedModel {
    save(): Promise<string>;
  }

  interface GrantModel extends SavedModel {
    addOIDCScope(scope: string): void;
  }

  interface Finder<T> {
    find(value: string): Promise<T | undefined>;
  }

  // biome-ignore lint/style/noDefaultExport: declares the package's real default export
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    Grant: new (fields: {
      accountId: string;
      clientId: string;
    }) => GrantModel;
    AuthorizationCode: new (
      fields: Record<string, unknown>,
    ) => SavedModel;
    Client: Finder<unknown>;
    AccessToken: Finder<{ scope?: string }>;
  }
}
