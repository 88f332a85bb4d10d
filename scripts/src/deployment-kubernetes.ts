import { createHash } from "node:crypto";
import {
  APP_DIR,
  databaseReplicasSecretKey,
  databaseSecretKey,
  GATEWAY,
  IMAGE,
  releaseTag,
  RUN_AS,
  supergraphText,
  subgraphServices,
  subgraphUrlVariable,
  type AppService,
  type SubgraphService,
} from "./deployment-model.js";

/**
 * docker/k8s/: one Deployment, Service, PodDisruptionBudget and HorizontalPodAutoscaler per
 * process; a NetworkPolicy per subgraph admitting only the gateway's pods; an Ingress that
 * publishes the gateway's /graphql and nothing else (not /metrics); the supergraph as a
 * ConfigMap mounted into the gateway; a migration Job per subgraph. Secrets are referenced,
 * never written: docker/k8s/examples/secrets.yaml shows their keys with placeholders.
 */

export const PREFIX = "danvan";
export const SECRET = `${PREFIX}-secrets`;
export const SETTINGS_CONFIGMAP = `${PREFIX}-settings`;
export const SUPERGRAPH_CONFIGMAP = `${PREFIX}-supergraph`;
export const SUPERGRAPH_MOUNT = "/etc/danvan/supergraph";
export const INGRESS_HOST = "graph.example.gov.vn";

type Doc = Record<string, unknown>;

const objectName = (service: string) => `${PREFIX}-${service}`;

function labels(service: string, component: string) {
  return {
    "app.kubernetes.io/name": objectName(service),
    "app.kubernetes.io/component": component,
    "app.kubernetes.io/part-of": PREFIX,
  };
}

const selector = (service: string) => ({ "app.kubernetes.io/name": objectName(service) });

function secretRef(key: string, optional = false) {
  return { secretKeyRef: { name: SECRET, key, ...(optional ? { optional: true } : {}) } };
}

/** The subgraph's own secrets (SUBGRAPH_SECRETS), from the Secret by reference. */
function ownSecrets(s: SubgraphService): Doc[] {
  return s.secrets.map((x) => ({ name: x.variable, valueFrom: secretRef(x.secretKey) }));
}

/** Non-root, no privileges, read-only root: for the pod and again for each container. */
const podSecurity = {
  runAsNonRoot: true,
  runAsUser: RUN_AS.uid,
  runAsGroup: RUN_AS.uid,
  seccompProfile: { type: "RuntimeDefault" },
};
const containerSecurity = {
  runAsNonRoot: true,
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  capabilities: { drop: ["ALL"] },
};

const image = () => `${IMAGE}:${releaseTag()}`;

function container(service: AppService, env: Doc[], resources: Doc, extra: Doc = {}) {
  return {
    name: service.name,
    image: image(),
    imagePullPolicy: "IfNotPresent",
    workingDir: APP_DIR,
    args: service.command,
    ports: [{ name: "http", containerPort: service.port, protocol: "TCP" }],
    envFrom: [{ configMapRef: { name: SETTINGS_CONFIGMAP } }],
    env: [{ name: "PORT", value: String(service.port) }, ...env],
    // Up once it listens (the schema is built and the database pool open)...
    startupProbe: { httpGet: { path: "/livez", port: "http" }, periodSeconds: 2, failureThreshold: 60 },
    // ... restarted when it stops answering ...
    livenessProbe: {
      httpGet: { path: "/livez", port: "http" },
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 3,
    },
    // ... and sent traffic while its database is reachable and migrated (subgraphs) or its
    // supergraph is loaded (gateway); 503 from SIGTERM on, while it drains.
    readinessProbe: {
      httpGet: { path: "/readyz", port: "http" },
      periodSeconds: 5,
      timeoutSeconds: 3,
      failureThreshold: 2,
    },
    // Let the endpoints drop the pod before SIGTERM starts the drain.
    lifecycle: { preStop: { exec: { command: ["sleep", "5"] } } },
    resources,
    securityContext: containerSecurity,
    volumeMounts: [{ name: "tmp", mountPath: "/tmp" }, ...((extra.volumeMounts as Doc[]) ?? [])],
  };
}

function deployment(
  service: AppService,
  component: string,
  pod: { container: Doc; volumes?: Doc[]; annotations?: Doc },
) {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: objectName(service.name), labels: labels(service.name, component) },
    spec: {
      // No replicas: the HorizontalPodAutoscaler owns the count (2 or more), an apply never resets it.
      revisionHistoryLimit: 5,
      selector: { matchLabels: selector(service.name) },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labels(service.name, component),
          ...(pod.annotations ? { annotations: pod.annotations } : {}),
        },
        spec: {
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          // SHUTDOWN_GRACE_MS (10 s) of draining after the 5 s preStop pause, with room to spare.
          terminationGracePeriodSeconds: 30,
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: "kubernetes.io/hostname",
              whenUnsatisfiable: "ScheduleAnyway",
              labelSelector: { matchLabels: selector(service.name) },
            },
          ],
          containers: [pod.container],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }, ...(pod.volumes ?? [])],
        },
      },
    },
  };
}

