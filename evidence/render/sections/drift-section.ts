import type { DriftFinding, DriftReport } from "../../../audit/live/drift/find-drift";
import type { ReportSection } from "../report-document";

const KIND_LABELS: Readonly<Record<DriftFinding["kind"], string>> = {
  "present-not-declared": "存在但未声明 present, not declared",
  "declared-missing": "已声明但缺失 declared, missing",
  "declared-different": "已声明但不同 declared, different",
  "expired-sharing": "协议已过期，策略仍在 expired agreement, policy present",
};

/**
 * Only in a pack from a live snapshot: how the clusters differ from the artifact, what weakens
 * isolation first, with counts per department and zone in the manner of `govcloud diff`.
 */
export function driftSection(drift: DriftReport): ReportSection {
  const weakening = drift.findings.filter((f) => f.weakensIsolation).length;
  const groups = new Map<string, { weakening: number; harmless: number; kinds: Map<string, number> }>();
  for (const f of drift.findings) {
    const key = `${f.department} · ${f.zone}`;
    const group = groups.get(key) ?? { weakening: 0, harmless: 0, kinds: new Map() };
    if (f.weakensIsolation) group.weakening++;
    else group.harmless++;
    group.kinds.set(f.kind, (group.kinds.get(f.kind) ?? 0) + 1);
    groups.set(key, group);
  }
  const ordered = [...drift.findings].sort((a, b) => Number(b.weakensIsolation) - Number(a.weakensIsolation));
  return {
    id: "drift",
    title: "运行态偏差 Drift against the artifact",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "偏差 differences", value: String(drift.findings.length), tone: drift.findings.length === 0 ? "ok" : "warn" },
          { label: "削弱隔离 weaken isolation", value: String(weakening), tone: weakening === 0 ? "ok" : "bad" },
          { label: "无害 harmless", value: String(drift.findings.length - weakening), tone: "muted" },
        ],
      },
      {
        kind: "paragraph",
        text: "与 Terraform 制品比较；API 服务器填充的字段与默认值不计为偏差。Compared with the synthesized artifact; fields the API server fills in and the defaults it adds are not drift.",
      },
      {
        kind: "table",
        id: "drift-by-department",
        filter: false,
        columns: ["部门 · 区域 department · zone", "削弱隔离 weakening", "无害 harmless", "类别 kinds"],
        rows: [...groups.keys()].sort().map((key) => {
          const g = groups.get(key)!;
          return {
            tone: g.weakening > 0 ? ("bad" as const) : ("warn" as const),
            cells: [key, String(g.weakening), String(g.harmless), { lines: [...g.kinds].map(([kind, n]) => `${KIND_LABELS[kind as DriftFinding["kind"]]}: ${n}`) }],
          };
        }),
        empty: "无偏差 No drift: the clusters hold what the artifact declares.",
      },
      {
        kind: "table",
        id: "drift",
        filter: true,
        columns: ["集群 cluster", "类别 kind", "对象 object", "字段 field", "声明 / 运行 declared / running", "原因 reason", "Terraform"],
        rows: ordered.map((f) => ({
          tone: f.weakensIsolation ? ("bad" as const) : ("warn" as const),
          cells: [
            f.cluster,
            { text: KIND_LABELS[f.kind], tone: f.weakensIsolation ? "bad" : "warn" },
            { text: `${f.objectKind} ${f.namespace !== undefined ? `${f.namespace}/` : ""}${f.name}`, code: true },
            { text: f.field ?? "", code: true },
            { lines: f.declared !== undefined || f.live !== undefined ? [f.declared ?? "—", f.live ?? "—"] : [], code: true },
            f.reason,
            { text: f.terraform ?? "not made by Terraform", code: true },
          ],
        })),
        empty: "无偏差 No drift.",
      },
    ],
  };
}
