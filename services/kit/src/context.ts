import type { Logger } from "pino";
import type { Identity } from "./identity/identity.js";

/** What every subgraph resolver receives; subgraphs add their per-request loaders. */
export interface SubgraphContext {
  readonly identity: Identity;
  readonly requestId: string;
  readonly logger: Logger;
}
