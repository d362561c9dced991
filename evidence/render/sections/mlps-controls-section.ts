import type { Level } from "../../../config/schema/common";
import type { ControlRow, RuleFinding } from "../../../audit/mlps/rule-pack-result";
import type { MlpsRequirement } from "../../../audit/mlps/mlps-rule";
import type { EvidencePack } from "../../evidence-pack";
import type { Cell, ReportBlock, ReportSection } from "../report-document";
import { CONTROL_STATES, FINDING_STATUSES, levelLabel, rulePackVerdict, SEVERITIES } from "../report-labels";

/**
 * The MLPS 2.0 control table, one per protection level: requirement (Chinese, English, clause)
 * → state → the Terraform addresses and checks that prove it. Findings not met or waived follow,
 * each with its target; met findings are counted here and listed in report.json.
 */
export function mlpsControlsSection(pack: EvidencePack): ReportSection {
  const { controls, findings } = pack.controls;
  const levels = [...new Set(controls.map((c) => c.level))].sort();
  const count = (status: RuleFinding["status"]) => findings.filter((f) => f.status === status).length;
  const verdict = rulePackVerdict(pack.controls);
  const violated = (severity: RuleFinding["severity"]) => findings.filter((f) => f.status === "violated" && f.severity === severity).length;
  const open = findings.filter((f) => f.status !== "met");
  return {
    id: "mlps-controls",
    title: "等保 2.0 控制项 MLPS 2.0 controls (GB/T 22239-2019)",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "规则包 rule pack", value: verdict.label, tone: verdict.tone },
          { label: "控制项 control rows", value: String(controls.length) },
          { label: "符合 findings met", value: String(count("met")), tone: "ok" },
          { label: "不符合（错误级） violated, errors", value: String(violated("error")), tone: violated("error") === 0 ? "ok" : "bad" },
          { label: "不符合（警告级） violated, warnings", value: String(violated("warning")), tone: violated("warning") === 0 ? "ok" : "warn" },
          { label: "豁免 waived", value: String(count("waived")), tone: count("waived") === 0 ? "ok" : "warn" },
        ],
      },
      {
        kind: "paragraph",
        text: "条款号标注 (inferred) 的，系依据标准结构推定，尚未与标准原文核对。A clause marked (inferred) follows from the standard's structure and has not been checked against its text.",
      },
      ...levels.flatMap((level) => levelBlocks(level, controls.filter((c) => c.level === level))),
      { kind: "heading", text: "不符合与豁免的检查结果 Findings not met or waived" },
      {
        kind: "table",
        id: "mlps-findings",
        filter: true,
        columns: ["规则 rule", "对象 target", "等级 level", "状态 status", "说明 message", "证据 evidence", "豁免 waiver"],
        rows: open.map((f) => ({
          tone: FINDING_STATUSES[f.status].tone,
          cells: [
            { text: f.rule, code: true },
            { text: f.target, code: true },
            f.level ? `L${f.level}` : "-",
            { text: FINDING_STATUSES[f.status].label, lines: f.status === "violated" ? [SEVERITIES[f.severity]] : [], tone: FINDING_STATUSES[f.status].tone },
            f.message,
            { lines: f.evidence, code: true, fullList: `report.json controls.findings (rule ${f.rule}, target ${f.target}).evidence` },
            f.waiver ? { lines: [`${f.waiver.ticket}, ${f.waiver.approver}`, `至 until ${f.waiver.expires}`] } : "-",
          ],
        })),
        empty: "全部符合 Every finding is met.",
      },
    ],
  };
}

function levelBlocks(level: Level, rows: readonly ControlRow[]): ReportBlock[] {
  const states = Object.entries(CONTROL_STATES)
    .map(([state, l]) => ({ l, n: rows.filter((r) => r.state === state).length }))
    .filter(({ n }) => n > 0)
    .map(({ l, n }) => `${l.label} ${n}`);
  return [
    { kind: "heading", text: `${levelLabel(level)}: ${states.join(" · ")}` },
    {
      kind: "table",
      id: `mlps-controls-level-${level}`,
      filter: true,
      columns: ["规则 rule", "要求 requirement", "状态 state", "对象 targets", "证据 evidence"],
      rows: rows.map((r) => ({
        tone: CONTROL_STATES[r.state].tone,
        cells: [
          { text: r.rule, code: true },
          requirementCell(r.requirement, r.title),
          stateCell(r),
          targetsCell(r),
          { text: `${r.evidence.length} 项 items`, lines: r.evidence, code: true, fullList: `report.json controls.controls (rule ${r.rule}, level ${r.level}).evidence` },
        ],
      })),
    },
  ];
}

/** `安全区域边界 / 访问控制`, its English, the clause (marked when inferred) and what the rule checks. */
export function requirementCell(requirement: MlpsRequirement, title: string): Cell {
  return {
    lines: [
      `${requirement.area} / ${requirement.item}`,
      `${requirement.areaEnglish} / ${requirement.itemEnglish}`,
      `${requirement.clause}${requirement.clauseChecked ? "" : " (inferred)"}: ${title}`,
    ],
  };
}

/**
 * How many targets the rule judged and how they ended, then every one of them: the HTML folds a
 * long list behind its count, the Markdown shortens it and says where report.json has it all.
 */
function targetsCell(row: ControlRow): Cell {
  const ended = [row.violated > 0 ? `${row.violated} 不符合 violated` : "", row.waived > 0 ? `${row.waived} 豁免 waived` : ""].filter(Boolean);
  return {
    text: `${row.targets} 个对象 targets${ended.length > 0 ? ` (${ended.join(", ")})` : ""}`,
    lines: row.targetNames,
    code: true,
    fullList: `report.json controls.controls (rule ${row.rule}, level ${row.level}).targetNames`,
  };
}

/** The state, and what to do about it where the control is not (fully) met. */
function stateCell(row: ControlRow): Cell {
  const remedy = row.state === "not-met" || row.state === "partly" ? [`整改 remedy: ${row.remedy}`] : [];
  return { text: CONTROL_STATES[row.state].label, lines: remedy, tone: CONTROL_STATES[row.state].tone };
}
