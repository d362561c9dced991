import { formatFinding } from "../../../audit/rbac/audit-check";
import type { GroupDeclaration } from "../../../audit/rbac/declared-groups";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { CHECK_STATUSES, DUTIES, passLabel } from "../report-labels";

/**
 * What the audit of the artifact proved, in one place: schema findings, connectivity differences,
 * RBAC checks and each declared group's effective permissions (counted; the rows are in
 * report.json), and the rule pack's errors and warnings.
 */
export function auditSummarySection(pack: EvidencePack): ReportSection {
  const { audit, controls } = pack;
  const differences = audit.flows.clusters.reduce((n, c) => n + c.differences.length, 0);
  const overall = passLabel(audit.passed);
  const rbac = CHECK_STATUSES[audit.rbac.status];
  const tenancy = CHECK_STATUSES[audit.tenancy.status];
  return {
    id: "audit-summary",
    title: "审计摘要 Audit summary",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "审计 audit", value: overall.label, tone: overall.tone },
          { label: "栈 stacks", value: String(audit.stacks) },
          { label: "对象 objects", value: String(audit.objects) },
          { label: "模式问题 schema findings", value: String(audit.schema.findings.length), tone: audit.schema.findings.length === 0 ? "ok" : "bad" },
          { label: "连通性差异 connectivity differences", value: String(differences), tone: differences === 0 ? "ok" : "bad" },
          { label: "RBAC", value: rbac.label, tone: rbac.tone },
          { label: "多租户 tenancy", value: tenancy.label, tone: tenancy.tone },
          { label: "等保错误 MLPS errors", value: String(controls.errors.length), tone: controls.errors.length === 0 ? "ok" : "bad" },
          { label: "等保警告 MLPS warnings", value: String(controls.warnings.length), tone: controls.warnings.length === 0 ? "ok" : "warn" },
        ],
      },
      { kind: "heading", text: "等保规则包错误与警告 MLPS rule pack errors and warnings" },
      {
        kind: "table",
        id: "audit-rule-pack-messages",
        filter: controls.errors.length + controls.warnings.length > 10,
        columns: ["级别 severity", "说明 message"],
        rows: [
          ...controls.errors.map((e) => ({ tone: "bad" as const, cells: [{ text: "错误 error", tone: "bad" as const }, e] })),
          ...controls.warnings.map((w) => ({ tone: "warn" as const, cells: [{ text: "警告 warning", tone: "warn" as const }, w] })),
        ],
        empty: "无错误或警告 No errors or warnings.",
      },
      { kind: "heading", text: "模式检查 Schema check: objects Kubernetes would refuse or silently change" },
      {
        kind: "table",
        id: "audit-schema-findings",
        filter: true,
        columns: ["栈 stack", "地址 address", "对象 object", "字段 field", "问题 message"],
        rows: audit.schema.findings.map((f) => ({
          tone: "bad" as const,
          cells: [{ text: f.stack, code: true }, { text: f.address, code: true }, `${f.kind} ${f.name}`, { text: f.field, code: true }, f.message],
        })),
        empty: "无问题：每个对象都符合 Kubernetes 模式 No findings: every object matches its Kubernetes schema.",
      },
      { kind: "heading", text: "连通性证明 Connectivity proof" },
      {
        kind: "table",
        id: "audit-connectivity",
        filter: false,
        columns: ["集群 cluster", "工作负载 workloads", "有效连接 effective connections", "声明的流量 intended flows", "差异 differences"],
        rows: audit.flows.clusters.map((c) => ({
          tone: c.differences.length === 0 ? undefined : ("bad" as const),
          cells: [{ text: c.cluster, code: true }, String(c.workloads), String(c.effectiveConnections), String(c.intendedFlows), { text: String(c.differences.length), tone: c.differences.length === 0 ? "ok" : "bad" }],
        })),
      },
      { kind: "heading", text: "RBAC 检查 RBAC checks" },
      {
        kind: "table",
        id: "audit-rbac-checks",
        filter: false,
        columns: ["检查 check", "结果 status", "证据 evidence", "问题 findings"],
        rows: audit.rbac.checks.map((c) => ({
          tone: CHECK_STATUSES[c.status].tone,
          cells: [
            { text: c.title, lines: [c.id], code: true },
            { text: CHECK_STATUSES[c.status].label, lines: c.reason ? [c.reason] : [], tone: CHECK_STATUSES[c.status].tone },
            { evidence: c.evidence },
            { lines: c.findings.map(formatFinding), code: true },
          ],
        })),
      },
      { kind: "heading", text: "声明的用户组与有效权限 Declared groups and their effective permissions" },
      {
        kind: "table",
        id: "audit-rbac-groups",
        filter: true,
        columns: ["用户组 group", "声明为 declared as", "权限行 permission rows", "绑定 bindings", "范围 scopes", "无法核实 unresolved"],
        rows: audit.rbac.groups.map((g) => ({
          tone: g.unresolved.length > 0 ? ("warn" as const) : undefined,
          cells: [
            { text: g.group, code: true },
            { lines: g.declaredAs.map(declaration) },
            String(g.permissions.length),
            String(new Set(g.permissions.map((p) => p.binding)).size),
            { lines: [...new Set(g.permissions.map((p) => `${p.cluster}/${p.scope}`))].sort(), code: true },
            { lines: g.unresolved.map((u) => `${u.binding} → ${u.roleRef}`), code: true },
          ],
        })),
      },
    ],
  };
}

function declaration(d: GroupDeclaration): string {
  return d.kind === "department" ? `${d.department} ${d.owner}` : DUTIES[d.duty];
}
