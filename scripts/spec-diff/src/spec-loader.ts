/**
 * Just enough of an OpenAPI reader for the rules Redocly's diff leaves to us: parse YAML/JSON,
 * follow local and relative-file `$ref`s on demand, read the OAuth scopes of every flow.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { SpecDiffError } from "./errors.js";

/** The scopes one OAuth2 flow of one security scheme declares. */
export interface FlowScopes {
  scheme: string;
  /** `clientCredentials`, `authorizationCode`, `implicit`, `password` (or any other key under `flows`). */
  flow: string;
  scopes: readonly string[];
}

/** What the rules read from one side of the comparison. */
export interface SpecFacts {
  /** The `openapi` field, e.g. `3.1.0`. */
  openapi: string;
  /** Every OAuth2 flow of `components.securitySchemes`, `$ref`s followed. */
  flows: readonly FlowScopes[];
}

/** The facts of a spec with nothing in it: the base of a package never released. */
export const EMPTY_SPEC_FACTS: SpecFacts = { openapi: "3.1.0", flows: [] };

/**
 * Reads the root spec file and the files its `$ref`s reach (only the ones needed).
 * @throws {SpecDiffError} `SPEC_DIFF_SPEC_MISSING` for an unreadable file, `SPEC_DIFF_SPEC_INVALID`
 *   for a file that is not YAML/JSON, a dangling `$ref`, or a root that is not OpenAPI 3.x.
 */
export function readSpecFacts(rootFile: string): SpecFacts {
  const resolver = new RefResolver();
  const root = resolver.load(resolve(rootFile));
  if (!isObject(root) || typeof root.openapi !== "string" || !root.openapi.startsWith("3.")) {
    throw new SpecDiffError(
      "SPEC_DIFF_SPEC_INVALID",
      `${rootFile} is not an OpenAPI 3.x document (its "openapi" field is ${JSON.stringify(isObject(root) ? root.openapi : undefined)}).`,
    );
  }
  return { openapi: root.openapi, flows: readFlows(resolver, root, resolve(rootFile)) };
}

function readFlows(resolver: RefResolver, root: Record<string, unknown>, rootFile: string): FlowScopes[] {
  const result: FlowScopes[] = [];
  const components = resolver.deref(root.components, rootFile);
  if (!isObject(components.value)) return result;
  const schemes = resolver.deref(components.value.securitySchemes, components.file);
  if (!isObject(schemes.value)) return result;
  for (const [schemeName, rawScheme] of Object.entries(schemes.value)) {
    const scheme = resolver.deref(rawScheme, schemes.file);
    if (!isObject(scheme.value) || scheme.value.type !== "oauth2") continue;
    const flows = resolver.deref(scheme.value.flows, scheme.file);
    if (!isObject(flows.value)) continue;
    for (const [flowName, rawFlow] of Object.entries(flows.value)) {
      const flow = resolver.deref(rawFlow, flows.file);
      if (!isObject(flow.value)) continue;
      const scopes = resolver.deref(flow.value.scopes, flow.file);
      result.push({
        scheme: schemeName,
        flow: flowName,
        scopes: isObject(scopes.value) ? Object.keys(scopes.value) : [],
      });
    }
  }
  return result;
}

/** Loads files once and follows `$ref` chains (`other.yaml#/a/b`, `#/a/b`, `other.yaml`). */
class RefResolver {
  readonly #files = new Map<string, unknown>();

  load(file: string): unknown {
    if (this.#files.has(file)) return this.#files.get(file);
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (error) {
      throw new SpecDiffError("SPEC_DIFF_SPEC_MISSING", `Cannot read spec file ${file}.`, { cause: error });
    }
    let document: unknown;
    try {
      document = parse(text, { maxAliasCount: -1 });
    } catch (error) {
      throw new SpecDiffError(
        "SPEC_DIFF_SPEC_INVALID",
        `${file} is not valid YAML or JSON: ${(error as Error).message}`,
        { cause: error },
      );
    }
    this.#files.set(file, document);
    return document;
  }

  deref(value: unknown, file: string): { value: unknown; file: string } {
    let current = value;
    let currentFile = file;
    for (let hops = 0; isObject(current) && typeof current.$ref === "string"; hops++) {
      if (hops > 64) {
        throw new SpecDiffError("SPEC_DIFF_SPEC_INVALID", `$ref cycle at ${current.$ref} in ${currentFile}.`);
      }
      const ref: string = current.$ref;
      const hash = ref.indexOf("#");
      const filePart = hash === -1 ? ref : ref.slice(0, hash);
      const pointer = hash === -1 ? "" : ref.slice(hash + 1);
      const target = filePart === "" ? currentFile : resolve(dirname(currentFile), decodeURI(filePart));
      const found = getPointer(this.load(target), pointer);
      if (found === undefined) {
        throw new SpecDiffError("SPEC_DIFF_SPEC_INVALID", `$ref ${ref} in ${currentFile} points nowhere.`);
      }
      current = found;
      currentFile = target;
    }
    return { value: current, file: currentFile };
  }
}

function getPointer(document: unknown, pointer: string): unknown {
  if (pointer === "" || pointer === "/") return document;
  let node = document;
  for (const raw of pointer.replace(/^\//, "").split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
