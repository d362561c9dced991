import type { MlpsRequirement } from "./mlps-rule";

/**
 * The GB/T 22239-2019 items the rule pack maps to. Clause numbers are those of level 3 (clause 8;
 * level 2 is clause 7, level 4 clause 9); `clauseChecked` is false where the number is inferred
 * from the standard's structure (shared/reference/MLPS-2.0.md) and not yet checked against its text.
 */
export const requirement = (area: string, areaEnglish: string, item: string, itemEnglish: string, clause: string, clauseChecked: boolean): MlpsRequirement => ({
  area,
  areaEnglish,
  item,
  itemEnglish,
  clause,
  clauseChecked,
});

export const REQUIREMENTS = {
  networkArchitecture: requirement("安全通信网络", "security communication network", "网络架构", "network architecture", "8.1.2.1", false),
  transmission: requirement("安全通信网络", "security communication network", "通信传输", "communication transmission", "8.1.2.2", false),
  boundaryProtection: requirement("安全区域边界", "security area boundary", "边界防护", "boundary protection", "8.1.3.1", true),
  boundaryAccessControl: requirement("安全区域边界", "security area boundary", "访问控制", "access control", "8.1.3.2", true),
  computingAuthentication: requirement("安全计算环境", "security computing environment", "身份鉴别", "identification and authentication", "8.1.4.1", true),
  computingAccessControl: requirement("安全计算环境", "security computing environment", "访问控制", "access control", "8.1.4.2", false),
  computingAudit: requirement("安全计算环境", "security computing environment", "安全审计", "security audit", "8.1.4.3", false),
  intrusionPrevention: requirement("安全计算环境", "security computing environment", "入侵防范", "intrusion prevention", "8.1.4.4", false),
  dataConfidentiality: requirement("安全计算环境", "security computing environment", "数据保密性", "data confidentiality", "8.1.4.8", false),
  backupRecovery: requirement("安全计算环境", "security computing environment", "数据备份恢复", "data backup and recovery", "8.1.4.9", false),
  personalInformation: requirement("安全计算环境", "security computing environment", "个人信息保护", "personal information protection", "8.1.4.11", false),
  systemManagement: requirement("安全管理中心", "security management centre", "系统管理", "system management", "8.1.5.1", true),
  auditManagement: requirement("安全管理中心", "security management centre", "审计管理", "audit management", "8.1.5.2", true),
  centralisedControl: requirement("安全管理中心", "security management centre", "集中管控", "centralised control", "8.1.5.4", false),
  cloudAccessControl: requirement("安全扩展要求·云计算", "cloud computing extension", "访问控制", "access control (tenant isolation)", "8.2.3.2", false),
  cloudImages: requirement("安全扩展要求·云计算", "cloud computing extension", "镜像和快照保护", "image and snapshot protection", "8.2.4.7", false),
  cloudInfrastructure: requirement("安全扩展要求·云计算", "cloud computing extension", "基础设施位置与独立资源池", "infrastructure and independent resource pool", "9.2.1.1", false),
} as const;
