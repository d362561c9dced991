import type { Level } from "../../../config/schema/common";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { levelLabel } from "../report-labels";

/** What the platform is: its size, clusters with node pools, the external networks it knows. */
export function overviewSection(pack: EvidencePack): ReportSection {
  const o = pack.overview;
  const levels = (levels: readonly Level[]) => levels.map((l) => `L${l}`).join(", ");
  const byLevel = Object.keys(o.environmentsByLevel)
    .sort()
    .map((level) => `${levelLabel(Number(level) as Level)}: ${o.environmentsByLevel[level]}`);
  return {
    id: "overview",
    title: "平台概况 Platform overview",
    blocks: [
      { kind: "paragraph", text: `${o.displayName} (${o.name}), 运营单位 operated by ${o.operator}.` },
      {
        kind: "figures",
        items: [
          { label: "部门 departments", value: String(o.departments) },
          { label: "环境 environments", value: String(o.environments) },
          { label: "服务 services", value: String(o.services) },
          { label: "集群 clusters", value: String(o.clusters.length) },
          { label: "日志留存 log retention", value: `${o.logRetentionDays} 天 days`, tone: o.logRetentionDays >= 180 ? "ok" : "bad" },
        ],
      },
      { kind: "paragraph", text: `各等级环境数 Environments per level: ${byLevel.join("; ") || "none"}.` },
      { kind: "heading", text: "集群与节点池 Clusters and node pools" },
      {
        kind: "table",
        id: "overview-clusters",
        filter: false,
        columns: ["集群 cluster", "可承载等级 levels", "网关地址 gateway addresses", "节点池 node pool", "等级 levels", "架构 arch", "CPU", "操作系统 OS", "信创 localized", "节点 nodes", "专用 dedicated"],
        rows: o.clusters.flatMap((c) =>
          (c.nodePools.length > 0 ? c.nodePools : [undefined]).map((p, i) => ({
            cells: [
              i === 0 ? `${c.displayName} (${c.name})` : "",
              i === 0 ? levels(c.levels) : "",
              i === 0 ? { text: c.gatewayAddresses ?? "-", code: true } : "",
              p ? { text: p.name, code: true } : "-",
              p ? levels(p.levels) : "",
              p?.arch ?? "",
              p?.cpuVendor ?? "",
              p?.os ?? "",
              p ? (p.localized ? "是 yes" : "否 no") : "",
              p ? String(p.nodes) : "",
              p ? (p.dedicated ? "是 yes (tainted)" : "否 no") : "",
            ],
          })),
        ),
      },
      { kind: "heading", text: "外部网络 External networks" },
      {
        kind: "table",
        id: "overview-networks",
        filter: false,
        columns: ["网络 network", "地址 CIDRs", "可访问的等级 levels that may reach it"],
        rows: o.externalNetworks.map((n) => ({ cells: [`${n.displayName} (${n.name})`, { lines: n.cidrs, code: true }, levels(n.levels) || "-"] })),
        empty: "未声明外部网络 No external networks declared.",
      },
      { kind: "paragraph", text: `允许的镜像仓库 Allowed image registries: ${o.registries.join(", ") || "none"}.` },
    ],
  };
}
