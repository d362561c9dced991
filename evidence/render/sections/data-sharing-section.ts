import type { EvidencePack } from "../../evidence-pack";
import type { ReportSection } from "../report-document";
import { SHARING_STATUSES } from "../report-labels";

/**
 * Cross-department data flows: both sides declared them; approval, expiry and the policies that
 * open them; across clusters, the gateway route and whose client certificates it admits.
 */
export function dataSharingSection(pack: EvidencePack): ReportSection {
  const entries = pack.dataSharing;
  const count = (status: string) => entries.filter((e) => e.status === status).length;
  return {
    id: "data-sharing",
    title: "数据共享登记 Data-sharing register",
    blocks: [
      {
        kind: "figures",
        items: [
          { label: "共享协议 agreements", value: String(entries.length) },
          { label: "有效 active", value: String(count("active")), tone: "ok" },
          { label: "即将到期 expiring", value: String(count("expiring")), tone: count("expiring") === 0 ? "ok" : "warn" },
          { label: "已过期（已关闭）expired (closed)", value: String(count("expired")), tone: count("expired") === 0 ? "ok" : "bad" },
        ],
      },
      {
        kind: "table",
        id: "data-sharing",
        filter: true,
        columns: ["提供方 provider", "使用方 consumer", "数据级别 data class", "用途 purpose", "使用方用途 consumer's purpose", "审批 approval", "到期 expires", "状态 status", "路径 route", "网络策略 policies"],
        rows: entries.map((e) => ({
          tone: SHARING_STATUSES[e.status].tone,
          cells: [
            { text: e.provider, code: true },
            { text: e.consumer, code: true },
            e.dataClass,
            e.purpose,
            e.consumerPurpose,
            { text: e.approval, code: true },
            { text: e.expires, tone: SHARING_STATUSES[e.status].tone },
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
