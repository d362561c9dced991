import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";

const KINDS = { technical: "技术要求 technical", management: "管理要求 management", extension: "扩展要求 extension" } as const;

/**
 * What this evidence can prove and what it cannot: each area of GB/T 22239-2019, with the control
 * items and rules that cover it, or why it is out of a platform-as-code tool's reach. An assessor
 * reads this first, so a green table is never taken for the whole assessment.
 */
export function standardScopeSection(pack: EvidencePack): ReportSection {
  const { scope } = pack.controls;
  const covered = scope.filter((s) => s.coverage === "covered");
  return {
    id: "scope",
    title: "适用范围 Scope of this evidence (GB/T 22239-2019)",
    blocks: [
      {
        kind: "paragraph",
        text:
          `规则包覆盖 ${covered.length} 个安全类，其余 ${scope.length - covered.length} 个不在平台即代码工具的检查范围内，须由测评机构现场核查。` +
          `The rule pack covers ${covered.length} of the standard's ${scope.length} areas; the others are outside what a platform-as-code tool can see and are assessed on site.`,
      },
      {
        kind: "table",
        id: "scope",
        filter: false,
        columns: ["安全类 area", "类别 kind", "范围 coverage", "控制点 items checked", "规则 rules / 原因 reason"],
        rows: scope.map((s) => ({
          tone: s.coverage === "covered" ? "ok" : "muted",
          cells: [
            { text: s.area, lines: [s.areaEnglish] },
            KINDS[s.kind],
            { text: s.coverage === "covered" ? "覆盖 covered" : "不在范围 out of scope", tone: s.coverage === "covered" ? "ok" : "muted" },
            s.items.length > 0 ? { lines: s.items } : "-",
            s.coverage === "covered" ? { lines: s.rules, code: true } : (s.reason ?? "-"),
          ],
        })),
      },
    ],
  };
}
