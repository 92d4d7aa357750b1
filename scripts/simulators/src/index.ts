export type {
  BolProcessOutcome,
  BolRetailerCredentials,
  BolRetailerRequest,
  BolRetailerSimulator,
  BolRetailerSimulatorOptions,
} from "./bol-retailer.js";
export { startBolRetailerSimulator } from "./bol-retailer.js";
export type { BoltSimulator, BoltSimulatorOptions, BoltSimulatorRequest } from "./bolt.js";
export { startBoltSimulator } from "./bolt.js";
export type { BoltPayClientCredentials, BoltPaySimulator, BoltPaySimulatorOptions } from "./boltpay.js";
export { BOLTPAY_FIXED_SCOPE, startBoltPaySimulator } from "./boltpay.js";
export type {
  BorderboltClientCredentials,
  BorderboltSimulator,
  BorderboltSimulatorOptions,
} from "./borderbolt.js";
export { startBorderboltSimulator } from "./borderbolt.js";
export type { Handler, RouteMatch, RunningServer } from "./http-server.js";
export { bearerToken, matchPath, readBody, readJson, sendJson, startServer } from "./http-server.js";
export { quietConsole } from "./quiet-console.js";
export type { SpecScopes } from "./spec-scopes.js";
export { isAuthorised, loadSpecScopes } from "./spec-scopes.js";
export type {
  TradevestClientCredentials,
  TradevestSimulator,
  TradevestSimulatorOptions,
  TradevestSimulatorRequest,
} from "./tradevest.js";
export { startTradevestSimulator } from "./tradevest.js";
