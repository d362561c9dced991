import { join } from "node:path";
import { readArtifact } from "../../../audit/export";
import { computeLedger, formatLedger, readLedgerParameters } from "../../../evidence/ledger";
import { synthesizeExample } from "../../stacks/example-artifact";

/** The bundled example's ledger: consistent with its declaration wherever both state a fact. */
const example = synthesizeExample();
const stacks = readArtifact(example.outdir);
const ledger = computeLedger(example.model, stacks, readLedgerParameters(join(example.outdir, "..", "config")));
const live = example.model.departments.filter((d) => !d.retired);
const environments = live.flatMap((d) => d.environments);

describe("the bundled example's ledger", () => {
  it("splits the whole allocated quota between departments: every resource's shares sum to 100 %", () => {
    expect(ledger.departments.map((d) => d.department)).toEqual(live.filter((d) => d.environments.length > 0).map((d) => d.name));
    for (const resource of ["cpu", "memory", "storage"] as const) {
      const sum = ledger.departments.reduce((s, d) => s + d.share[resource], 0);
      expect({ resource, sum }).toEqual({ resource, sum: expect.closeTo(1, 12) });
    }
  });

  it("finds in the artifact exactly the quotas the declaration asks for, per cluster and per department", () => {
    const declared = (envs: typeof environments) => ({
      cpuMillis: envs.reduce((n, e) => n + e.quota.cpu.millis, 0),
      memoryBytes: envs.reduce((n, e) => n + e.quota.memory.bytes, 0),
      storageBytes: envs.reduce((n, e) => n + e.quota.storage.bytes, 0),
    });
    expect(ledger.allocated).toEqual(declared(environments));
    for (const cluster of ledger.clusters) {
      expect({ cluster: cluster.cluster, allocated: cluster.allocated }).toEqual({
        cluster: cluster.cluster,
        allocated: declared(environments.filter((e) => e.cluster === cluster.cluster)),
      });
      expect(cluster.utilisation.cpu).toBeLessThanOrEqual(1);
      expect(cluster.headroom.cpuMillis).toBeGreaterThanOrEqual(0);
    }
    for (const department of ledger.departments) {
      expect({ department: department.department, allocated: department.allocated }).toEqual({
        department: department.department,
        allocated: declared(environments.filter((e) => e.department === department.department)),
      });
    }
  });

  it("rates localization from the declared pools", () => {
    // shared-hz: general 8 × 64 cores (hygon/kylin, localized), general-x86 4 × 32 (intel/rocky, not),
    // level3-kunpeng 8 × 32 (localized); secure-l4: level4-phytium 3 × 64 (localized).
    // Nodes: (8 + 8 + 3) / 23 = 19/23. CPU: (512 + 256 + 192) / (512 + 128 + 256 + 192) = 960/1088.
    const { overall } = ledger.localization;
    expect([overall.localizedNodes, overall.nodes, overall.localizedCpuMillis, overall.cpuMillis]).toEqual([19, 23, 960_000, 1_088_000]);
    expect(overall.nodeRate).toBe(19 / 23);
    expect(overall.cpuRate).toBe(960 / 1088);
    for (const rate of [...ledger.localization.clusters, overall]) {
      for (const value of [rate.nodeRate, rate.cpuRate]) {
        expect(value).toBeGreaterThan(0);
        expect(value).toBeLessThanOrEqual(1);
      }
    }
  });

  it("counts one standalone cluster per department with the documented defaults the example writes out", () => {
    const { infrastructure } = ledger;
    expect(infrastructure.parameters.every((p) => p.value === p.default)).toBe(true);
    expect(infrastructure.departments).toBe(ledger.departments.length);
    // Every standalone cluster: 3 control plane, 2 gateway, 2 monitoring nodes; the shared platform has that set twice.
    expect([infrastructure.standalone.controlPlaneNodes, infrastructure.standalone.gatewayNodes, infrastructure.standalone.monitoringNodes]).toEqual([
      3 * ledger.departments.length,
      2 * ledger.departments.length,
      2 * ledger.departments.length,
    ]);
    expect(infrastructure.shared.controlPlaneNodes + infrastructure.shared.gatewayNodes + infrastructure.shared.monitoringNodes).toBe(2 * 7);
    expect(infrastructure.shared.workerNodes).toBe(23);
    expect(infrastructure.standaloneWorkers.every((w) => w.nodes >= 3 && w.nodes >= w.forQuota)).toBe(true);
  });

  it("prints a table row for every department and cluster", () => {
    const text = formatLedger(ledger);
    for (const name of [...ledger.departments.map((d) => d.department), ...ledger.clusters.map((c) => c.cluster)]) {
      expect(text).toMatch(new RegExp(`^${name} `, "m"));
    }
  });
});