function service(s: AppService, component: string) {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: objectName(s.name), labels: labels(s.name, component) },
    spec: {
      type: "ClusterIP",
      selector: selector(s.name),
      ports: [{ name: "http", port: s.port, targetPort: "http", protocol: "TCP" }],
    },
  };
}

function disruptionBudget(s: AppService, component: string) {
  return {
    apiVersion: "policy/v1",
    kind: "PodDisruptionBudget",
    metadata: { name: objectName(s.name), labels: labels(s.name, component) },
    spec: { minAvailable: 1, selector: { matchLabels: selector(s.name) } },
  };
}

function autoscaler(s: AppService, component: string, maxReplicas: number) {
  return {
    apiVersion: "autoscaling/v2",
    kind: "HorizontalPodAutoscaler",
    metadata: { name: objectName(s.name), labels: labels(s.name, component) },
    spec: {
      scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: objectName(s.name) },
      minReplicas: 2,
      maxReplicas,
      metrics: [
        { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
    },
  };
}

const subgraphResources = { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "768Mi" } };
const gatewayResources = { requests: { cpu: "500m", memory: "256Mi" }, limits: { cpu: "2", memory: "768Mi" } };
const jobResources = { requests: { cpu: "100m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } };

export function subgraphDocuments(s: SubgraphService): Doc[] {
  const env = [
    { name: "IDENTITY_SECRET", valueFrom: secretRef("identity-secret") },
    { name: "DATABASE_URL", valueFrom: secretRef(databaseSecretKey(s.name)) },
    // Streaming replicas for read-only requests, comma-separated: optional (README "Scaling out").
    { name: "DATABASE_REPLICA_URLS", valueFrom: secretRef(databaseReplicasSecretKey(s.name), true) },
    // Subgraphs that read from the graph (petitions: remote-area flags) ask the gateway.
    { name: "UNIT_REGISTRY_URL", value: `http://${objectName(GATEWAY.name)}:${GATEWAY.port}/graphql` },
    ...ownSecrets(s),
  ];
  return [
    deployment(s, "subgraph", { container: container(s, env, subgraphResources) }),
    service(s, "subgraph"),
    disruptionBudget(s, "subgraph"),
    autoscaler(s, "subgraph", 6),
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: objectName(s.name), labels: labels(s.name, "subgraph") },
      spec: {
        // Only the gateway's pods reach a subgraph; nothing else in the cluster, nothing outside.
        podSelector: { matchLabels: selector(s.name) },
        policyTypes: ["Ingress"],
        ingress: [
          {
            from: [{ podSelector: { matchLabels: selector(GATEWAY.name) } }],
            ports: [{ protocol: "TCP", port: s.port }],
          },
        ],
      },
    },
  ];
}

export function gatewayDocuments(subgraphs: SubgraphService[]): Doc[] {
  const supergraph = supergraphText();
  const env = [
    { name: "IDENTITY_SECRET", valueFrom: secretRef("identity-secret") },
    // HS256 callers' tokens; with an identity provider's JWKS, set JWT_ALGORITHMS and JWKS_URL instead.
    { name: "JWT_SECRET", valueFrom: secretRef("jwt-secret", true) },
    // Shared automatic persisted queries across replicas (memory when absent).
    { name: "REDIS_URL", valueFrom: secretRef("redis-url", true) },
    { name: "SUPERGRAPH_PATH", value: `${SUPERGRAPH_MOUNT}/supergraph.graphql` },
    ...subgraphs.map((s) => ({
      name: subgraphUrlVariable(s.name),
      value: `http://${objectName(s.name)}:${s.port}/graphql`,
    })),
  ];
  const volumeMounts = [{ name: "supergraph", mountPath: SUPERGRAPH_MOUNT, readOnly: true }];
  return [
    deployment(GATEWAY, "gateway", {
      container: container(GATEWAY, env, gatewayResources, { volumeMounts }),
      volumes: [{ name: "supergraph", configMap: { name: SUPERGRAPH_CONFIGMAP } }],
      annotations: {
        // A new supergraph rolls the gateway's pods (a mounted ConfigMap alone would not).
        "danvan/supergraph-sha256": createHash("sha256").update(supergraph).digest("hex"),
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(GATEWAY.port),
        "prometheus.io/path": "/metrics",
      },
    }),
    service(GATEWAY, "gateway"),
    disruptionBudget(GATEWAY, "gateway"),
    autoscaler(GATEWAY, "gateway", 10),
    {
      apiVersion: "networking.k8s.io/v1",
      kind: "Ingress",
      metadata: { name: objectName(GATEWAY.name), labels: labels(GATEWAY.name, "gateway") },
      spec: {
        ingressClassName: "nginx",
        tls: [{ hosts: [INGRESS_HOST], secretName: `${objectName(GATEWAY.name)}-tls` }],
        rules: [
          {
            host: INGRESS_HOST,
            http: {
              // /graphql only: /metrics, /livez, /readyz and the IDE stay inside the cluster.
              paths: [
                {
                  path: "/graphql",
                  pathType: "Exact",
                  backend: { service: { name: objectName(GATEWAY.name), port: { name: "http" } } },
                },
              ],
            },
          },
        ],
      },
    },
  ];
}

