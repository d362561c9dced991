import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DayTwoProject } from "./day-two-project";
import { addClusterSortingFirst, retireEnvironmentOnSecondCluster, retireHousing } from "./day-two-scenarios";

/**
 * Day 2 on a copy of the bundled example, synthesized before and after: retiring forgets every
 * object of the retired namespaces and keeps the providers the record still needs; placement is
 * decided once.
 */
const removedFrom = (stack: Record<string, any>) => (stack.removed ?? []).map((b: { from: string; lifecycle: unknown }) => ({ from: b.from, lifecycle: b.lifecycle }));
const providerAliases = (stack: Record<string, any>) => (stack.provider?.kubernetes ?? []).map((p: { alias: string }) => p.alias).sort();
const addressesIn = (lock: Record<string, any>, stack: string, cluster: string, namespace: string): string[] => lock.stacks[stack]?.[cluster]?.[namespace] ?? [];

describe("retiring an environment on a second cluster", () => {
  const project = new DayTwoProject();
  const before = project.lock();
  const coreObjects = addressesIn(before, "dept-public-security", "secure-l4", "public-security-core");
  retireEnvironmentOnSecondCluster(project);
  project.synthOrFail();
  const stack = project.stack("dept-public-security");

  it("forgets every object of the retired namespace, guards included, and destroys none", () => {
    // With the population-api's sharing client certificate and the 3 data claims.
    expect(coreObjects).toHaveLength(36);
    expect(coreObjects).toEqual(expect.arrayContaining([
      "kubernetes_namespace_v1.tenant_core_namespace_543C85F8",
      expect.stringMatching(/^kubernetes_network_policy_v1\.tenant_core_firewall_default-deny_[0-9A-F]{8}$/),
      expect.stringMatching(/^kubernetes_resource_quota_v1\.tenant_core_quota_[0-9A-F]{8}$/),
      expect.stringMatching(/^kubernetes_service_account_v1\.tenant_core_svc-db_service-account_[0-9A-F]{8}$/),
      expect.stringMatching(/^kubernetes_stateful_set_v1\.tenant_core_svc-db_stateful-set_[0-9A-F]{8}$/),
    ]));
    expect(removedFrom(stack)).toEqual(coreObjects.map((from) => ({ from, lifecycle: { destroy: false } })));
    const remaining = Object.values(stack.resource as Record<string, Record<string, any>>).flatMap((group) => Object.values(group));
    expect(remaining.filter((r) => r.provider === "kubernetes.secure-l4")).toEqual([]);
  });

  it("keeps the secure-l4 provider, which Terraform needs to forget them, and required_providers", () => {
    expect(providerAliases(stack)).toEqual(["secure-l4", "shared-hz"]);
    expect(stack.terraform.required_providers).toEqual({ kubernetes: { source: "kubernetes", version: "2.38.0" } });
  });

  it("keeps the retired objects in the record, on their cluster, while the declaration says retired", () => {
    const after = project.lock();
    expect(addressesIn(after, "dept-public-security", "secure-l4", "public-security-core")).toEqual(coreObjects);
    expect(after.environments["public-security/core"]).toEqual({ cluster: "secure-l4" });
  });
});

describe("retiring a whole department", () => {
  const project = new DayTwoProject();
  const before = project.lock();
  const recorded = Object.values(before.stacks["dept-housing"]["shared-hz"] as Record<string, string[]>).flat().sort();
  retireHousing(project);
  project.synthOrFail();
  const stack = project.stack("dept-housing");

  it("forgets all of its objects, keeps its provider and required_providers, and manages nothing", () => {
    expect(recorded).toHaveLength(86); // 78 objects and the data claims of its 8 store replicas
    expect(stack.resource).toBeUndefined();
    expect(removedFrom(stack)).toEqual(recorded.map((from) => ({ from, lifecycle: { destroy: false } })));
    expect(providerAliases(stack)).toEqual(["shared-hz"]);
    expect(stack.terraform.required_providers).toEqual({ kubernetes: { source: "kubernetes", version: "2.38.0" } });
  });

  it("drops the department from the record once its file is gone", () => {
    rmSync(join(project.config, "departments", "housing.yaml"));
    project.synthOrFail();
    const after = project.lock();
    expect(after.stacks["dept-housing"]).toBeUndefined();
    expect(Object.keys(after.environments).filter((k) => k.startsWith("housing/"))).toEqual([]);
    expect(after.entries.filter((e: { key: string }) => e.key.startsWith("housing/"))).toEqual([]);
  });
});

describe("adding a cluster whose name sorts first", () => {
  const project = new DayTwoProject();
  const before = project.lock();
  addClusterSortingFirst(project);
  const result = project.synth();

  it("moves no environment: every recorded placement stays", () => {
    expect(result.problems).toEqual([]);
    expect(project.lock().environments).toEqual(before.environments);
    expect(project.lock().stacks["dept-health"]).toEqual(before.stacks["dept-health"]);
    expect(providerAliases(project.stack("dept-health"))).toEqual(["shared-hz"]);
  });

  it("places a new environment on it, first by name", () => {
    // The department's shared services run in every environment without an `in:` list, the new one too.
    project.edit("departments/health.yaml", (d) => d.addIn(["environments"], { name: "sandbox", level: 2, quota: { cpu: 16, memory: "32Gi", storage: "500Gi" } }));
    project.synthOrFail();
    expect(project.lock().environments["health/sandbox"]).toEqual({ cluster: "nb-shared" });
    expect(providerAliases(project.stack("dept-health"))).toEqual(["nb-shared", "shared-hz"]);
  });
});

describe("moving an environment that holds data", () => {
  const project = new DayTwoProject();

  it("refuses raising public-security prod from level 3 to 4, with the reason and the migration path", () => {
    const file = "departments/public-security.yaml";
    const prod = project.indexOf(file, ["environments"], "prod");
    project.edit(file, (d) => d.setIn(["environments", prod, "level"], 4));
    const { problems } = project.synth();
    expect(problems).toContain(
      'config/departments/public-security.yaml:124:5 environments[2].level: cluster "shared-hz", where environment "prod" holds data (cache, db), does not host level 4: the environment would move to cluster "secure-l4" with new, empty stores and leave the data behind on "shared-hz", unmanaged. To raise the level, declare a new environment at level 4, restore its data there from backup, then retire "prod" (retired: true; Terraform forgets it and the data stays)',
    );
  });
});

describe("a damaged record", () => {
  const project = new DayTwoProject();

  it("is refused with its position and how to recover, and nothing is written", () => {
    const text = project.lockText().replace('"cluster": "shared-hz"', '"cluster": 7');
    writeFileSync(join(project.config, "stateful.lock.json"), text);
    const { problems } = project.synth();
    expect(problems).toEqual([
      expect.stringMatching(/^config\/stateful\.lock\.json:\d+:\d+ environments\["big-data\/dev"\]\.cluster: /),
      "config/stateful.lock.json:1:1 (document): the lock file is damaged; restore it from version control rather than editing it by hand (it is written only by govcloud synth)",
    ]);
    expect(project.lockText()).toBe(text);
  });
});
