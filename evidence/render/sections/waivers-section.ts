import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { WAIVER_RISKS, WAIVER_STATUSES } from "../report-labels";

/** Accepted deviations: what was accepted with which compensating measure and residual risk, who approved it, from when until when; expiring ones stand out, expired ones fail. */
export function waiversSection(pack: EvidencePack): ReportSection {
  const { waivers } = pack.controls;
  const count = (status: string) => waivers.filter((w) => w.status === status).length;
  return {
    id: "waivers",
    title: "豁免 Waivers",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "豁免 waivers", value: String(waivers.length) },
          { label: "有效 active", value: String(count("active")), tone: "ok" },
          { label: "即将到期 expiring (30 天 days)", value: String(count("expiring")), tone: count("expiring") === 0 ? "ok" : "warn" },
          { label: "已过期 expired", value: String(count("expired")), tone: count("expired") === 0 ? "ok" : "bad" },
          { label: "未使用 unused", value: String(count("unused")), tone: "muted" },
        ],
      },
      {
        kind: "table",
        id: "waivers",
        filter: true,
        columns: ["规则 rule", "对象 target", "原因 reason", "补偿措施 compensating measure", "风险 risk", "批准人 approver", "工单 ticket", "批准 granted", "到期 expires", "状态 status", "覆盖 findings"],
        rows: waivers.map((w) => ({
          tone: WAIVER_STATUSES[w.status].tone,
          cells: [
            { text: w.rule, code: true },
            { text: w.target, code: true },
            w.reason,
            w.compensatingMeasure,
            { text: WAIVER_RISKS[w.risk].label, tone: WAIVER_RISKS[w.risk].tone },
            w.approver,
            { text: w.ticket, code: true },
            w.granted,
            { text: w.expires, tone: WAIVER_STATUSES[w.status].tone },
            { text: WAIVER_STATUSES[w.status].label, tone: WAIVER_STATUSES[w.status].tone },
            String(w.findings),
          ],
        })),
        empty: "无豁免 No waivers.",
      },
    ],
  };
}
