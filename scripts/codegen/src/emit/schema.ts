/** Emits `schema.gen.ts`: the `paths`, `components` and `operations` types, by openapi-typescript. */
import { createConfig } from "@redocly/openapi-core";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { CodegenError } from "../errors.js";

export async function emitSchema(document: Record<string, unknown>, header: string): Promise<string> {
  // The spec is already linted and bundled: give openapi-typescript an empty rule set so it
  // neither re-reports nor prints our findings.
  const redocly = await createConfig({} as never);
  try {
    // defaultNonNullable: false keeps a field with a `default` optional. openapi-typescript's default
    // (true) makes it required everywhere, which is wrong for request bodies: the server fills it in.
    const ast = await openapiTS(document as unknown as OpenAPI3, {
      redocly,
      silent: true,
      defaultNonNullable: false,
    });
    return `${header}\n${astToString(ast)}`;
  } catch (cause) {
    throw new CodegenError("CODEGEN_TYPES_FAILED", `openapi-typescript failed: ${(cause as Error).message}`);
  }
}
