import { formatFinding } from "../../../audit/rbac/audit-check";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { CHECK_STATUSES } from "../report-labels";

/** The Kubernetes Multi-Tenancy Benchmark as the artifact decides it: every check, its status and proof. */
export function tenantIsolationSection(pack: EvidencePack): ReportSection {
  const { tenancy } = pack.audit;
  const count = (status: string) => tenancy.checks.filter((c) => c.status === status).length;
  const verdict = CHECK_STATUSES[tenancy.status];
  return {
    id: "tenant-isolation",
    title: "多租户隔离基准 Tenant isolation benchmark (MTB)",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "基准 benchmark", value: verdict.label, tone: verdict.tone },
          { label: "租户命名空间 tenant namespaces", value: String(tenancy.namespaces.length) },
          { label: "通过 pass", value: String(count("pass")), tone: "ok" },
          { label: "未通过 fail", value: String(count("fail")), tone: count("fail") === 0 ? "ok" : "bad" },
          { label: "不适用 not applicable", value: String(count("not-applicable")), tone: "muted" },
        ],
      },
      {
        kind: "table",
        id: "tenant-isolation-checks",
        filter: true,
        columns: ["编号 id", "检查 check", "级别 profile", "结果 status", "证据 evidence", "问题 findings"],
        rows: tenancy.checks.map((c) => ({
          tone: CHECK_STATUSES[c.status].tone,
          cells: [
            { text: c.id, code: true },
            { text: c.title, lines: [c.category] },
            c.profile === "draft" ? "draft" : `profile ${c.profile}`,
            { text: CHECK_STATUSES[c.status].label, lines: c.reason ? [c.reason] : [], tone: CHECK_STATUSES[c.status].tone },
            { evidence: c.evidence },
            { lines: c.findings.map(formatFinding), code: true },
          ],
        })),
      },
    ],
  };
}
