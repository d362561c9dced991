import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { synthesizePlatform } from "../../../artifact/synthesize-platform";
import { readArtifact, type ArtifactStack } from "../../../audit/export";
import { readPlatformOrThrow } from "../../../config/read-platform";
import { computeLedger, DEFAULT_LEDGER_PARAMETERS, formatLedger, readLedgerParameters, type Ledger } from "../../../evidence/ledger";
import { materialize, TODAY } from "../../config/declaration-fixtures";

/**
 * The ledger of the small fixture platform, every number worked out by hand from
 * test/fixtures/declarations/base. One change to the copy: the `general` pool of cluster
 * `shared` is declared not localized, so the localization rate is not trivially 100 %.
 */
const project = materialize();
const config = join(project, "config");
const platformFile = join(config, "platform.yaml");
const platform = parseDocument(readFileSync(platformFile, "utf8"));
platform.setIn(["clusters", 0, "nodePools", 0, "localized"], false);
writeFileSync(platformFile, platform.toString());
const model = readPlatformOrThrow(config, { today: TODAY });
synthesizePlatform(model, { outdir: join(project, "cdktf.out"), projectRoot: project, configDir: config });
const stacks = readArtifact(join(project, "cdktf.out"));
const ledger: Ledger = computeLedger(model, stacks, readLedgerParameters(config));

const cores = (n: number) => n * 1000;
const Gi = (n: number) => n * 2 ** 30;
const Ti = (n: number) => n * 2 ** 40;

