import type { Level } from "../../config/schema/common";
import type { ControlState, FindingStatus, WaiverStatus } from "../../audit/mlps/rule-pack-result";
import type { CheckStatus } from "../../audit/rbac";
import type { DataSharingEntry, PlatformOverview } from "../evidence-pack";
import type { Tone } from "./report-document";

/**
 * The bilingual vocabulary of the report: assessors write in Chinese, reviewers of the code read
 * English, so every state is shown in both, with the tone that colours it.
 */
export interface Labelled {
  readonly label: string;
  readonly tone: Tone;
}

const NUMERALS = ["一", "二", "三", "四"];

/** `第三级 level 3`. */
export function levelLabel(level: Level): string {
  return `第${NUMERALS[level - 1] ?? level}级 level ${level}`;
}

export const CONTROL_STATES: Readonly<Record<ControlState, Labelled>> = {
  met: { label: "符合 met", tone: "ok" },
  partly: { label: "部分符合 partly met", tone: "warn" },
  waived: { label: "豁免 waived", tone: "warn" },
  "not-met": { label: "不符合 not met", tone: "bad" },
  "not-applicable": { label: "不适用 not applicable", tone: "muted" },
};

export const FINDING_STATUSES: Readonly<Record<FindingStatus, Labelled>> = {
  met: { label: "符合 met", tone: "ok" },
  violated: { label: "不符合 violated", tone: "bad" },
  waived: { label: "豁免 waived", tone: "warn" },
};

export const CHECK_STATUSES: Readonly<Record<CheckStatus, Labelled>> = {
  pass: { label: "通过 pass", tone: "ok" },
  fail: { label: "未通过 fail", tone: "bad" },
  "not-applicable": { label: "不适用 not applicable", tone: "muted" },
};

export const WAIVER_STATUSES: Readonly<Record<WaiverStatus["status"], Labelled>> = {
  active: { label: "有效 active", tone: "ok" },
  expiring: { label: "即将到期 expiring", tone: "warn" },
  expired: { label: "已过期 EXPIRED", tone: "bad" },
  unused: { label: "未使用 unused", tone: "muted" },
};

export const SHARING_STATUSES: Readonly<Record<DataSharingEntry["status"], Labelled>> = {
  active: { label: "有效 active", tone: "ok" },
  expiring: { label: "即将到期 expiring", tone: "warn" },
  expired: { label: "已过期 expired", tone: "bad" },
};

export const DUTIES: Readonly<Record<"system" | "security" | "audit", string>> = {
  system: "系统管理员 system admin",
  security: "安全管理员 security admin",
  audit: "审计管理员 audit admin",
};

export function passLabel(passed: boolean): Labelled {
  return passed ? { label: "通过 pass", tone: "ok" } : { label: "未通过 fail", tone: "bad" };
}

/**
 * What a zone of the flow matrix is, in words: the matrix names zones by id (`level-3`,
 * `gov-extranet`, `gateway-<cluster>` for a cluster's gateway address range).
 */
export function zoneLabel(zone: string, overview: PlatformOverview): string {
  const level = /^level-([1-4])$/.exec(zone);
  if (level) return `等保${NUMERALS[Number(level[1]) - 1]}级区 ${zone}`;
  const network = overview.externalNetworks.find((n) => n.name === zone);
  if (network) return `${network.displayName} ${zone}`;
  const gatewayOf = overview.clusters.find((c) => zone === `gateway-${c.name}`);
  if (gatewayOf) return `${gatewayOf.displayName}网关地址 ${zone}`;
  const fixed: Record<string, string> = {
    gateway: "网关区 gateway",
    mgmt: "安全管理区 mgmt",
    dns: "集群 DNS dns",
    external: "其他外部地址 external",
    other: "其他命名空间 other",
  };
  return fixed[zone] ?? zone;
}
