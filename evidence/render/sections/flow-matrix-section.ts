import type { ClusterFlowReport } from "../../../audit/flows";
import type { EvidencePack } from "../../evidence-pack";
import type { Cell, ReportBlock, ReportSection } from "../report-document";
import { passLabel } from "../report-labels";

/**
 * Zone to zone, per cluster: what the artifact allows (effective) against what the declaration
 * intends. A cell shows the ports once when both agree, both sides when they do not.
 */
export function flowMatrixSection(pack: EvidencePack): ReportSection {
  return {
    id: "flow-matrix",
    title: "区域间流量矩阵 Zone-to-zone flow matrix",
    blocks: [
      {
        kind: "paragraph",
        text: "行为源区域，列为目的区域。Rows are sources, columns destinations. A cell shows the effective ports where they equal the intended ones, and both (effective ≠ intended, highlighted) where they disagree.",
      },
      ...pack.audit.flows.clusters.flatMap((c) => clusterBlocks(pack, c)),
    ],
  };
}

function clusterBlocks(pack: EvidencePack, report: ClusterFlowReport): ReportBlock[] {
  const cluster = pack.overview.clusters.find((o) => o.name === report.cluster);
  const { zones, cells } = report.matrix;
  const disagreements = cells.filter((c) => !c.agrees).length;
  const verdict = passLabel(report.differences.length === 0);
  const cellAt = (from: string, to: string): Cell => {
    const cell = cells.find((c) => c.from === from && c.to === to);
    if (!cell) return { text: "·", tone: "muted" };
    if (cell.agrees) return { text: cell.effective, code: true };
    return { text: `effective ${cell.effective} ≠ intended ${cell.intended}`, code: true, tone: "bad" };
  };
  return [
    { kind: "heading", text: cluster ? `${cluster.displayName} (${report.cluster})` : report.cluster },
    {
      kind: "figures",
      items: [
        { label: "工作负载 workloads", value: String(report.workloads) },
        { label: "有效连接 effective connections", value: String(report.effectiveConnections) },
        { label: "声明的流量 intended flows", value: String(report.intendedFlows) },
        { label: "不一致 differences", value: String(report.differences.length), tone: report.differences.length === 0 ? "ok" : "bad" },
        { label: "矩阵不一致 matrix disagreements", value: String(disagreements), tone: disagreements === 0 ? "ok" : "bad" },
        { label: "连通性证明 proof", value: verdict.label, tone: verdict.tone },
      ],
    },
    {
      kind: "table",
      id: `flow-matrix-${report.cluster}`,
      filter: false,
      columns: ["源 \\ 目的 from \\ to", ...zones],
      rows: zones.map((from) => ({ cells: [{ text: from, code: true }, ...zones.map((to) => cellAt(from, to))] })),
      empty: "无区域间流量 No zone-to-zone flows.",
    },
    ...(report.differences.length === 0
      ? []
      : [
          {
            kind: "table" as const,
            id: `flow-differences-${report.cluster}`,
            filter: report.differences.length > 10,
            columns: ["类型 kind", "源 source", "目的 destination", "端口 ports", "原因 detail"],
            rows: report.differences.map((d) => ({
              tone: "bad" as const,
              cells: [d.kind === "unintended" ? "未声明却放行 unintended" : "声明却未放行 missing", { text: d.src, code: true }, { text: d.dst, code: true }, { text: d.ports, code: true }, d.detail],
            })),
          },
        ]),
  ];
}
