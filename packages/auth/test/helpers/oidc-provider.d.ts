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

  interface FoundModel {
    find(value: string): Promise<unknown>;
  }

  // biome-ignore lint/style/noDefaultExport: declares the package's real default export
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
    Grant: new (fields: {
      accountId: string;
      clientId: string;
    }) => GrantModel;
    RefreshToken: new (
      fields: Record<string, unknown>,
    ) => SavedModel;
    Client: FoundModel;
    AccessToken: FoundModel;
    ClientCredentials: FoundModel;
  }
}