export function migrationJobs(subgraphs: SubgraphService[]): Doc[] {
  return subgraphs.map((s) => ({
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name: `${PREFIX}-migrate-${s.name}`, labels: labels(`migrate-${s.name}`, "migration") },
    spec: {
      backoffLimit: 4,
      activeDeadlineSeconds: 900,
      // Gone a day after it finished, so the next `kubectl apply` runs the new image's migrations.
      ttlSecondsAfterFinished: 86400,
      template: {
        metadata: { labels: labels(`migrate-${s.name}`, "migration") },
        spec: {
          restartPolicy: "Never",
          automountServiceAccountToken: false,
          securityContext: podSecurity,
          containers: [
            {
              name: "migrate",
              image: image(),
              imagePullPolicy: "IfNotPresent",
              workingDir: APP_DIR,
              args: s.migrateCommand,
              envFrom: [{ configMapRef: { name: SETTINGS_CONFIGMAP } }],
              env: [{ name: "DATABASE_URL", valueFrom: secretRef(databaseSecretKey(s.name)) }, ...ownSecrets(s)],
              resources: jobResources,
              securityContext: containerSecurity,
              volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
            },
          ],
          volumes: [{ name: "tmp", emptyDir: { sizeLimit: "64Mi" } }],
        },
      },
    },
  }));
}

export function settingsConfigMap(): Doc {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: SETTINGS_CONFIGMAP, labels: { "app.kubernetes.io/part-of": PREFIX } },
    data: { NODE_ENV: "production", HOST: "0.0.0.0", LOG_LEVEL: "info", SHUTDOWN_GRACE_MS: "10000" },
  };
}

export function supergraphConfigMap(): Doc {
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: { name: SUPERGRAPH_CONFIGMAP, labels: { "app.kubernetes.io/part-of": PREFIX } },
    data: { "supergraph.graphql": supergraphText() },
  };
}

/** The Secret every Deployment and Job refers to, with placeholders the processes refuse. */
export function exampleSecret(subgraphs: SubgraphService[]): Doc {
  return {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: SECRET, labels: { "app.kubernetes.io/part-of": PREFIX } },
    type: "Opaque",
    stringData: {
      // Too short on purpose: the gateway and the subgraphs refuse to start with either.
      "identity-secret": "REPLACE-ME",
      "jwt-secret": "REPLACE-ME",
      "redis-url": "redis://REPLACE-ME:6379",
      ...Object.fromEntries(
        subgraphs.flatMap((s) => [
          [databaseSecretKey(s.name), `postgres://danvan:REPLACE-ME@REPLACE-ME:5432/${s.database}`],
          // Optional: leave the key out for no replicas.
          [databaseReplicasSecretKey(s.name), `postgres://danvan:REPLACE-ME@REPLACE-ME-replica-1:5432/${s.database}`],
          ...s.secrets.map((x) => [x.secretKey, x.placeholder]),
        ]),
      ),
    },
  };
}

export function kustomization(resources: string[]): Doc {
  return {
    apiVersion: "kustomize.config.k8s.io/v1beta1",
    kind: "Kustomization",
    resources,
  };
}

/** docker/k8s/<file> → its documents, in apply order. */
export function kubernetesManifests(): Map<string, Doc[]> {
  const subgraphs = subgraphServices();
  const files = new Map<string, Doc[]>();
  files.set("settings.yaml", [settingsConfigMap()]);
  files.set("supergraph.yaml", [supergraphConfigMap()]);
  files.set("migrations.yaml", migrationJobs(subgraphs));
  for (const s of subgraphs) files.set(`subgraph-${s.name}.yaml`, subgraphDocuments(s));
  files.set("gateway.yaml", gatewayDocuments(subgraphs));
  files.set("kustomization.yaml", [kustomization([...files.keys()])]);
  files.set("examples/secrets.yaml", [exampleSecret(subgraphs)]);
  return files;
}
