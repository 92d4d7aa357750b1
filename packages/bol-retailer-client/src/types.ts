import type { Client } from "openapi-fetch";
import type { components, paths } from "./generated/schema.gen.js";

/** An openapi-fetch client for bol's paths; every helper of this package takes one. */
export type BolPathsClient = Client<paths>;

/** bol's asynchronous process status (the body of every `202 Accepted`). */
export type ProcessStatus = components["schemas"]["ProcessStatus"];

/** The `status` of a {@link ProcessStatus}: `PENDING`, `SUCCESS`, `FAILURE` or `TIMEOUT`. */
export type ProcessStatusValue = ProcessStatus["status"];

/** A {@link ProcessStatus} that ended in `SUCCESS`: what `waitForProcess()` resolves to. */
export type SucceededProcessStatus = ProcessStatus & { readonly status: "SUCCESS" };

/** bol's error body. */
export type Problem = components["schemas"]["Problem"];
