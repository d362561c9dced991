import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";

/** Every service, where its data lives: department, data class and the level it needs, level, zone. */
export function dataClassificationSection(pack: EvidencePack): ReportSection {
  const entries = pack.dataClassification;
  const classes = [...new Set(entries.map((e) => e.dataClass))].sort();
  return {
    id: "data-classification",
    title: "数据分级登记 Data classification register",
    blocks: [
      {
        kind: "paragraph",
        text: `${entries.length} 个服务 services; 数据级别 data classes: ${classes.map((c) => `${c} ${entries.filter((e) => e.dataClass === c).length}`).join(", ") || "none"}.`,
      },
      {
        kind: "table",
        id: "data-classification",
        filter: true,
        columns: ["部门 department", "环境 environment", "服务 service", "数据级别 data class", "最低等级 minimum level", "等级 level", "区域 zone", "集群 cluster", "命名空间 namespace"],
        rows: entries.map((e) => ({
          // The rules refuse a class below its minimum; should one slip through, it shows.
          tone: e.level < e.minimumLevel ? "bad" : undefined,
          cells: [
            `${e.departmentName} (${e.department})`,
            { text: e.environment, code: true },
            { text: e.service, code: true },
            e.dataClass,
            `L${e.minimumLevel}`,
            { text: `L${e.level}`, tone: e.level < e.minimumLevel ? "bad" : undefined },
            { text: e.zone, code: true },
            { text: e.cluster, code: true },
            { text: e.namespace, code: true },
          ],
        })),
        empty: "无服务 No services.",
      },
    ],
  };
}
