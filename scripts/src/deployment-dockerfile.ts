import {
  APP_DIR,
  GATEWAY,
  GENERATED_NOTE,
  MIGRATE_SCRIPT,
  NODE_VERSION,
  NPM_VERSION,
  RUN_AS,
  SAFELIST_FILE,
  SUPERGRAPH_FILE,
  runtimeWorkspaces,
  subgraphServices,
  workspaceFolders,
} from "./deployment-model.js";

/**
 * docker/Dockerfile: one image for every process of the graph. `manifests` holds npm and the
 * workspaces' package.json files; from it, `build` installs
 * every dependency and compiles the workspaces, and `production-dependencies` installs only the
 * runtime workspaces' dependencies (no dev dependencies, no scripts or test tooling); `runtime`
 * is slim Node with those dependencies and the compiled code, running as the image's `node` user.
 */
export function dockerfile(): string {
  const manifests = workspaceFolders().map((w) => `COPY ${w}/package.json ${w}/`);
  const runtime = runtimeWorkspaces();
  const [example] = subgraphServices();
  const json = (argv: string[]) => JSON.stringify(argv).replace(/","/g, '", "');
  return `# syntax=docker/dockerfile:1
# ${GENERATED_NOTE}
#
# One image for every process of the graph; the command chooses which (docker/compose.yaml,
# docker/k8s/ give each its own):
#   the gateway (default)    ${GATEWAY.command.join(" ")}
#   a subgraph               ${example?.command.join(" ") ?? "node services/<name>/dist/src/main.js"}
#   its migrations           ${example?.migrateCommand.join(" ") ?? `node ${MIGRATE_SCRIPT} <name>`}
#   its dataset (one-off)    ${example?.seedCommand("small").join(" ") ?? "node services/<name>/dist/seed/main.js"}
# Build from the repository root:  docker build -f docker/Dockerfile -t danvan-graph:local .
# No secret is baked in: every setting comes from the environment at run time.

ARG NODE_VERSION=${NODE_VERSION}
ARG NPM_VERSION=${NPM_VERSION}

# 1. npm and every workspace's manifest: what both installs below start from.
FROM node:\${NODE_VERSION}-bookworm AS manifests
ARG NPM_VERSION
WORKDIR ${APP_DIR}
RUN npm install --global --no-audit --no-fund npm@\${NPM_VERSION}
COPY package.json package-lock.json .npmrc ./
${manifests.join("\n")}

# 2. Compile every workspace (tsc -b) with all dependencies, dev ones included.
FROM manifests AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build \\
  && find ${runtime.join(" ")} scripts -path '*/dist/*' -name '*.test.*' -delete

# 3. Production dependencies of the workspaces the processes run from, nothing else.
#    (better-sqlite3 compiles here, where python3, make and g++ are.)
FROM manifests AS production-dependencies
RUN npm ci --omit=dev --no-audit --no-fund \\
${runtime.map((w) => `  --workspace ${w}`).join(" \\\n")}

# 4. Runtime: slim Node, the production dependencies and the compiled code, owned by root and
#    read-only to the process, which runs as the unprivileged user of the Node image.
FROM node:\${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \\
  HOST=0.0.0.0 \\
  APOLLO_TELEMETRY_DISABLED=1
WORKDIR ${APP_DIR}
COPY --from=production-dependencies ${APP_DIR} ./
${runtime.map((w) => `COPY --from=build ${APP_DIR}/${w}/dist ${w}/dist`).join("\n")}
COPY --from=build ${APP_DIR}/${MIGRATE_SCRIPT} ${APP_DIR}/scripts/dist/subgraphs.js scripts/dist/
COPY services/kit/data services/kit/data
COPY ${SUPERGRAPH_FILE} ${SAFELIST_FILE} schema/
USER ${RUN_AS.user}
EXPOSE ${GATEWAY.port}
CMD ${json(GATEWAY.command)}
`;
}

/** .dockerignore at the repository root: what the build never needs, and what must never get in. */
export function dockerignore(): string {
  return `# ${GENERATED_NOTE}
# The build context of docker/Dockerfile is the repository root; none of this is sent to it.
.git
.ci
**/node_modules
**/dist
**/*.tsbuildinfo
data
bench
coverage
docker
**/.env
**/*.log
`;
}
