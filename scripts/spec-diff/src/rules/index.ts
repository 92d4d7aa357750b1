import { requestEnumWidened, responseEnumWidened } from "./enums.js";
import { flowRemoved } from "./flow-removed.js";
import { scopeAdded, scopeRemoved } from "./scopes.js";
import type { SpecDiffRule } from "./types.js";

export type { RuleContext, SpecDiffRule } from "./types.js";

/** Our rules, applied in this order after Redocly's diff. */
export const RULES: readonly SpecDiffRule[] = [
  scopeRemoved,
  scopeAdded,
  flowRemoved,
  requestEnumWidened,
  responseEnumWidened,
];
