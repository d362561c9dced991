import { formatBytes, formatCores, formatPercent } from "./format-quantity";
import type { ClusterAllocation, Footprint, Ledger, LocalizationRate } from "./ledger";
import { renderTable } from "./text-table";

/**
 * The ledger for the terminal: four compact tables (clusters, showback, infrastructure avoided,
 * localization) separated by blank lines, no trailing newline. Deterministic: the same ledger
 * always gives the same bytes.
 */
export function formatLedger(ledger: Ledger): string {
  return [
    [`Consolidation ledger: ${ledger.platform.name} (${ledger.platform.displayName})`],
    clusterTable(ledger),
    showbackTable(ledger),
    infrastructureTable(ledger),
    localizationTable(ledger),
  ]
    .map((lines) => lines.join("\n"))
    .join("\n\n");
}

function clusterTable(ledger: Ledger): string[] {
  const { cpu, memory } = ledger.overcommit;
  const rows = ledger.clusters.flatMap((c) => [
    [c.cluster, "cpu", ...amountCells(c, "cpuMillis", formatCores), formatPercent(c.utilisation.cpu), formatCores(c.headroom.cpuMillis)],
    ["", "memory", ...amountCells(c, "memoryBytes", formatBytes), formatPercent(c.utilisation.memory), formatBytes(c.headroom.memoryBytes)],
    ["", "storage", ...amountCells(c, "storageBytes", formatBytes), formatPercent(c.utilisation.storage), formatBytes(c.headroom.storageBytes)],
  ]);
  return [
    `Allocated quota against capacity, per cluster (cpu in cores; overcommit cpu ×${cpu}, memory ×${memory}, storage never)`,
    ...renderTable(
      [
        { title: "cluster", align: "left" },
        { title: "resource", align: "left" },
        { title: "capacity", align: "right" },
        { title: "× overcommit", align: "right" },
        { title: "allocated", align: "right" },
        { title: "used", align: "right" },
        { title: "headroom", align: "right" },
      ],
      rows,
    ),
    ...ledger.clusters.map((c) => `  ${c.cluster}: ${c.provisioning}`),
  ];
}

function amountCells(c: ClusterAllocation, field: "cpuMillis" | "memoryBytes" | "storageBytes", format: (n: number) => string): string[] {
  return [format(c.capacity[field]), format(c.schedulable[field]), format(c.allocated[field])];
}

function showbackTable(ledger: Ledger): string[] {
  const rows = ledger.departments.map((d) => [d.department, ...showbackCells(d), d.displayName === d.department ? "" : d.displayName]);
  const all = ledger.allocated;
  const whole = ledger.departments.length > 0 ? formatPercent(1) : formatPercent(0);
  rows.push(["all", formatCores(all.cpuMillis), whole, formatBytes(all.memoryBytes), whole, formatBytes(all.storageBytes), whole, "", ""]);
  return [
    "Showback, per department (quota as applied; share of all allocated quota)",
    ...renderTable(
      [
        { title: "department", align: "left" },
        { title: "cpu", align: "right" },
        { title: "share", align: "right" },
        { title: "memory", align: "right" },
        { title: "share", align: "right" },
        { title: "storage", align: "right" },
        { title: "share", align: "right" },
        { title: "environments", align: "left" },
        { title: "", align: "left" },
      ],
      rows,
    ),
  ];
}

function infrastructureTable(ledger: Ledger): string[] {
  const { standalone, shared, avoided, departments, clusters, parameters, standaloneWorkers } = ledger.infrastructure;
  const row = (title: string, field: keyof Footprint, format: (n: number) => string = String) => [
    title,
    format(standalone[field]),
    format(shared[field]),
    format(avoided[field]),
  ];
  const value = (name: string) => String(parameters.find((p) => p.name === name)?.value ?? "");
  const forQuota = standaloneWorkers.reduce((n, w) => n + w.forQuota, 0);
  return [
    `Infrastructure avoided: ${departments} departments on ${clusters} shared clusters instead of ${departments} standalone clusters`,
    ...renderTable(
      [
        { title: "", align: "left" },
        { title: "standalone", align: "right" },
        { title: "shared", align: "right" },
        { title: "avoided", align: "right" },
      ],
      [
        row("control plane nodes", "controlPlaneNodes"),
        row("gateway nodes", "gatewayNodes"),
        row("monitoring nodes", "monitoringNodes"),
        row("worker nodes", "workerNodes"),
        row("all nodes", "nodes"),
        row("cpu (cores)", "cpuMillis", formatCores),
        row("memory", "memoryBytes", formatBytes),
      ],
    ),
    `Standalone workers: the quotas at the platform's overcommit need ${forQuota} nodes of ${value("nodeCpu")} cores, ${value("nodeMemory")}; at least ${value("minimumWorkerNodesPerCluster")} per cluster makes ${standalone.workerNodes}.`,
    `Shared workers: the declared node pools, ${formatCores(shared.workerCpuMillis)} cores and ${formatBytes(shared.workerMemoryBytes)} for ${formatCores(ledger.allocated.cpuMillis)} cores and ${formatBytes(ledger.allocated.memoryBytes)} of quota.`,
    "Overhead (control plane, gateway, monitoring) nodes on both sides are of the standalone node size.",
    ...renderTable(
      [
        { title: "parameter (platform.yaml ledger)", align: "left" },
        { title: "value", align: "right" },
        { title: "default", align: "right" },
      ],
      parameters.map((p) => [p.name, String(p.value), String(p.default)]),
    ),
  ];
}

function localizationTable(ledger: Ledger): string[] {
  const row = (r: LocalizationRate) => [
    r.scope,
    `${r.localizedNodes}/${r.nodes}`,
    formatPercent(r.nodeRate),
    `${formatCores(r.localizedCpuMillis)}/${formatCores(r.cpuMillis)}`,
    formatPercent(r.cpuRate),
  ];
  return [
    "Localization rate: node capacity on localized pools (domestic CPU and OS)",
    ...renderTable(
      [
        { title: "cluster", align: "left" },
        { title: "nodes", align: "right" },
        { title: "rate", align: "right" },
        { title: "cpu (cores)", align: "right" },
        { title: "rate", align: "right" },
      ],
      [...ledger.localization.clusters.map(row), row(ledger.localization.overall)],
    ),
  ];
}

/** One department's showback figures: cpu, share, memory, share, storage, share, environments. */
export function showbackCells(d: Ledger["departments"][number]): string[] {
  return [
    formatCores(d.allocated.cpuMillis),
    formatPercent(d.share.cpu),
    formatBytes(d.allocated.memoryBytes),
    formatPercent(d.share.memory),
    formatBytes(d.allocated.storageBytes),
    formatPercent(d.share.storage),
    [...new Set(d.environments.map((e) => e.environment))].join(", "),
  ];
}
