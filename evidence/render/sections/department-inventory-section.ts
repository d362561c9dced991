import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";

/** Every department, environment by environment: where it runs, its quota and its services. */
export function departmentInventorySection(pack: EvidencePack): ReportSection {
  const departments = pack.inventory;
  return {
    id: "departments",
    title: "部门清单 Department inventory",
    blocks: [
      {
        kind: "paragraph",
        text: `${departments.filter((d) => !d.retired).length} 个在用部门 live departments, ${departments.filter((d) => d.retired).length} 个已退出 retired.`,
      },
      {
        kind: "table",
        id: "departments",
        filter: true,
        columns: ["部门 department", "环境 environment", "等级 level", "集群 cluster", "命名空间 namespace", "配额 quota (cpu / memory / storage)", "服务 services (template, exposure, data class, replicas)"],
        rows: departments.flatMap((d) => {
          const name = `${d.displayName} (${d.department})${d.retired ? " 已退出 retired" : ""}`;
          if (d.environments.length === 0) return [{ tone: "muted" as const, cells: [name, "-", "", "", "", "", ""] }];
          return d.environments.map((e) => ({
            tone: d.retired ? ("muted" as const) : undefined,
            cells: [
              name,
              { text: e.name, code: true },
              `L${e.level}`,
              { text: e.cluster, code: true },
              { text: e.namespace, code: true },
              { text: `${e.quota.cpu} / ${e.quota.memory} / ${e.quota.storage}`, code: true },
              { lines: e.services.map((s) => `${s.name} (${s.template}, ${s.exposure}, ${s.dataClass}, ×${s.replicas})`) },
            ],
          }));
        }),
        empty: "无部门 No departments.",
      },
    ],
  };
}
