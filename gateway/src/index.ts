// Telemetry first: importers of this package get APOLLO_TELEMETRY_DISABLED before @apollo/gateway loads.
import "./telemetry.js";

export { startGateway, type RunningGateway, type StartGatewayOptions } from "./server.js";
export { loadConfig, loadTokenSettings, ConfigError, type GatewayConfig, type TokenSettings } from "./config.js";
export {
  createCallerTokenVerifier,
  issueDevToken,
  rolesFromName,
  CallerTokenError,
  ROLE_NAMES,
  type DevTokenRequest,
  type RoleName,
} from "./caller-token.js";
export { DEV_PERSONAS } from "./dev-tokens.js";
