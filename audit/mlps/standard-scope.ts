import type { MlpsRule } from "./mlps-rule";

/**
 * What the rule pack can and cannot speak to. GB/T 22239-2019 sets its general requirements in
 * ten areas (five technical, five management) and adds extensions for cloud computing, mobile
 * internet, IoT and industrial control. A platform-as-code tool sees only what its artifact
 * holds; the rest is assessed by the evaluator on site, from documents, interviews and tests.
 */
export interface StandardArea {
  readonly area: string;
  readonly areaEnglish: string;
  readonly kind: "technical" | "management" | "extension";
  /** Why the rule pack says nothing about the area, when it does not cover it. */
  readonly outOfScope?: string;
}

export const STANDARD_AREAS: readonly StandardArea[] = [
  { area: "安全物理环境", areaEnglish: "physical environment", kind: "technical", outOfScope: "machine rooms, power, fire and access control of the data centre: assessed on site, not visible in Terraform" },
  { area: "安全通信网络", areaEnglish: "security communication network", kind: "technical" },
  { area: "安全区域边界", areaEnglish: "security area boundary", kind: "technical" },
  { area: "安全计算环境", areaEnglish: "security computing environment", kind: "technical" },
  { area: "安全管理中心", areaEnglish: "security management centre", kind: "technical" },
  { area: "安全管理制度", areaEnglish: "security management policies", kind: "management", outOfScope: "written policies and procedures: reviewed as documents" },
  { area: "安全管理机构", areaEnglish: "security management organisation", kind: "management", outOfScope: "roles, authorisation and review of the organisation: interviews and records (the separation of admin groups is shown under separation of duties)" },
  { area: "安全管理人员", areaEnglish: "security management personnel", kind: "management", outOfScope: "hiring, training and leaving of staff: personnel records" },
  { area: "安全建设管理", areaEnglish: "security construction management", kind: "management", outOfScope: "grading, design, procurement, acceptance and assessment processes: project records" },
  { area: "安全运维管理", areaEnglish: "security operations and maintenance management", kind: "management", outOfScope: "day-to-day operation, change, incident and backup procedures: operations records and the live cluster" },
  { area: "安全扩展要求·云计算", areaEnglish: "cloud computing extension", kind: "extension" },
  { area: "安全扩展要求·移动互联", areaEnglish: "mobile internet extension", kind: "extension", outOfScope: "the platform hosts no wireless access points or mobile terminals" },
  { area: "安全扩展要求·物联网", areaEnglish: "IoT extension", kind: "extension", outOfScope: "the platform hosts no sensing devices or gateways" },
  { area: "安全扩展要求·工业控制系统", areaEnglish: "industrial control extension", kind: "extension", outOfScope: "the platform hosts no industrial control systems" },
];

export interface ScopeEntry {
  readonly area: string;
  readonly areaEnglish: string;
  readonly kind: StandardArea["kind"];
  /** `covered` when some rule of the pack maps to the area. */
  readonly coverage: "covered" | "out-of-scope";
  /** The control items the rules check (`访问控制 access control`), for a covered area. */
  readonly items: readonly string[];
  readonly rules: readonly string[];
  readonly reason?: string;
}

/** Each area of the standard, with the items and rules of the pack that cover it, or why none do. */
export function ruleScope(rules: readonly MlpsRule[]): ScopeEntry[] {
  return STANDARD_AREAS.map((area) => {
    const here = rules.filter((r) => r.requirement.area === area.area);
    const items = [...new Set(here.map((r) => `${r.requirement.item} ${r.requirement.itemEnglish}`))].sort();
    return {
      area: area.area,
      areaEnglish: area.areaEnglish,
      kind: area.kind,
      coverage: here.length > 0 ? "covered" : "out-of-scope",
      items,
      rules: here.map((r) => r.id).sort(),
      ...(here.length === 0 ? { reason: area.outOfScope ?? "no rule of the pack maps to this area yet" } : {}),
    };
  });
}
