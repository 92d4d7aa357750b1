import { ReplayableRequest } from "@org/auth";

/** bol's environments: production, or the demo environment on the same host. */
export type BolEnvironment = "production" | "demo";

/** Every environment, in a stable order. */
export const BOL_ENVIRONMENTS: readonly BolEnvironment[] = Object.freeze(["production", "demo"]);

const DEMO_SEGMENTS: Readonly<Record<string, string>> = Object.freeze({
  retailer: "retailer-demo",
  shared: "shared-demo",
});

/**
 * The demo-environment form of an API path: the first segment after `basePath` gets `-demo`
 * (`/retailer/orders` → `/retailer-demo/orders`, `/shared/process-status/1` →
 * `/shared-demo/process-status/1`). Other paths, and paths already in demo form, come back as they are.
 *
 * @param pathname - a URL path
 * @param basePath - a path prefix before bol's paths (a proxy's), without a trailing slash
 * @returns the demo path
 */
export function toDemoPath(pathname: string, basePath = ""): string {
  if (!pathname.startsWith(`${basePath}/`)) return pathname;
  const rest = pathname.slice(basePath.length + 1);
  const slash = rest.indexOf("/");
  const first = slash === -1 ? rest : rest.slice(0, slash);
  const demo = DEMO_SEGMENTS[first];
  if (demo === undefined) return pathname;
  return `${basePath}/${demo}${slash === -1 ? "" : rest.slice(slash)}`;
}

/**
 * A `Request` class that builds every request on the demo path (see {@link toDemoPath}). Given to
 * openapi-fetch as its `Request` option, so the URL is rewritten when the request is created: every
 * middleware sees the URL that is sent, the body is untouched, and `schemaPath` stays the spec's
 * (production) template, which the media-type table is keyed by.
 *
 * @param basePath - the path of the client's `baseUrl` (`""` for `https://api.bol.com`)
 * @internal
 */
export function demoRequestClass(basePath: string): typeof Request {
  return class DemoRequest extends ReplayableRequest {
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      if (typeof input === "string" || input instanceof URL) {
        const url = new URL(input);
        url.pathname = toDemoPath(url.pathname, basePath);
        super(url, init);
      } else {
        super(input, init);
      }
    }
  };
}
