/** The security facts of a bundled OpenAPI document: schemes, flows, scopes, per-operation requirements. */

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A security requirement: scheme name → scopes, all AND-ed. */
export type SecurityRequirement = Readonly<Record<string, readonly string[]>>;

export interface OAuthFlowInfo {
  tokenUrl?: string;
  authorizationUrl?: string;
  refreshUrl?: string;
  scopes: Readonly<Record<string, string>>;
}

export interface SecuritySchemeInfo {
  type: string;
  /** oauth2 flows by flow name (`clientCredentials`, `authorizationCode`, ...). */
  flows?: Readonly<Record<string, OAuthFlowInfo>>;
  /** apiKey: where the key goes and under which name. */
  in?: string;
  name?: string;
  /** http: `bearer`, `basic`, ... */
  scheme?: string;
  openIdConnectUrl?: string;
}

export interface OperationInfo {
  /** `"GET /declarations/{id}"`: the method as openapi-fetch sends it, the path as the spec writes it. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  /** Alternatives (OR) of requirements (AND). Empty: no authentication. */
  security: readonly SecurityRequirement[];
}

export interface ServerInfo {
  url: string;
  description?: string;
  variables?: Readonly<Record<string, { default: string; enum?: readonly string[]; description?: string }>>;
}

export interface SecurityModel {
  schemes: Readonly<Record<string, SecuritySchemeInfo>>;
  /** Every scope of every oauth2 flow, first description wins, in declaration order. */
  scopes: ReadonlyMap<string, string>;
  operations: readonly OperationInfo[];
  servers: readonly ServerInfo[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Follows local `#/...` references (a bundled document has no other kind). */
export function resolveLocal(document: Json, value: unknown, seen = new Set<string>()): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  const ref = value.$ref;
  if (!ref.startsWith("#/") || seen.has(ref)) return undefined;
  seen.add(ref);
  let node: unknown = document;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    node = isObject(node) || Array.isArray(node) ? (node as Json)[key] : undefined;
  }
  return resolveLocal(document, node, seen);
}

function readRequirements(value: unknown): SecurityRequirement[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isObject).map((requirement) => {
    const entries = Object.entries(requirement).map(([scheme, scopes]) => [
      scheme,
      Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === "string") : [],
    ]);
    return Object.fromEntries(entries) as SecurityRequirement;
  });
}

function readFlows(value: unknown): Record<string, OAuthFlowInfo> {
  const flows: Record<string, OAuthFlowInfo> = {};
  if (!isObject(value)) return flows;
  for (const [name, flow] of Object.entries(value)) {
    if (!isObject(flow)) continue;
    const scopes = isObject(flow.scopes)
      ? Object.fromEntries(
          Object.entries(flow.scopes).map(([scope, d]) => [scope, typeof d === "string" ? d : ""]),
        )
      : {};
    flows[name] = {
      ...(typeof flow.tokenUrl === "string" && { tokenUrl: flow.tokenUrl }),
      ...(typeof flow.authorizationUrl === "string" && { authorizationUrl: flow.authorizationUrl }),
      ...(typeof flow.refreshUrl === "string" && { refreshUrl: flow.refreshUrl }),
      scopes,
    };
  }
  return flows;
}

function readScheme(value: unknown): SecuritySchemeInfo | undefined {
  if (!isObject(value) || typeof value.type !== "string") return undefined;
  return {
    type: value.type,
    ...(value.type === "oauth2" && { flows: readFlows(value.flows) }),
    ...(typeof value.in === "string" && { in: value.in }),
    ...(typeof value.name === "string" && { name: value.name }),
    ...(typeof value.scheme === "string" && { scheme: value.scheme }),
    ...(typeof value.openIdConnectUrl === "string" && { openIdConnectUrl: value.openIdConnectUrl }),
  };
}

function readServers(value: unknown): ServerInfo[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).flatMap((server) => {
    if (typeof server.url !== "string") return [];
    const variables = isObject(server.variables)
      ? Object.fromEntries(
          Object.entries(server.variables)
            .filter((entry): entry is [string, Json] => isObject(entry[1]))
            .map(([name, v]) => [
              name,
              {
                default: String(v.default ?? ""),
                ...(Array.isArray(v.enum) && { enum: v.enum.map(String) }),
                ...(typeof v.description === "string" && { description: v.description }),
              },
            ]),
        )
      : undefined;
    return [
      {
        url: server.url,
        ...(typeof server.description === "string" && { description: server.description }),
        ...(variables && { variables }),
      },
    ];
  });
}

/** Reads the security model of a bundled OpenAPI 3.0/3.1 document, in document order. */
export function readSecurityModel(document: Json): SecurityModel {
  const components = isObject(document.components) ? document.components : {};
  const schemes: Record<string, SecuritySchemeInfo> = {};
  const scopes = new Map<string, string>();
  for (const [name, raw] of Object.entries(
    isObject(components.securitySchemes) ? components.securitySchemes : {},
  )) {
    const scheme = readScheme(resolveLocal(document, raw));
    if (!scheme) continue;
    schemes[name] = scheme;
    for (const flow of Object.values(scheme.flows ?? {})) {
      for (const [scope, description] of Object.entries(flow.scopes)) {
        if (!scopes.has(scope)) scopes.set(scope, description);
      }
    }
  }

  const rootSecurity = readRequirements(document.security) ?? [];
  const operations: OperationInfo[] = [];
  for (const [path, rawItem] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    const item = resolveLocal(document, rawItem);
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        ...(typeof operation.operationId === "string" && { operationId: operation.operationId }),
        security: readRequirements(operation.security) ?? rootSecurity,
      });
    }
  }

  return { schemes, scopes, operations, servers: readServers(document.servers) };
}

/**
 * The scopes an operation needs, as alternatives: each entry is one way to be authorised
 * (the oauth2/openIdConnect scopes of one security requirement, sorted). Requirements that use
 * no scoped scheme add an empty alternative. No security at all gives an empty list.
 */
export function scopeAlternatives(
  operation: OperationInfo,
  schemes: Readonly<Record<string, SecuritySchemeInfo>>,
): string[][] {
  const alternatives = operation.security.map((requirement) =>
    [
      ...new Set(
        Object.entries(requirement).flatMap(([scheme, scopes]) => {
          const type = schemes[scheme]?.type;
          return type === "oauth2" || type === "openIdConnect" ? scopes : [];
        }),
      ),
    ].sort(),
  );
  const unique = new Map(alternatives.map((alternative) => [alternative.join(" "), alternative]));
  return [...unique.values()];
}
