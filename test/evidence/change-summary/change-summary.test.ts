import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, type Document } from "yaml";
import { synthesizePlatform } from "../../../artifact/synthesize-platform";
import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { readPlatformOrThrow } from "../../../config/read-platform";
import { diffArtifacts, diffOutdirs, formatChangeSummary, readRemovedBlocks } from "../../../evidence/change-summary";
import { materialize, TODAY } from "../../config/declaration-fixtures";

/**
 * The fixture platform synthesized twice from one project (so the second synthesis sees the
 * stateful lock the first wrote, as a real change would), with one reviewed change between:
 * insurance's quota raised, a service added to health/prod that calls records-api, and the
 * health/prod database retired (its records-api → db edge removed with it).
 */
const project = materialize();
const config = join(project, "config");
function synth(outdir: string): string {
  const model = readPlatformOrThrow(config, { today: TODAY });
  synthesizePlatform(model, { outdir: join(project, outdir), projectRoot: project, configDir: config });
  return join(project, outdir);
}
function edit(file: string, change: (doc: Document) => void): void {
  const path = join(config, "departments", file);
  const document = parseDocument(readFileSync(path, "utf8"));
  change(document);
  writeFileSync(path, document.toString());
}

const before = synth("before.out");
edit("insurance.yaml", (d) => d.setIn(["environments", 0, "quota", "cpu"], 12));
edit("health.yaml", (d) => {
  d.addIn(["environments", 1, "services"], {
    name: "search",
    template: "api",
    image: "harbor.example.gov.cn/health/search:1.0.0@sha256:7ed51843129a5315030d15eeb439d7c46a4cda1653c98cdbca2e8fa0824aaa52",
    size: "small",
    replicas: 2,
    port: 8080,
    dataClass: "personal",
    connectsTo: ["records-api"],
  });
  d.setIn(["environments", 1, "services", 1, "connectsTo"], []);
  d.setIn(["environments", 1, "services", 2, "retired"], true);
});
const after = synth("after.out");

describe("the change summary of two syntheses", () => {
  it("says in a few lines what the change does, per department and zone", () => {
    expect(formatChangeSummary(diffOutdirs(before, after))).toBe(
      [
        "health / level-3: 6 added, 11 removed, 4 forgotten (data kept)",
        "  + Deployment health-prod/search, PodDisruptionBudget health-prod/search, Service health-prod/search, ServiceAccount health-prod/search",
        "  - CronJob health-prod/db-backup, PodDisruptionBudget health-prod/db, Service health-prod/db, Service health-prod/db-headless, ServiceAccount health-prod/db",
        "  forgotten (data kept): PersistentVolumeClaim health-prod/data-db-0, PersistentVolumeClaim health-prod/data-db-1, PersistentVolumeClaim health-prod/db-backup, StatefulSet health-prod/db",
        "  + flow connects-to in health-prod: Level 3: search calls records-api, as declared in connectsTo",
        "  - flow backup-read in health-prod: Level 3: the backup job of db dumps it through its port",
        "  - flow connects-to in health-prod: Level 3: records-api calls db, as declared in connectsTo",
        "  - flow replication in health-prod: Level 3: replicas of db reach each other on its port",
        "insurance / level-3: 2 changed",
        "  ~ LimitRange insurance-prod/govcloud-limits: spec.limits[0].max.cpu",
        "  quota insurance-prod: limits.cpu 8 → 12, requests.cpu 8 → 12",
      ].join("\n"),
    );
  });

  it("keeps every address, kind and name in the data, and the forgotten ones are exactly the removed blocks", () => {
    const summary = diffOutdirs(before, after);
    const health = summary.groups[0];
    // The summary lists by kind and name, the removed blocks by address: the same set.
    expect(health.forgotten.map((r) => `${r.stack} ${r.address}`).sort()).toEqual(
      readRemovedBlocks(after).map((b) => `${b.stack} ${b.address}`).sort(),
    );
    expect(readRemovedBlocks(after).every((b) => !b.destroy)).toBe(true);
    expect(health.flows.map((f) => [f.change, f.flow, f.policy])).toEqual([
      ["added", "connects-to", "connect-search-to-records-api-egress"],
      ["added", "connects-to", "connect-search-to-records-api-ingress"],
      ["removed", "backup-read", "backup-db-reads-db-egress"],
      ["removed", "backup-read", "backup-db-reads-db-ingress"],
      ["removed", "connects-to", "connect-records-api-to-db-egress"],
      ["removed", "connects-to", "connect-records-api-to-db-ingress"],
      ["removed", "replication", "replicate-db-egress"],
      ["removed", "replication", "replicate-db-ingress"],
    ]);
    expect(summary.groups[1].quotas).toEqual([
      {
        stack: "dept-insurance",
        address: expect.stringMatching(/^kubernetes_resource_quota_v1\./),
        cluster: "shared",
        namespace: "insurance-prod",
        change: "changed",
        hard: [
          { resource: "limits.cpu", old: "8", new: "12" },
          { resource: "requests.cpu", old: "8", new: "12" },
        ],
      },
    ]);
  });

  it("calls a disappearance a removal when it is not told about removed blocks", () => {
    const summary = diffArtifacts(readArtifact(before), readArtifact(after));
    expect(summary.groups[0].forgotten).toEqual([]);
    expect(summary.groups[0].removed.map((r) => r.kind)).toContain("StatefulSet");
  });

  it("prints exactly 'no changes' for identical artifacts", () => {
    expect(formatChangeSummary(diffOutdirs(after, after))).toBe("no changes");
    expect(diffOutdirs(before, before)).toEqual({ groups: [] });
  });
});

describe("change details", () => {
  const namespace = (cluster: string, name: string, zone: string) => ({
    stack: "dept-health",
    address: `kubernetes_namespace_v1.${name}`,
    cluster,
    namespaced: false,
    object: { apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "govcloud/zone": zone } } },
  });
  const quota = (cluster: string, ns: string, cpu: string) => ({
    stack: "dept-health",
    address: `kubernetes_resource_quota_v1.${ns}`,
    cluster,
    namespaced: true,
    object: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "govcloud-quota", namespace: ns }, spec: { hard: { "requests.cpu": cpu } } },
  });
  const artifact = (...resources: ArtifactStack["resources"]): ArtifactStack[] => [{ name: "dept-health", resources }];

  it("shows a new environment's namespace in its own zone and its quota as new", () => {
    const summary = diffArtifacts(artifact(), artifact(namespace("shared", "health-test", "level-2"), quota("shared", "health-test", "4")));
    expect(formatChangeSummary(summary)).toBe(
      ["health / level-2: 2 added", "  + Namespace health-test", "  quota health-test (new): requests.cpu 4"].join("\n"),
    );
  });

  it("names a move between clusters and lists at most three changed fields", () => {
    const labelled = (cluster: string, value: string) => {
      const q = quota(cluster, "health-dev", "4");
      return { ...q, object: { ...q.object, metadata: { ...q.object.metadata, labels: { a: value, b: value, c: value } } } };
    };
    const summary = diffArtifacts(artifact(labelled("shared", "1")), artifact(labelled("secure-l4", "2")));
    expect(summary.groups[0].changed[0].changedFields).toEqual(["(cluster)", "metadata.labels.a", "metadata.labels.b", "metadata.labels.c"]);
    expect(summary.groups[0].quotas).toEqual([]);
    expect(formatChangeSummary(summary)).toBe(
      [
        "health / namespace health-dev: 1 changed",
        "  ~ ResourceQuota health-dev/govcloud-quota: (cluster), metadata.labels.a, metadata.labels.b and 1 more",
      ].join("\n"),
    );
  });
});
