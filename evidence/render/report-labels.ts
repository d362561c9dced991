import type { Level } from "../../config/schema/common";
import type { ControlState, FindingStatus, RulePackResult, WaiverStatus } from "../../audit/mlps/rule-pack-result";
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
  "not-provable": { label: "无法从制品证明 not provable (check by hand)", tone: "warn" },
  "not-applicable": { label: "不适用 not applicable", tone: "muted" },
};

export const FINDING_STATUSES: Readonly<Record<FindingStatus, Labelled>> = {
  met: { label: "符合 met", tone: "ok" },
  violated: { label: "不符合 violated", tone: "bad" },
  waived: { label: "豁免 waived", tone: "warn" },
  "not-provable": { label: "待人工核查 not provable", tone: "warn" },
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

export const WAIVER_RISKS: Readonly<Record<WaiverStatus["risk"], Labelled>> = {
  low: { label: "低 low", tone: "ok" },
  medium: { label: "中 medium", tone: "warn" },
  high: { label: "高 high", tone: "bad" },
};

export const SHARING_STATUSES: Readonly<Record<DataSharingEntry["status"], Labelled>> = {
  active: { label: "有效 active", tone: "ok" },
  expiring: { label: "即将到期 expiring", tone: "warn" },
  expired: { label: "已过期 expired", tone: "bad" },
};

export const SHARE_ATTRIBUTE_LABELS: Readonly<Record<DataSharingEntry["catalogue"]["share"], Labelled>> = {
  unconditional: { label: "无条件共享 unconditional", tone: "ok" },
  conditional: { label: "有条件共享 conditional", tone: "ok" },
  "not-shared": { label: "不予共享 not shared", tone: "muted" },
};

export const DUTIES: Readonly<Record<"system" | "security" | "audit", string>> = {
  system: "系统管理员 system admin",
  security: "安全管理员 security admin",
  audit: "审计管理员 audit admin",
};

export function passLabel(passed: boolean): Labelled {
  return passed ? { label: "通过 pass", tone: "ok" } : { label: "未通过 fail", tone: "bad" };
}

export const SEVERITIES: Readonly<Record<"error" | "warning", string>> = {
  error: "错误级 error",
  warning: "警告级 warning",
};

/**
 * The rule pack's verdict, never greener than its findings: a pass with violations of
 * warning-severity rules says so, and a failure counts what fails it.
 */
export function rulePackVerdict(result: Pick<RulePackResult, "passed" | "findings" | "errors">): Labelled {
  const violated = (severity: "error" | "warning") => result.findings.filter((f) => f.status === "violated" && f.severity === severity).length;
  if (!result.passed) {
    const errors = violated("error");
    const waivers = result.errors.length - errors;
    const why = [errors > 0 ? `${errors} 项错误级不符合 error-level violations` : "", waivers > 0 ? `${waivers} 项豁免已过期 expired waivers` : ""].filter(Boolean).join(", ");
    return { label: `未通过 fail${why ? `: ${why}` : ""}`, tone: "bad" };
  }
  const warnings = violated("warning");
  if (warnings > 0) return { label: `通过，但有 ${warnings} 项警告级不符合 pass with ${warnings} ${warnings === 1 ? "violation" : "violations"} accepted as warnings`, tone: "warn" };
  return { label: "通过 pass", tone: "ok" };
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