describe("the ledger of the fixture platform", () => {
  it("places the artifact's quotas against each cluster's capacity × overcommit (cpu 2, memory 1)", () => {
    expect(ledger.overcommit).toEqual({ cpu: 2, memory: 1 });
    expect(ledger.clusters).toEqual([
      {
        // public-security/prod: 8 cores, 16Gi, 200Gi.
        cluster: "secure-l4",
        displayName: "secure-l4",
        capacity: { cpuMillis: cores(32), memoryBytes: Gi(128), storageBytes: Ti(2) },
        // 32 × 2 = 64 cores; 128Gi × 1; storage is never overcommitted.
        schedulable: { cpuMillis: cores(64), memoryBytes: Gi(128), storageBytes: Ti(2) },
        allocated: { cpuMillis: cores(8), memoryBytes: Gi(16), storageBytes: Gi(200) },
        // 8/64, 16/128, 200/2048.
        utilisation: { cpu: 0.125, memory: 0.125, storage: 200 / 2048 },
        headroom: { cpuMillis: cores(56), memoryBytes: Gi(112), storageBytes: Gi(1848) },
        namespaces: 1,
        provisioning: "registered",
      },
      {
        // health/dev 4, 8Gi, 50Gi + health/prod 16, 32Gi, 500Gi + insurance/prod 8, 16Gi, 200Gi.
        cluster: "shared",
        displayName: "shared",
        capacity: { cpuMillis: cores(64), memoryBytes: Gi(256), storageBytes: Ti(10) },
        schedulable: { cpuMillis: cores(128), memoryBytes: Gi(256), storageBytes: Ti(10) },
        allocated: { cpuMillis: cores(28), memoryBytes: Gi(56), storageBytes: Gi(750) },
        // 28/128, 56/256, 750/10240.
        utilisation: { cpu: 28 / 128, memory: 56 / 256, storage: 750 / 10240 },
        headroom: { cpuMillis: cores(100), memoryBytes: Gi(200), storageBytes: Gi(9490) },
        namespaces: 3,
        provisioning: "registered",
      },
    ]);
  });

  it("shows back each department's quota and its share of the 36 cores, 72Gi and 950Gi allocated", () => {
    expect(ledger.allocated).toEqual({ cpuMillis: cores(36), memoryBytes: Gi(72), storageBytes: Gi(950) });
    expect(ledger.departments.map((d) => [d.department, d.displayName, d.allocated, d.share])).toEqual([
      ["health", "测试省卫生健康委员会", { cpuMillis: cores(20), memoryBytes: Gi(40), storageBytes: Gi(550) }, { cpu: 20 / 36, memory: 40 / 72, storage: 550 / 950 }],
      ["insurance", "测试省医疗保障局", { cpuMillis: cores(8), memoryBytes: Gi(16), storageBytes: Gi(200) }, { cpu: 8 / 36, memory: 16 / 72, storage: 200 / 950 }],
      ["public-security", "测试省公安厅", { cpuMillis: cores(8), memoryBytes: Gi(16), storageBytes: Gi(200) }, { cpu: 8 / 36, memory: 16 / 72, storage: 200 / 950 }],
    ]);
    expect(ledger.departments[0].environments).toEqual([
      { environment: "dev", cluster: "shared", namespace: "health-dev", allocated: { cpuMillis: cores(4), memoryBytes: Gi(8), storageBytes: Gi(50) } },
      { environment: "prod", cluster: "shared", namespace: "health-prod", allocated: { cpuMillis: cores(16), memoryBytes: Gi(32), storageBytes: Gi(500) } },
    ]);
  });

  it("compares three standalone clusters with the two shared ones, with the fixture's parameters", () => {
    const { infrastructure } = ledger;
    expect(infrastructure.parameters.map((p) => [p.name, p.value, p.default])).toEqual([
      ["controlPlaneNodesPerCluster", 3, 3],
      ["gatewayNodesPerCluster", 1, 2],
      ["monitoringNodesPerCluster", 1, 2],
      ["minimumWorkerNodesPerCluster", 2, 3],
      ["nodeCpu", 8, 16],
      ["nodeMemory", "32Gi", "64Gi"],
    ]);
    expect(infrastructure.parameters.every((p) => p.description.length > 20)).toBe(true);
    // A standalone node takes 8 cores × overcommit 2 = 16 cores and 32Gi × 1 of quota.
    // health: ⌈20/16⌉ = 2, ⌈40Gi/32Gi⌉ = 2; insurance and public-security: ⌈8/16⌉ = ⌈16/32⌉ = 1, raised to the minimum 2.
    expect(infrastructure.standaloneWorkers).toEqual([
      { department: "health", forQuota: 2, nodes: 2 },
      { department: "insurance", forQuota: 1, nodes: 2 },
      { department: "public-security", forQuota: 1, nodes: 2 },
    ]);
    expect(infrastructure.departments).toBe(3);
    expect(infrastructure.clusters).toBe(2);
    // 3 clusters × (3 + 1 + 1) overhead + 6 workers = 21 nodes of 8 cores, 32Gi.
    expect(infrastructure.standalone).toEqual({
      controlPlaneNodes: 9,
      gatewayNodes: 3,
      monitoringNodes: 3,
      workerNodes: 6,
      nodes: 21,
      cpuMillis: cores(21 * 8),
      memoryBytes: Gi(21 * 32),
      workerCpuMillis: cores(6 * 8),
      workerMemoryBytes: Gi(6 * 32),
    });
    // 2 clusters × 5 overhead nodes of 8 cores, 32Gi; pools 4 × (16, 64Gi) + 3 × (32, 128Gi) + 2 × (16, 64Gi).
    expect(infrastructure.shared).toEqual({
      controlPlaneNodes: 6,
      gatewayNodes: 2,
      monitoringNodes: 2,
      workerNodes: 9,
      nodes: 19,
      cpuMillis: cores(10 * 8 + 64 + 96 + 32),
      memoryBytes: Gi(10 * 32 + 256 + 384 + 128),
      workerCpuMillis: cores(192),
      workerMemoryBytes: Gi(768),
    });
    expect(infrastructure.avoided).toEqual({
      controlPlaneNodes: 3,
      gatewayNodes: 1,
      monitoringNodes: 1,
      workerNodes: -3,
      nodes: 2,
      cpuMillis: cores(168 - 272),
      memoryBytes: Gi(672 - 1088),
      workerCpuMillis: cores(48 - 192),
      workerMemoryBytes: Gi(192 - 768),
    });
  });

  it("counts the share of nodes and node CPU on localized pools", () => {
    // shared: general 4 × 16 cores not localized, level3 3 × 32 localized → 3/7 nodes, 96/160 cores.
    // secure-l4: level4 2 × 16 localized. All: 5/9 nodes, 128/192 cores.
    expect(ledger.localization).toEqual({
      clusters: [
        { scope: "secure-l4", nodes: 2, localizedNodes: 2, cpuMillis: cores(32), localizedCpuMillis: cores(32), nodeRate: 1, cpuRate: 1 },
        { scope: "shared", nodes: 7, localizedNodes: 3, cpuMillis: cores(160), localizedCpuMillis: cores(96), nodeRate: 3 / 7, cpuRate: 0.6 },
      ],
      overall: { scope: "all", nodes: 9, localizedNodes: 5, cpuMillis: cores(192), localizedCpuMillis: cores(128), nodeRate: 5 / 9, cpuRate: 128 / 192 },
    });
  });

  it("survives a JSON round trip unchanged: plain data for the evidence pack", () => {
    expect(JSON.parse(JSON.stringify(ledger))).toEqual(ledger);
  });

  it("prints compact tables for the terminal", () => {
    expect(formatLedger(ledger)).toBe(
      [
        "Consolidation ledger: fixture (测试省政务云)",
        "",
        "Allocated quota against capacity, per cluster (cpu in cores; overcommit cpu ×2, memory ×1, storage never)",
        "cluster    resource  capacity  × overcommit  allocated   used  headroom",
        "secure-l4  cpu             32            64          8  12.5%        56",
        "           memory       128Gi         128Gi       16Gi  12.5%     112Gi",
        "           storage        2Ti           2Ti      200Gi   9.8%    1848Gi",
        "shared     cpu             64           128         28  21.9%       100",
        "           memory       256Gi         256Gi       56Gi  21.9%     200Gi",
        "           storage       10Ti          10Ti      750Gi   7.3%    9490Gi",
        "  secure-l4: registered",
        "  shared: registered",
        "",
        "Showback, per department (quota as applied; share of all allocated quota)",
        "department       cpu   share  memory   share  storage   share  environments",
        "health            20   55.6%    40Gi   55.6%    550Gi   57.9%  dev, prod     测试省卫生健康委员会",
        "insurance          8   22.2%    16Gi   22.2%    200Gi   21.1%  prod          测试省医疗保障局",
        "public-security    8   22.2%    16Gi   22.2%    200Gi   21.1%  prod          测试省公安厅",
        "all               36  100.0%    72Gi  100.0%    950Gi  100.0%",
        "",
        "Infrastructure avoided: 3 departments on 2 shared clusters instead of 3 standalone clusters",
        "                     standalone  shared  avoided",
        "control plane nodes           9       6        3",
        "gateway nodes                 3       2        1",
        "monitoring nodes              3       2        1",
        "worker nodes                  6       9       -3",
        "all nodes                    21      19        2",
        "cpu (cores)                 168     272     -104",
        "memory                    672Gi  1088Gi   -416Gi",
        "Standalone workers: the quotas at the platform's overcommit need 4 nodes of 8 cores, 32Gi; at least 2 per cluster makes 6.",
        "Shared workers: the declared node pools, 192 cores and 768Gi for 36 cores and 72Gi of quota.",
        "Overhead (control plane, gateway, monitoring) nodes on both sides are of the standalone node size.",
        "parameter (platform.yaml ledger)  value  default",
        "controlPlaneNodesPerCluster           3        3",
        "gatewayNodesPerCluster                1        2",
        "monitoringNodesPerCluster             1        2",
        "minimumWorkerNodesPerCluster          2        3",
        "nodeCpu                               8       16",
        "nodeMemory                         32Gi     64Gi",
        "",
        "Localization rate: node capacity on localized pools (domestic CPU and OS)",
        "cluster    nodes    rate  cpu (cores)    rate",
        "secure-l4    2/2  100.0%        32/32  100.0%",
        "shared       3/7   42.9%       96/160   60.0%",
        "all          5/9   55.6%      128/192   66.7%",
      ].join("\n"),
    );
  });
});

