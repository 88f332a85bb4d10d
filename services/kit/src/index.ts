import "reflect-metadata";

export * from "./auth.js";
export * from "./config.js";
export * from "./connection.js";
export * from "./context.js";
export * from "./database/index.js";
export * from "./errors.js";
export * from "./http/subgraph-server.js";
export * from "./identity/index.js";
export * from "./loaders.js";
export * from "./logger.js";
export * from "./paths.js";
export * from "./scalars.js";
export * from "./schema/build-subgraph-schema.js";
export * from "./subgraph.js";
export * from "./units/index.js";
export * from "./records/index.js";
export * from "./process/service-process.js";
