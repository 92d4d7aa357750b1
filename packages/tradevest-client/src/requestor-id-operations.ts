import type { OperationsWithHeader } from "@org/auth";
import type { OperationKey } from "./generated/auth.gen.js";
import type { paths } from "./generated/schema.gen.js";

/** The header Tradevest wants on every command except the documented exemptions. */
export const REQUESTOR_ID_HEADER = "Requestor-ID";

/** Every operation whose spec declares the `Requestor-ID` header (all of them as required). */
export type RequestorIdOperation = OperationsWithHeader<paths, typeof REQUESTOR_ID_HEADER>;

/** The operations exempt from `Requestor-ID`: every spec operation that does not declare it. */
export type RequestorIdExemptOperation = Exclude<OperationKey, RequestorIdOperation>;

/**
 * The documented exemptions (`x-requestor-id-exempt: true` in the spec): the token endpoints,
 * creating a natural person or legal entity, the natural-persons wizard and preparing a legal
 * entity. No `Requestor-ID` is ever added to these. Checked against the generated types: an entry
 * that declares the header does not compile, and `test/client.test-d.ts` fails when the spec gains
 * an exemption that is missing here.
 */
export const REQUESTOR_ID_EXEMPT_OPERATIONS = [
  "POST /connect/token",
  "POST /oauth2/token",
  "POST /entities/natural-persons",
  "POST /natural-persons",
  "POST /natural-persons-wizard",
  "PATCH /natural-persons-wizard/{wizardInstanceId}",
  "POST /entities/legal-entities",
  "POST /customers/legal-entities",
  "POST /entities/vendor/legal-entities",
] as const satisfies readonly RequestorIdExemptOperation[];
