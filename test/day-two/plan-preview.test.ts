import { DayTwoProject } from "./day-two-project";
import { changeReplicasImagesAndDataClass, setProdDatabaseStorage } from "./day-two-scenarios";
import { readTree } from "../artifact/example-project";

/**
 * The plan preview (`govcloud diff`, and the synthesis gate) on a copy of the bundled example:
 * what Terraform will do, in its own words, and every loss of data refused before it runs.
 */
const FILE = "departments/natural-resources.yaml";
const project = new DayTwoProject();
const service = (name: string) => ["services", project.indexOf(FILE, ["services"], name)];
const setStorage = (size: string) => setProdDatabaseStorage(project, size);

describe("growing and shrinking a database's storage", () => {
  it("shows nothing to do before any change", () => {
    expect(project.preview()).toEqual({ text: "16 stacks without changes.\nTotal: 0 to add, 0 to change, 0 to destroy.\n", refusals: [] });
  });

  it("grows the data claims in place, and leaves the StatefulSet alone", () => {
    setStorage("600Gi");
    expect(project.preview()).toEqual({
      text: [
        "dept-natural-resources:",
        "  ~ kubernetes_persistent_volume_claim_v1.tenant_prod_svc-db_data-claim-0_6D67D288 will be updated in-place [holds data]",
        '      spec.resources.requests.storage: "500Gi" -> "600Gi"',
        "  ~ kubernetes_persistent_volume_claim_v1.tenant_prod_svc-db_data-claim-1_E032EC2C will be updated in-place [holds data]",
        '      spec.resources.requests.storage: "500Gi" -> "600Gi"',
        "  Plan: 0 to add, 2 to change, 0 to destroy.",
        "",
        "15 stacks without changes.",
        "Total: 0 to add, 2 to change, 0 to destroy.",
        "",
      ].join("\n"),
      refusals: [],
    });
  });

  it("refuses shrinking, at synthesis too, and writes nothing", () => {
    setStorage("400Gi");
    const refusal = (ordinal: number, hash: string) =>
      `dept-natural-resources: kubernetes_persistent_volume_claim_v1.tenant_prod_svc-db_data-claim-${ordinal}_${hash} would be replaced: spec.resources.requests.storage "500Gi" -> "400Gi" forces replacement, and replacing it deletes its data. A volume never shrinks: keep storage at "500Gi", or move the data to a new, smaller service (declare it, restore from backup, retire this one)`;
    const expected = [refusal(0, "6D67D288"), refusal(1, "E032EC2C")];
    const preview = project.preview();
    expect(preview.refusals).toEqual(expected);
    expect(preview.text).toContain(
      "  -/+ kubernetes_persistent_volume_claim_v1.tenant_prod_svc-db_data-claim-0_6D67D288 must be replaced (spec.resources.requests.storage forces replacement) [holds data]\n",
    );
    const before = { out: readTree(project.outdir), lock: project.lockText() };
    expect(project.synth().problems).toEqual(expected);
    expect({ out: readTree(project.outdir), lock: project.lockText() }).toEqual(before);
    setStorage("500Gi");
  });
});

describe("ordinary changes", () => {
  it("changes replicas, images and a data class in place; claims carry no label that changes", () => {
    changeReplicasImagesAndDataClass(project);
    const { text, refusals } = project.preview();
    expect(refusals).toEqual([]);
    const lines = text.split("\n");
    const marked = lines.filter((l) => /^ {2}\S/.test(l) && !l.startsWith("  Plan:"));
    expect(marked.every((l) => l.startsWith("  ~ "))).toBe(true);
    expect(marked.some((l) => /kubernetes_persistent_volume_claim_v1\.tenant_prod_svc-db_data-claim/.test(l))).toBe(false);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^ {2}~ kubernetes_deployment_v1\.tenant_prod_svc-land-api_deployment_[0-9A-F]{8} will be updated in-place$/),
      '      spec.replicas: "2" -> "3"',
      '      spec.template.spec.container[0].image: "harbor.jiangnan.gov.cn/natural-resources/land-api:1.9.3" -> "harbor.jiangnan.gov.cn/natural-resources/land-api:1.9.4"',
      expect.stringMatching(/^ {2}~ kubernetes_stateful_set_v1\.tenant_prod_svc-db_stateful-set_[0-9A-F]{8} will be updated in-place \[holds data\]$/),
      '      metadata.labels["govcloud/data-class"]: "internal" -> "public"',
    ]));
    expect(lines[lines.length - 2]).toMatch(/^Total: 0 to add, \d+ to change, 0 to destroy\.$/);
  });
});

describe("renaming a stateful service without retiring it", () => {
  it("is refused, naming the database and how to retire it", () => {
    project.edit(FILE, (d) => d.setIn([...service("db"), "name"], "land-db"));
    project.edit(FILE, (d) => {
      for (const name of ["land-api", "tile-worker"]) d.setIn([...service(name), "connectsTo"], ["land-db"]);
    });
    expect(project.synth().problems).toContain(
      'config/stateful.lock.json:' + lockLine(project.lockText(), "natural-resources/prod/db") + ' entries[' + entryIndex(project.lockText(), "natural-resources/prod/db") + ']: stateful service "natural-resources/prod/db" (postgres) is no longer declared; removing it would destroy its data. To let it go, keep it in departments/natural-resources.yaml with retired: true on service "db" of environment "prod" (or on the environment or the department): Terraform then forgets it and the data stays. To keep it, restore its declaration',
    );
  });
});

/** `line:column` of the lock entry with `key` (the entry's opening brace). */
function lockLine(text: string, key: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes(`"key": "${key}"`));
  return `${at}:5`;
}

function entryIndex(text: string, key: string): number {
  return (JSON.parse(text) as { entries: Array<{ key: string }> }).entries.findIndex((e) => e.key === key);
}
