import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { SHARE_ATTRIBUTE_LABELS, SHARING_STATUSES } from "../report-labels";

/**
 * The data catalogue and the sharing ledger (政务数据目录与共享台账), as the 政务数据共享条例 asks
 * of a shared platform: every catalogued resource with its share attribute and basis; every use
 * of one, with its approval, since when and until when, the policies that open it and, across
 * clusters, the gateway route and whose client certificates it admits; and whether each end
 * reaches the clusters before the next scheduled apply.
 */
export function dataSharingSection(pack: EvidencePack): ReportSection {
  const entries = pack.dataSharing;
  const catalogue = pack.dataCatalogue;
  const expiry = pack.audit.sharingExpiry;
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  const attribute = (share: string) => catalogue.filter((e) => e.share === share).length;
  const late = expiry.findings.filter((f) => f.kind !== "ended-but-applied").length;
  const ended = expiry.findings.filter((f) => f.kind === "ended-but-applied").length;
  return {
    id: "data-sharing",
    title: "数据目录与共享台账 Data catalogue and sharing ledger",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "目录资源 catalogued resources", value: String(catalogue.length) },
          { label: "无条件共享 unconditional", value: String(attribute("unconditional")) },
          { label: "有条件共享 conditional", value: String(attribute("conditional")) },
          { label: "不予共享 not shared", value: String(attribute("not-shared")) },
          { label: "共享使用 uses", value: String(entries.length) },
          { label: "有效 active", value: String(count("active")), tone: "ok" },
          { label: "即将到期 expiring", value: String(count("expiring")), tone: count("expiring") === 0 ? "ok" : "warn" },
          { label: "已过期（已关闭）expired (closed)", value: String(count("expired")), tone: count("expired") === 0 ? "ok" : "bad" },
          { label: "到期晚于下次部署关闭 outlast their end", value: String(late), tone: late === 0 ? "ok" : "warn" },
          ...(ended > 0 ? [{ label: "已到期仍在制品中 ended but applied", value: String(ended), tone: "bad" as const }] : []),
        ],
      },
      {
        kind: "paragraph",
        text: expiry.schedule
          ? `到期在合成时判定，由定时合成与部署（${expiry.schedule.cron}）送达集群；下次部署 next scheduled apply: ${expiry.schedule.nextApply ?? "never"}. Expiry is decided at synthesis and reaches the clusters through the scheduled synth-and-apply.`
          : "平台未声明定时部署（platform.yaml operations.applySchedule）：协议到期后，其网络策略保留至下一次人工合成与部署。No scheduled apply is declared: an ended agreement's policies stay until someone synthesizes and applies.",
        tone: expiry.schedule ? undefined : "warn",
      },
      ...(expiry.findings.length > 0
        ? [
            {
              kind: "table" as const,
              id: "sharing-expiry",
              filter: false,
              columns: ["协议 agreement", "到期 ends", "发现 finding"],
              rows: expiry.findings.map((f) => ({
                tone: f.kind === "ended-but-applied" ? ("bad" as const) : ("warn" as const),
                cells: [{ text: f.approval, code: true }, f.expires, f.message],
              })),
            },
          ]
        : []),
      { kind: "heading", text: "政务数据目录 Data catalogue" },
      {
        kind: "table",
        id: "data-catalogue",
        filter: true,
        columns: ["资源代码 code", "资源名称 resource", "提供方 provider", "共享属性 share", "依据 legal basis", "数据级别 data class", "使用方 uses"],
        rows: catalogue.map((e) => ({
          tone: SHARE_ATTRIBUTE_LABELS[e.share].tone,
          cells: [
            { text: e.id, code: true },
            e.resource,
            { text: e.departmentName, lines: [e.provider], code: true },
            { text: SHARE_ATTRIBUTE_LABELS[e.share].label, tone: SHARE_ATTRIBUTE_LABELS[e.share].tone },
            e.legalBasis ?? "-",
            e.dataClass,
            String(e.consumers),
          ],
        })),
        empty: "目录为空 No data resources catalogued.",
      },
      { kind: "heading", text: "共享台账 Sharing ledger" },
      {
        kind: "table",
        id: "data-sharing",
        filter: true,
        columns: ["目录 entry", "提供方 provider", "使用方 consumer", "数据级别 data class", "用途 purpose", "使用方用途 consumer's purpose", "审批 approval", "起 since", "止 until", "状态 status", "路径 route", "网络策略 policies"],
        rows: entries.map((e) => ({
          tone: SHARING_STATUSES[e.status].tone,
          cells: [
            { text: `${e.catalogue.resource} · ${SHARE_ATTRIBUTE_LABELS[e.catalogue.share].label}`, lines: [e.catalogue.id], code: true },
            { text: e.provider, code: true },
            { text: e.consumer, code: true },
            e.dataClass,
            e.purpose,
            e.consumerPurpose,
            e.catalogue.share === "conditional" ? { text: e.approval, code: true } : "无需审批 none needed",
            e.since ?? "-",
            e.expires === undefined
              ? "目录存续期间 while catalogued"
              : { text: e.expires, tone: SHARING_STATUSES[e.status].tone, ...(e.closes ? { lines: [`部署关闭 closed by the apply of ${e.closes}`] } : {}) },
            { text: SHARING_STATUSES[e.status].label, tone: SHARING_STATUSES[e.status].tone },
            e.route === "direct"
              ? "集群内 direct"
              : {
                  lines: e.gatewayRoute
                    ? [`经网关 via gateway ${e.gatewayRoute.cluster}`, e.gatewayRoute.host, `双向TLS mTLS, admits: ${e.gatewayRoute.admits.join(", ") || "-"}`]
                    : ["经网关 via gateway", e.status === "expired" ? "无路由 no route (closed)" : "无路由 no route"],
                },
            { lines: e.policies.length > 0 ? e.policies : ["-"], code: true },
          ],
        })),
        empty: "无数据共享 No data sharing declared.",
      },
    ],
  };
}
