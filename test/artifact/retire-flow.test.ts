import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { synthesizePlatform } from "../../artifact/synthesize-platform";
import { formatProblem } from "../../config/declaration/problem";
import { readPlatform } from "../../config/read-platform";
import { materialize, TODAY } from "../config/declaration-fixtures";

/**
 * No data loss, end to end on the small fixture platform: a database that leaves the
 * declaration is refused; retired, it becomes `removed` blocks that forget without destroying.
 */
const project = materialize();
const config = join(project, "config");
const outdir = join(project, "cdktf.out");

function synth() {
  const { model, problems } = readPlatform(config, project, { today: TODAY });
  if (!model) throw new Error(problems.map(formatProblem).join("\n"));
  synthesizePlatform(model, { outdir, projectRoot: project, configDir: config });
}
const stack = (name: string) => JSON.parse(readFileSync(join(outdir, "stacks", name, "cdk.tf.json"), "utf8"));
const lock = () => JSON.parse(readFileSync(join(config, "stateful.lock.json"), "utf8"));
const editHealth = (change: (doc: ReturnType<typeof parseDocument>) => void) => {
  const path = join(config, "departments", "health.yaml");
  const document = parseDocument(readFileSync(path, "utf8"));
  change(document);
  writeFileSync(path, document.toString());
};

describe("retiring stateful services", () => {
  synth();
  const before = lock();
  const dbEntry = before.entries.find((e: { key: string }) => e.key === "health/prod/db");
  const dbResources: string[] = dbEntry.resources;

  it("records every stateful object and the namespace holding it in the lock", () => {
    expect(dbEntry).toEqual({
      key: "health/prod/db",
      kind: "service",
      template: "postgres",
      stack: "dept-health",
      // The backup claim, the data claim of each of the two replicas, the StatefulSet.
      resources: [
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.tenant_prod_svc-db_backup_volume_/),
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.tenant_prod_svc-db_data-claim-0_/),
        expect.stringMatching(/^kubernetes_persistent_volume_claim_v1\.tenant_prod_svc-db_data-claim-1_/),
        expect.stringMatching(/^kubernetes_stateful_set_v1\./),
      ],
      // Each one's replacement fields, for a synthesis without the previous output.
      fields: Object.fromEntries(dbEntry.resources.map((address: string) => [address, expect.objectContaining({ "metadata.name": expect.any(String) })])),
    });
    expect(before.entries.map((e: { key: string; kind: string }) => `${e.kind} ${e.key}`)).toEqual([
      "namespace health/prod",
      "service health/prod/db",
      "namespace insurance/prod",
      "service insurance/prod/db",
    ]);
  });

  it("marks stateful objects and the namespaces holding them prevent_destroy", () => {
    const health = stack("dept-health");
    for (const address of dbResources) {
      const [type, name] = address.split(".");
      expect({ address, preventDestroy: health.resource[type][name].lifecycle?.prevent_destroy }).toEqual({ address, preventDestroy: true });
    }
    const namespaces = Object.values(health.resource.kubernetes_namespace_v1) as Array<{ metadata: { name: string }; lifecycle?: unknown }>;
    expect(namespaces.map((n) => [n.metadata.name, n.lifecycle ?? null])).toEqual([
      ["health-dev", null],
      ["health-prod", { prevent_destroy: true }],
    ]);
  });

  it("refuses a database that simply disappears, naming it and how to retire it", () => {
    editHealth((d) => {
      d.deleteIn(["environments", 1, "services", 2]);
      d.setIn(["environments", 1, "services", 1, "connectsTo"], []);
    });
    const { model, problems } = readPlatform(config, project, { today: TODAY });
    expect(model).toBeUndefined();
    expect(problems.map(formatProblem)).toEqual([
      'config/stateful.lock.json:17:5 entries[1]: stateful service "health/prod/db" (postgres) is no longer declared; removing it would destroy its data. To let it go, keep it in departments/health.yaml with retired: true on service "db" of environment "prod" (or on the environment or the department): Terraform then forgets it and the data stays. To keep it, restore its declaration',
    ]);
  });

  it("forgets a retired database through removed blocks, and keeps rendering them while it stays retired", () => {
    editHealth((d) =>
      d.addIn(["environments", 1, "services"], {
        name: "db",
        template: "postgres",
        image: "harbor.example.gov.cn/base/postgres:15.8@sha256:94a6cc68008f94a9581ebd807b71c074e04ae0cef45c7cae8afa7f690f14292e",
        port: 5432,
        dataClass: "sensitive-personal",
        storage: "100Gi",
        retired: true,
      }),
    );
    synth();
    const health = stack("dept-health");
    expect(health.removed).toEqual(dbResources.map((from) => ({ from, lifecycle: { destroy: false } })));
    const statefulSets = Object.values(health.resource.kubernetes_stateful_set_v1 ?? {}) as Array<{ metadata: { name: string } }>;
    expect(statefulSets.map((s) => s.metadata.name)).toEqual([]);
    expect(lock().entries.find((e: { key: string }) => e.key === "health/prod/db")).toEqual({ ...dbEntry, retired: true });
    synth();
    expect(stack("dept-health").removed).toEqual(health.removed);
  });

  it("lets a retired database go once its declaration is removed", () => {
    editHealth((d) => d.deleteIn(["environments", 1, "services", 2]));
    synth();
    expect(stack("dept-health").removed).toBeUndefined();
    expect(lock().entries.map((e: { key: string }) => e.key)).toEqual(["insurance/prod", "insurance/prod/db"]);
  });

  it("retires a whole department: its namespaces and every object in them are forgotten, not destroyed", () => {
    const recorded = Object.values(lock().stacks["dept-insurance"] as Record<string, Record<string, string[]>>).flatMap((namespaces) => Object.values(namespaces).flat());
    const path = join(config, "departments", "insurance.yaml");
    const insurance = parseDocument(readFileSync(path, "utf8"));
    insurance.set("retired", true);
    insurance.delete("sharing");
    writeFileSync(path, insurance.toString());
    editHealth((d) => d.delete("sharing"));
    synth();
    const retired = stack("dept-insurance");
    expect(retired.resource?.kubernetes_namespace_v1).toBeUndefined();
    expect(retired.removed).toEqual(
      recorded.sort().map((from: string) => ({ from, lifecycle: { destroy: false } })),
    );
  });
});
