export type {
  BorderboltClientCredentials,
  BorderboltSimulator,
  BorderboltSimulatorOptions,
} from "./borderbolt.js";
export { startBorderboltSimulator } from "./borderbolt.js";
export type { Handler, RouteMatch, RunningServer } from "./http-server.js";
export { bearerToken, matchPath, readBody, readJson, sendJson, startServer } from "./http-server.js";
export type { SpecScopes } from "./spec-scopes.js";
export { isAuthorised, loadSpecScopes } from "./spec-scopes.js";
