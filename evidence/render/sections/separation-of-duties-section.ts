import { formatFinding } from "../../../audit/rbac/audit-check";
import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { CHECK_STATUSES, DUTIES } from "../report-labels";

/** 三权分立: who holds each admin duty, through which role, and what the RBAC audit proved of it. */
export function separationOfDutiesSection(pack: EvidencePack): ReportSection {
  const check = pack.audit.rbac.checks.find((c) => c.id === "rbac-separation-of-duties");
  const status = check ? CHECK_STATUSES[check.status] : undefined;
  return {
    id: "separation-of-duties",
    title: "三权分立 Separation of duties",
    blocks: [
      {
        kind: "table",
        id: "separation-of-duties",
        filter: false,
        columns: ["职责 duty", "用户组 groups", "角色 role"],
        rows: pack.separationOfDuties.map((d) => ({ cells: [DUTIES[d.duty], { lines: d.groups, code: true }, { text: d.role, code: true }] })),
        empty: "未声明管理员 No admins declared.",
      },
      check && status
        ? {
            kind: "table",
            id: "separation-of-duties-check",
            filter: false,
            columns: ["检查 check", "结果 status", "证据 evidence", "问题 findings"],
            rows: [
              {
                tone: status.tone,
                cells: [
                  { text: check.title },
                  { text: status.label, lines: check.reason ? [check.reason] : [], tone: status.tone },
                  { evidence: check.evidence },
                  { lines: check.findings.map(formatFinding), code: true },
                ],
              },
            ],
          }
        : { kind: "paragraph", text: "RBAC 审计未给出三权分立检查 The RBAC audit reports no separation-of-duties check.", tone: "bad" },
    ],
  };
}
