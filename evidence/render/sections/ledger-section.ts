import { formatBytes, formatCores, formatPercent } from "../../ledger/format-quantity";
import type { Footprint, Ledger, LocalizationRate } from "../../ledger";
import { showbackCells } from "../../ledger";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection, TableRow } from "../report-document";

/**
 * The consolidation ledger for leadership: capacity against quota as applied, who uses what,
 * the infrastructure the shared platform avoids, and how much of it runs on domestic hardware.
 * Quantities are rounded the way the terminal ledger rounds them, by the same functions.
 */
export function ledgerSection(pack: EvidencePack): ReportSection {
  const ledger = pack.ledger;
  const { infrastructure: infra, localization } = ledger;
  return {
    id: "ledger",
    title: "资源整合台账 Consolidation ledger",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "已分配 CPU allocated cpu (cores)", value: formatCores(ledger.allocated.cpuMillis) },
          { label: "已分配内存 allocated memory", value: formatBytes(ledger.allocated.memoryBytes) },
          { label: "已分配存储 allocated storage", value: formatBytes(ledger.allocated.storageBytes) },
          { label: "节省节点 nodes avoided", value: String(infra.avoided.nodes), tone: infra.avoided.nodes >= 0 ? "ok" : "warn" },
          { label: "信创率 localization (cpu)", value: formatPercent(localization.overall.cpuRate) },
        ],
      },
      { kind: "heading", text: `容量与配额 Allocated quota against capacity (overcommit cpu ×${ledger.overcommit.cpu}, memory ×${ledger.overcommit.memory}, storage never)` },
      {
        kind: "table",
        id: "ledger-clusters",
        filter: false,
        columns: ["集群 cluster", "资源 resource", "容量 capacity", "可调度 × overcommit", "已分配 allocated", "使用率 used", "余量 headroom"],
        rows: ledger.clusters.flatMap((c) => {
          const row = (resource: string, key: "cpuMillis" | "memoryBytes" | "storageBytes", ratio: number, format: (n: number) => string, first: boolean): TableRow => ({
            tone: c.headroom[key] < 0 ? "bad" : undefined,
            cells: [first ? `${c.displayName} (${c.cluster})` : "", resource, format(c.capacity[key]), format(c.schedulable[key]), format(c.allocated[key]), formatPercent(ratio), format(c.headroom[key])],
          });
          return [
            row("cpu (cores)", "cpuMillis", c.utilisation.cpu, formatCores, true),
            row("memory", "memoryBytes", c.utilisation.memory, formatBytes, false),
            row("storage", "storageBytes", c.utilisation.storage, formatBytes, false),
          ];
        }),
      },
      { kind: "heading", text: "部门资源账单 Showback per department (quota as applied; share of all allocated quota)" },
      {
        kind: "table",
        id: "ledger-showback",
        filter: true,
        columns: ["部门 department", "cpu (cores)", "占比 share", "memory", "占比 share", "storage", "占比 share", "环境 environments"],
        rows: [
          ...ledger.departments.map((d) => ({
            cells: [d.displayName === d.department ? d.department : `${d.displayName} (${d.department})`, ...showbackCells(d)],
          })),
          {
            cells: ["合计 all", formatCores(ledger.allocated.cpuMillis), "", formatBytes(ledger.allocated.memoryBytes), "", formatBytes(ledger.allocated.storageBytes), "", ""],
          },
        ],
      },
      { kind: "heading", text: `节省的基础设施 Infrastructure avoided: ${infra.departments} 个部门 departments on ${infra.clusters} 个共享集群 shared clusters instead of ${infra.departments} standalone clusters` },
      {
        kind: "table",
        id: "ledger-infrastructure",
        filter: false,
        columns: ["", "独立建设 standalone", "共享平台 shared", "节省 avoided"],
        rows: [
          footprintRow(ledger, "控制面节点 control plane nodes", "controlPlaneNodes", String),
          footprintRow(ledger, "网关节点 gateway nodes", "gatewayNodes", String),
          footprintRow(ledger, "监控节点 monitoring nodes", "monitoringNodes", String),
          footprintRow(ledger, "工作节点 worker nodes", "workerNodes", String),
          footprintRow(ledger, "全部节点 all nodes", "nodes", String),
          footprintRow(ledger, "cpu (cores)", "cpuMillis", formatCores),
          footprintRow(ledger, "memory", "memoryBytes", formatBytes),
        ],
      },
      {
        kind: "paragraph",
        text: `参数 Parameters (platform.yaml ledger): ${infra.parameters.map((p) => `${p.name} ${p.value}${String(p.value) === String(p.default) ? "" : ` (default ${p.default})`}`).join(", ")}.`,
      },
      { kind: "heading", text: "信创率 Localization rate: node capacity on localized pools (domestic CPU and OS)" },
      {
        kind: "table",
        id: "ledger-localization",
        filter: false,
        columns: ["集群 cluster", "节点 nodes (localized/all)", "比例 rate", "cpu (localized/all cores)", "比例 rate"],
        rows: [...localization.clusters, localization.overall].map(localizationRow),
      },
    ],
  };
}

function footprintRow(ledger: Ledger, title: string, field: keyof Footprint, format: (n: number) => string): TableRow {
  const { standalone, shared, avoided } = ledger.infrastructure;
  return { cells: [title, format(standalone[field]), format(shared[field]), { text: format(avoided[field]), tone: avoided[field] < 0 ? "warn" : undefined }] };
}

function localizationRow(rate: LocalizationRate): TableRow {
  return {
    cells: [
      rate.scope === "all" ? "全部 all" : rate.scope,
      `${rate.localizedNodes}/${rate.nodes}`,
      formatPercent(rate.nodeRate),
      `${formatCores(rate.localizedCpuMillis)}/${formatCores(rate.cpuMillis)}`,
      formatPercent(rate.cpuRate),
    ],
  };
}