describe("ledger parameters and unreadable artifacts", () => {
  it("applies the documented defaults when platform.yaml has no ledger section", () => {
    const bare = materialize();
    const file = join(bare, "config", "platform.yaml");
    const document = parseDocument(readFileSync(file, "utf8"));
    document.delete("ledger");
    writeFileSync(file, document.toString());
    expect(readLedgerParameters(join(bare, "config"))).toEqual(DEFAULT_LEDGER_PARAMETERS);
    expect(DEFAULT_LEDGER_PARAMETERS).toEqual({
      controlPlaneNodesPerCluster: 3,
      gatewayNodesPerCluster: 2,
      monitoringNodesPerCluster: 2,
      minimumWorkerNodesPerCluster: 3,
      nodeCpu: 16,
      nodeMemory: "64Gi",
    });
  });

  const withQuota = (cluster: string, hard: Record<string, string>): ArtifactStack[] => [
    {
      name: "dept-health",
      resources: [
        {
          stack: "dept-health",
          address: "kubernetes_resource_quota_v1.quota",
          cluster,
          namespaced: true,
          object: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name: "govcloud-quota", namespace: "health-dev" }, spec: { hard } },
        },
      ],
    },
  ];

  it("refuses a quota it cannot read, naming stack, address and field", () => {
    expect(() => computeLedger(model, withQuota("shared", { "requests.cpu": "4", "requests.memory": "8GB" }))).toThrow(
      'dept-health: kubernetes_resource_quota_v1.quota: spec.hard["requests.memory"]: not a quantity the ledger can read, got "8GB"',
    );
  });

  it("refuses a quota on a cluster the declaration does not know", () => {
    expect(() => computeLedger(model, withQuota("elsewhere", { "requests.cpu": "4" }))).toThrow(
      "dept-health: kubernetes_resource_quota_v1.quota: the quota of health-dev is on cluster elsewhere, which platform.yaml does not declare; was the artifact synthesized from this declaration?",
    );
  });
});
