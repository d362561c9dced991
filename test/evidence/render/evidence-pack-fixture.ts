import { MLPS_RULES } from "../../../audit/mlps";
import { ruleScope } from "../../../audit/mlps/standard-scope";
import type { ZoneMatrixCell } from "../../../audit/flows";
import type { ControlRow, RuleFinding, RulePackResult, WaiverStatus } from "../../../audit/mlps/rule-pack-result";
import type { MlpsRequirement } from "../../../audit/mlps/mlps-rule";
import type { Level } from "../../../config/schema/common";
import type { EvidencePack } from "../../../evidence/evidence-pack";
import type { Ledger } from "../../../evidence/ledger";
import { requirement } from "../../../audit/mlps/requirements";

/**
 * A hand-made evidence pack of a small provincial platform, worked out so its figures agree
 * with one another: two clusters (杭城共享集群 for levels 1-3, 四级专属集群 for level 4), four
 * departments, a waived and a violated finding, an agreement about to expire. `passingPack()`
 * is an audit that passes (the rule pack passes with a warning); `failingPack()` the same
 * platform with a leaked flow, a missing flow, a schema finding, a failed RBAC and MTB check,
 * an error-severity violation and an expired waiver.
 */
export const FIXTURE_DATE = "2026-11-27";

const GI = 2 ** 30;
const TI = 2 ** 40;


const ACCESS_CONTROL = requirement("安全区域边界", "Security area boundary", "访问控制", "Access control", "8.1.3.2", true);
const NETWORK_ARCHITECTURE = requirement("安全通信网络", "Security communication network", "网络架构", "Network architecture", "8.1.2.1", false);
const SYSTEM_MANAGEMENT = requirement("安全管理中心", "Security management centre", "系统管理", "System management", "8.1.5.1", true);
const MALICIOUS_CODE = requirement("安全计算环境", "Security computing environment", "恶意代码防范", "Malicious code prevention", "8.1.4.5", true);
const BACKUP = requirement("安全计算环境", "Security computing environment", "数据备份恢复", "Data backup and recovery", "8.1.4.11", false);
const RESOURCE_POOL = requirement("安全计算环境（云计算扩展）", "Security computing environment (cloud extension)", "独立资源池", "Independent resource pool", "9.2.4.6", false);

const control = (rule: string, title: string, req: MlpsRequirement, level: Level, state: ControlRow["state"], targets: number, evidence: string[], severity: ControlRow["severity"] = "error"): ControlRow => ({
  rule,
  title,
  requirement: { ...req, clause: level === 2 ? req.clause.replace(/^8/, "7") : req.clause },
  severity,
  remedy: REMEDIES[rule] ?? "见规则说明 see the rule",
  level,
  state,
  targets,
  targetNames: TARGETS.slice(0, targets),
  violated: state === "not-met" ? targets : state === "partly" ? 1 : 0,
  waived: state === "waived" ? 1 : 0,
  evidence,
});

/** Targets the fixture's rows name, in the order the rule pack sorts them. */
const TARGETS = ["civil-affairs/prod", "civil-affairs/test", "health/prod", "health/prod/records-api", "transport/prod"];

const REMEDIES: Record<string, string> = {
  "MLPS-NET-02": "为命名空间补充默认拒绝策略 add the default-deny NetworkPolicy to the namespace",
  "MLPS-NET-04": "在 platform.yaml 登记外部网络后仅对该等级放行 declare the external network in platform.yaml and allow it for the level",
  "MLPS-IMG-02": "镜像按摘要固定并接入签名验证 pin the image by digest and sign it",
  "MLPS-RES-01": "副本数至少为 2 并跨节点分布 run at least 2 replicas spread across nodes",
};

const WAIVED_EGRESS: RuleFinding = {
  rule: "MLPS-NET-04",
  target: "transport/prod/report-job",
  level: 3,
  status: "waived",
  severity: "error",
  message: "egress to 202.96.0.0/16 on TCP 443 goes to no declared external network",
  evidence: ["dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B"],
  waiver: {
    ticket: "JNDSJ-SEC-2026-0412",
    approver: "江南省大数据管理局网络安全处 陈志远",
    expires: "2026-12-10",
    reason: "向交通运输部综合交通运输信息平台报送路网运行日报，需经部省专线访问",
  },
};

const VIOLATED_REPLICAS: RuleFinding = {
  rule: "MLPS-RES-01",
  target: "health/prod/appointment-cache",
  level: 3,
  status: "violated",
  severity: "warning",
  message: "runs 1 replica; level 3 needs at least 2 with a disruption budget",
  evidence: ["dept-health: kubernetes_deployment_v1.tenant_prod_appointment-cache_deployment_3F9D21A4"],
};

const findings: RuleFinding[] = [
  {
    rule: "MLPS-NET-02",
    target: "health/prod",
    level: 3,
    status: "met",
    severity: "error",
    message: "default deny for ingress and egress",
    evidence: ["dept-health: kubernetes_network_policy_v1.tenant_prod_default-deny_6B1F0C2D"],
  },
  WAIVED_EGRESS,
  VIOLATED_REPLICAS,
  {
    rule: "MLPS-IMG-02",
    target: "health/prod/records-api",
    level: 3,
    status: "waived",
    severity: "error",
    message: "image signed with the vendor's key, not the platform's",
    evidence: ["dept-health: kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10"],
    waiver: { ticket: "JNWJ-IT-2026-0215", approver: "江南省卫生健康委员会信息中心 王建国", expires: "2027-03-31", reason: "电子病历系统镜像由国家卫健委统一组织的厂商交付" },
  },
];

const controls: ControlRow[] = [
  control("MLPS-NET-01", "Zones by protection level, isolated by NetworkPolicy", NETWORK_ARCHITECTURE, 2, "met", 4, ["connectivity proof: shared-hz 0 differences", "platform-shared-hz: kubernetes_namespace_v1.baseline_gateway_namespace_0A1B2C3D"]),
  control("MLPS-NET-02", "Default deny at every namespace boundary", ACCESS_CONTROL, 2, "met", 4, ["dept-civil-affairs: kubernetes_network_policy_v1.tenant_prod_default-deny_1D2E3F40", "dept-transport: kubernetes_network_policy_v1.tenant_prod_default-deny_7A8B9C0D"]),
  control("MLPS-NET-04", "Egress only to declared external networks", ACCESS_CONTROL, 2, "met", 3, ["dept-civil-affairs: kubernetes_network_policy_v1.tenant_test_egress_3B4C5D6E"]),
  control("MLPS-RES-01", "Redundancy: two replicas, disruption budget, spread", BACKUP, 2, "not-applicable", 0, []),
  control("MLPS-NET-01", "Zones by protection level, isolated by NetworkPolicy", NETWORK_ARCHITECTURE, 3, "met", 2, ["connectivity proof: shared-hz 0 differences"]),
  control("MLPS-NET-02", "Default deny at every namespace boundary", ACCESS_CONTROL, 3, "met", 2, ["dept-health: kubernetes_network_policy_v1.tenant_prod_default-deny_6B1F0C2D", "dept-health: kubernetes_network_policy_v1.tenant_test_default-deny_2C3D4E5F"]),
  control("MLPS-NET-04", "Egress only to declared external networks", ACCESS_CONTROL, 3, "waived", 1, ["dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B"]),
  control("MLPS-IAM-01", "Separation of duties (三权分立) between system, security and audit admins", SYSTEM_MANAGEMENT, 3, "met", 1, ["check rbac-separation-of-duties: pass"]),
  control("MLPS-IMG-02", "Images pinned by digest and signed", MALICIOUS_CODE, 3, "waived", 5, ["dept-health: kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10"]),
  control("MLPS-RES-01", "Redundancy: two replicas, disruption budget, spread", BACKUP, 3, "partly", 3, [
    "dept-health: kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10",
    "dept-health: kubernetes_pod_disruption_budget_v1.tenant_prod_records-api_pdb_1A2B3C4D",
  ], "warning"),
  control("MLPS-NET-02", "Default deny at every namespace boundary", ACCESS_CONTROL, 4, "met", 1, ["dept-public-security: kubernetes_network_policy_v1.tenant_core_default-deny_0F1E2D3C"]),
  control("MLPS-CLD-04", "Level 4 on an independent resource pool", RESOURCE_POOL, 4, "met", 1, ["cluster secure-l4 hosts level 4 only", "platform-secure-l4: kubernetes_namespace_v1.baseline_gateway_namespace_0A1B2C3D"]),
];

const waivers: WaiverStatus[] = [
  { rule: "MLPS-NET-04", target: "transport/prod/report-job", reason: WAIVED_EGRESS.waiver!.reason, compensatingMeasure: "出站仅限部省专线地址段的 443 端口，流量经网关审计", risk: "medium", approver: WAIVED_EGRESS.waiver!.approver, ticket: "JNDSJ-SEC-2026-0412", granted: "2026-06-10", expires: "2026-12-10", status: "expiring", findings: 1 },
  { rule: "MLPS-IMG-02", target: "health/prod/records-api", reason: "电子病历系统镜像由国家卫健委统一组织的厂商交付", compensatingMeasure: "厂商签名经平台复核后入库", risk: "low", approver: "江南省卫生健康委员会信息中心 王建国", ticket: "JNWJ-IT-2026-0215", granted: "2026-03-01", expires: "2027-03-31", status: "active", findings: 1 },
  { rule: "MLPS-RES-01", target: "civil-affairs/prod/db", reason: "民政数据库迁移期间暂以单副本运行", compensatingMeasure: "每日全量备份并异地保存", risk: "high", approver: "江南省民政厅信息中心 李娜", ticket: "JNMZ-IT-2026-0031", granted: "2026-02-01", expires: "2027-01-31", status: "unused", findings: 0 },
];

const cell = (from: string, to: string, ports: string, intended = ports): ZoneMatrixCell => ({ from, to, effective: ports, intended, agrees: ports === intended });

const SHARED_MATRIX: ZoneMatrixCell[] = [
  cell("gateway", "dns", "TCP 53,UDP 53"),
  cell("gateway", "level-2", "TCP 8080"),
  cell("gateway", "level-3", "TCP 8443"),
  cell("gov-extranet", "gateway", "TCP 443"),
  cell("internet", "gateway", "TCP 80,443"),
  cell("level-2", "dns", "TCP 53,UDP 53"),
  cell("level-2", "level-3", "TCP 8443"),
  cell("level-2", "mgmt", "TCP 24224"),
  cell("level-2", "object-storage", "TCP 443"),
  cell("level-3", "dns", "TCP 53,UDP 53"),
  cell("level-3", "gateway-secure-l4", "TCP 443"),
  cell("level-3", "level-3", "TCP 5432"),
  cell("level-3", "mgmt", "TCP 24224"),
  cell("mgmt", "dns", "TCP 53,UDP 53"),
  cell("mgmt", "level-2", "TCP 9090"),
  cell("mgmt", "level-3", "TCP 9090"),
];

const SECURE_MATRIX: ZoneMatrixCell[] = [
  cell("gateway", "dns", "TCP 53,UDP 53"),
  cell("gateway", "level-4", "TCP 8443"),
  cell("gateway-shared-hz", "gateway", "TCP 443"),
  cell("gov-extranet", "gateway", "TCP 443"),
  cell("level-4", "dns", "TCP 53,UDP 53"),
  cell("level-4", "level-4", "TCP 5432"),
  cell("level-4", "mgmt", "TCP 24224"),
  cell("mgmt", "dns", "TCP 53,UDP 53"),
  cell("mgmt", "level-4", "TCP 9090"),
];

const amounts = (cores: number, memoryGi: number, storageGi: number) => ({ cpuMillis: cores * 1000, memoryBytes: memoryGi * GI, storageBytes: storageGi * GI });

const ledger: Ledger = {
  platform: { name: "jiangnan", displayName: "江南省政务云" },
  overcommit: { cpu: 2, memory: 1.2 },
  clusters: [
    {
      cluster: "secure-l4",
      displayName: "四级专属集群",
      provisioning: "Cluster API on shared-hz (OpenStack, Kubernetes v1.33.4)",
      capacity: { cpuMillis: 192_000, memoryBytes: 768 * GI, storageBytes: 50 * TI },
      schedulable: { cpuMillis: 384_000, memoryBytes: Math.floor(768 * 1.2 * GI), storageBytes: 50 * TI },
      allocated: amounts(32, 128, 2048),
      utilisation: { cpu: 32 / 384, memory: 128 / (768 * 1.2), storage: 2048 / (50 * 1024) },
      headroom: { cpuMillis: 352_000, memoryBytes: Math.floor(768 * 1.2 * GI) - 128 * GI, storageBytes: 50 * TI - 2048 * GI },
      namespaces: 1,
    },
    {
      cluster: "shared-hz",
      displayName: "杭城共享集群",
      provisioning: "registered",
      capacity: { cpuMillis: 768_000, memoryBytes: 3072 * GI, storageBytes: 200 * TI },
      schedulable: { cpuMillis: 1_536_000, memoryBytes: Math.floor(3072 * 1.2 * GI), storageBytes: 200 * TI },
      allocated: amounts(120, 480, 6144),
      utilisation: { cpu: 120 / 1536, memory: 480 / (3072 * 1.2), storage: 6144 / (200 * 1024) },
      headroom: { cpuMillis: 1_416_000, memoryBytes: Math.floor(3072 * 1.2 * GI) - 480 * GI, storageBytes: 200 * TI - 6144 * GI },
      namespaces: 6,
    },
  ],
  allocated: amounts(152, 608, 8192),
  departments: [
    { department: "civil-affairs", displayName: "江南省民政厅", allocated: amounts(40, 160, 2048), share: { cpu: 40 / 152, memory: 160 / 608, storage: 2048 / 8192 }, environments: [
      { environment: "prod", cluster: "shared-hz", namespace: "civil-affairs-prod", allocated: amounts(32, 128, 1536) },
      { environment: "test", cluster: "shared-hz", namespace: "civil-affairs-test", allocated: amounts(8, 32, 512) },
    ] },
    { department: "health", displayName: "江南省卫生健康委员会", allocated: amounts(64, 256, 3072), share: { cpu: 64 / 152, memory: 256 / 608, storage: 3072 / 8192 }, environments: [
      { environment: "prod", cluster: "shared-hz", namespace: "health-prod", allocated: amounts(48, 192, 2560) },
      { environment: "test", cluster: "shared-hz", namespace: "health-test", allocated: amounts(16, 64, 512) },
    ] },
    { department: "public-security", displayName: "江南省公安厅", allocated: amounts(32, 128, 2048), share: { cpu: 32 / 152, memory: 128 / 608, storage: 2048 / 8192 }, environments: [
      { environment: "core", cluster: "secure-l4", namespace: "public-security-core", allocated: amounts(32, 128, 2048) },
    ] },
    { department: "transport", displayName: "江南省交通运输厅", allocated: amounts(16, 64, 1024), share: { cpu: 16 / 152, memory: 64 / 608, storage: 1024 / 8192 }, environments: [
      { environment: "prod", cluster: "shared-hz", namespace: "transport-prod", allocated: amounts(12, 48, 768) },
      { environment: "test", cluster: "shared-hz", namespace: "transport-test", allocated: amounts(4, 16, 256) },
    ] },
  ],
  infrastructure: {
    parameters: [
      { name: "controlPlaneNodesPerCluster", value: 3, default: 3, description: "Control plane nodes of each cluster." },
      { name: "gatewayNodesPerCluster", value: 2, default: 2, description: "Ingress gateway nodes of each cluster." },
      { name: "monitoringNodesPerCluster", value: 2, default: 2, description: "Monitoring and logging nodes of each cluster." },
      { name: "minimumWorkerNodesPerCluster", value: 3, default: 3, description: "Fewest worker nodes a standalone cluster runs." },
      { name: "nodeCpu", value: 16, default: 16, description: "Cores of a standalone node." },
      { name: "nodeMemory", value: "64Gi", default: "64Gi", description: "Memory of a standalone node." },
    ],
    departments: 4,
    clusters: 2,
    // 4 × (3 + 2 + 2) overhead; workers max(3, ⌈quota ÷ 32 cores⌉, ⌈quota ÷ 76.8Gi⌉): 3 + 4 + 3 + 3.
    standalone: { controlPlaneNodes: 12, gatewayNodes: 8, monitoringNodes: 8, workerNodes: 13, nodes: 41, cpuMillis: 656_000, memoryBytes: 2624 * GI, workerCpuMillis: 208_000, workerMemoryBytes: 832 * GI },
    // 2 × (3 + 2 + 2) overhead of 16 cores; workers: 24 + 8 + 12 + 6 declared pool nodes.
    shared: { controlPlaneNodes: 6, gatewayNodes: 4, monitoringNodes: 4, workerNodes: 50, nodes: 64, cpuMillis: 3_520_000, memoryBytes: 13_952 * GI, workerCpuMillis: 3_296_000, workerMemoryBytes: 13_056 * GI },
    avoided: { controlPlaneNodes: 6, gatewayNodes: 4, monitoringNodes: 4, workerNodes: -37, nodes: -23, cpuMillis: -2_864_000, memoryBytes: -11_328 * GI, workerCpuMillis: -3_088_000, workerMemoryBytes: -12_224 * GI },
    standaloneWorkers: [
      { department: "civil-affairs", forQuota: 3, nodes: 3 },
      { department: "health", forQuota: 4, nodes: 4 },
      { department: "public-security", forQuota: 2, nodes: 3 },
      { department: "transport", forQuota: 1, nodes: 3 },
    ],
  },
  localization: {
    clusters: [
      { scope: "secure-l4", nodes: 6, localizedNodes: 6, cpuMillis: 384_000, localizedCpuMillis: 384_000, nodeRate: 1, cpuRate: 1 },
      { scope: "shared-hz", nodes: 44, localizedNodes: 36, cpuMillis: 2_944_000, localizedCpuMillis: 2_688_000, nodeRate: 36 / 44, cpuRate: 2688 / 2944 },
    ],
    overall: { scope: "all", nodes: 50, localizedNodes: 42, cpuMillis: 3_328_000, localizedCpuMillis: 3_072_000, nodeRate: 42 / 50, cpuRate: 3072 / 3328 },
  },
};

const rulePack: RulePackResult = {
    findings,
    controls,
    waivers,
    scope: ruleScope(MLPS_RULES),
    errors: [],
    warnings: [
      "MLPS-RES-01 health/prod/appointment-cache: runs 1 replica; level 3 needs at least 2 with a disruption budget",
      "waiver MLPS-NET-04 transport/prod/report-job (JNDSJ-SEC-2026-0412) expires 2026-12-10",
      "waiver MLPS-RES-01 civil-affairs/prod/db (JNMZ-IT-2026-0031) matches nothing",
    ],
    passed: true,
  };

const evidence = (statement: string, objects: string[]) => ({ statement, objects });

const passing: EvidencePack = {
  stamp: { commit: "3f2a9c1d7e4b6a8f0c2d4e6f8a0b1c3d5e7f9a1b", declarationHash: "sha256:9b1f4c2e7a3d5b8c0e6f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d", date: FIXTURE_DATE },
  overview: {
    name: "jiangnan",
    displayName: "江南省政务云",
    operator: "江南省大数据管理局",
    clusters: [
      {
        name: "shared-hz",
        displayName: "杭城共享集群",
        levels: [1, 2, 3],
        gatewayAddresses: "10.40.0.0/24",
        nodePools: [
          { name: "general", levels: [1, 2], arch: "amd64", cpuVendor: "hygon", os: "kylin-v10", localized: true, nodes: 24, dedicated: false },
          { name: "general-x86", levels: [1, 2], arch: "amd64", cpuVendor: "intel", os: "rocky-9", localized: false, nodes: 8, dedicated: false },
          { name: "level3-kunpeng", levels: [3], arch: "arm64", cpuVendor: "kunpeng", os: "openeuler-22.03", localized: true, nodes: 12, dedicated: true },
        ],
      },
      {
        name: "secure-l4",
        displayName: "四级专属集群",
        levels: [4],
        gatewayAddresses: "10.41.0.0/24",
        nodePools: [{ name: "level4-phytium", levels: [4], arch: "arm64", cpuVendor: "phytium", os: "kylin-v10", localized: true, nodes: 6, dedicated: true }],
      },
    ],
    externalNetworks: [
      { name: "internet", displayName: "互联网", cidrs: ["0.0.0.0/0"], levels: [1, 2] },
      { name: "gov-extranet", displayName: "电子政务外网", cidrs: ["59.202.0.0/16"], levels: [1, 2, 3] },
      { name: "object-storage", displayName: "政务云对象存储", cidrs: ["10.50.0.0/16"], levels: [1, 2, 3] },
    ],
    departments: 4,
    environments: 7,
    services: 9,
    environmentsByLevel: { "2": 4, "3": 2, "4": 1 },
    logRetentionDays: 180,
    registries: ["harbor.jiangnan.gov.cn", "registry.govcloud.jiangnan.gov.cn/base"],
  },
  audit: {
    platform: { name: "jiangnan", displayName: "江南省政务云" },
    stacks: 6,
    objects: 412,
    schema: { status: "pass", findings: [] },
    secrets: {
      passed: true,
      findings: [],
      secrets: [
        { cluster: "shared-hz", namespace: "health-prod", name: "db-credentials", keys: ["password", "username"], readers: ["CronJob db-backup", "StatefulSet db"], provider: { kind: "prerequisite" } },
        { cluster: "shared-hz", namespace: "health-prod", name: "portal-tls", keys: ["tls.crt", "tls.key"], readers: ["Ingress portal"], provider: { kind: "external-secret", store: "govcloud-vault", remoteKeys: ["govcloud/health/prod/portal-tls"] } },
        { cluster: "shared-hz", namespace: "health-prod", name: "records-api-sharing-client-tls", keys: ["ca.crt", "tls.crt", "tls.key"], readers: ["Deployment records-api"], provider: { kind: "cert-manager", certificate: "records-api-sharing-client" } },
      ],
    },
    sharingExpiry: {
      schedule: { cron: "0 3 * * mon", nextApply: "2026-12-07" },
      agreements: 2,
      findings: [
        {
          kind: "outlasts-its-end",
          approval: "JNMZ-SHARE-2026-007",
          provider: "civil-affairs/prod/assistance-api",
          consumer: "health/prod/records-api",
          expires: "2026-12-15",
          message: "agreement JNMZ-SHARE-2026-007 (health/prod/records-api uses civil-affairs/prod/assistance-api) ends on 2026-12-15; the first scheduled apply after that is on 2026-12-21, so its policies stay open 5 days after it ends unless a synthesis is applied on 2026-12-16, or it is renewed",
        },
      ],
      passed: true,
    },
    sharingRoutes: {
      passed: true,
      findings: [],
      routes: [
        {
          cluster: "secure-l4",
          namespace: "public-security-core",
          name: "identity-db-sharing",
          host: "identity-db.core.public-security.share.jiangnan.gov.cn",
          provider: "public-security/core/identity-db",
          admitted: [{ consumer: "health/prod/records-api", commonName: "records-api.health-prod", cluster: "shared-hz", namespace: "health-prod" }],
          intended: ["health/prod/records-api"],
        },
      ],
    },
    flows: {
      passed: true,
      clusters: [
        { cluster: "secure-l4", workloads: 5, effectiveConnections: 14, intendedFlows: 9, differences: [], matrix: { zones: ["gateway-shared-hz", "gov-extranet", "gateway", "mgmt", "dns", "level-4"], cells: SECURE_MATRIX } },
        {
          cluster: "shared-hz",
          workloads: 23,
          effectiveConnections: 118,
          intendedFlows: 41,
          differences: [],
          matrix: { zones: ["internet", "gov-extranet", "object-storage", "gateway-secure-l4", "gateway", "mgmt", "dns", "level-2", "level-3"], cells: SHARED_MATRIX },
        },
      ],
    },
    rbac: {
      status: "pass",
      checks: [
        { id: "rbac-department-scope", title: "Department groups hold no cluster-wide grant and no binding outside their namespaces", status: "pass", evidence: [evidence("12 department groups: 21 bindings, all in their own namespaces", ["dept-health: kubernetes_role_binding_v1.tenant_prod_binding-admin_926B7BA3", "dept-health: kubernetes_role_binding_v1.tenant_prod_binding-developer_CA815DAD"])], findings: [] },
        { id: "rbac-department-bindings", title: "Every owner group holds its tenant role in each of its namespaces", status: "pass", evidence: [evidence("21 of 21 expected bindings present", [])], findings: [] },
        { id: "rbac-tenant-role-limits", title: "Tenant roles change no quotas, policies, RBAC or admission and use no wildcard", status: "pass", evidence: [evidence("3 tenant ClusterRoles per cluster, no forbidden rule", ["platform-shared-hz: kubernetes_cluster_role_v1.baseline_tenant-admin_C2E74AC3"])], findings: [] },
        { id: "rbac-auditor-read-only", title: "The auditor role reads everything but Secrets and changes nothing", status: "pass", evidence: [evidence("govcloud-auditor: get, list, watch only, on every cluster", ["platform-shared-hz: kubernetes_cluster_role_v1.baseline_auditor_6D67096D", "platform-secure-l4: kubernetes_cluster_role_v1.baseline_auditor_6D67096D"])], findings: [] },
        {
          id: "rbac-separation-of-duties",
          title: "Separation of duties (三权分立) between system, security and audit admins",
          status: "pass",
          evidence: [
            evidence("system admin group govcloud-system-admins: 46 permission rows from 2 bindings, none beyond its duty", ["platform-shared-hz: kubernetes_cluster_role_binding_v1.baseline_admin-system-binding_A137BBDE", "platform-secure-l4: kubernetes_cluster_role_binding_v1.baseline_admin-system-binding_A137BBDE"]),
            evidence("security admin group govcloud-security-admins: 16 permission rows from 2 bindings, none beyond its duty", ["platform-shared-hz: kubernetes_cluster_role_binding_v1.baseline_admin-security-binding_08521F37"]),
            evidence("audit admin group govcloud-audit-admins: 62 permission rows from 2 bindings, none beyond its duty", ["platform-shared-hz: kubernetes_cluster_role_binding_v1.baseline_admin-audit-binding_2D017F66"]),
          ],
          findings: [],
        },
      ],
      groups: [
        {
          group: "govcloud-audit-admins",
          declaredAs: [{ kind: "platform-admin", duty: "audit" }],
          permissions: [
            { cluster: "shared-hz", scope: "(cluster-wide)", apiGroup: "", resource: "pods", verbs: ["get", "list", "watch"], resourceNames: [], nonResource: false, binding: "platform-shared-hz: kubernetes_cluster_role_binding_v1.baseline_admin-audit-binding_2D017F66", role: "platform-shared-hz: kubernetes_cluster_role_v1.baseline_auditor_6D67096D", rule: 0, via: "Group govcloud-audit-admins" },
          ],
          unresolved: [],
        },
        {
          group: "health-admins",
          declaredAs: [{ kind: "department", department: "health", owner: "admins" }],
          permissions: [
            { cluster: "shared-hz", scope: "health-prod", apiGroup: "apps", resource: "deployments", verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], resourceNames: [], nonResource: false, binding: "dept-health: kubernetes_role_binding_v1.tenant_prod_binding-admin_926B7BA3", role: "platform-shared-hz: kubernetes_cluster_role_v1.baseline_tenant-admin_C2E74AC3", rule: 1, via: "Group health-admins" },
            { cluster: "shared-hz", scope: "health-test", apiGroup: "apps", resource: "deployments", verbs: ["create", "delete", "get", "list", "patch", "update", "watch"], resourceNames: [], nonResource: false, binding: "dept-health: kubernetes_role_binding_v1.tenant_test_binding-admin_8DA2B5E0", role: "platform-shared-hz: kubernetes_cluster_role_v1.baseline_tenant-admin_C2E74AC3", rule: 1, via: "Group health-admins" },
          ],
          unresolved: [],
        },
      ],
    },
    tenancy: {
      status: "pass",
      namespaces: ["secure-l4/public-security-core", "shared-hz/civil-affairs-prod", "shared-hz/civil-affairs-test", "shared-hz/health-prod", "shared-hz/health-test", "shared-hz/transport-prod", "shared-hz/transport-test"],
      checks: [
        { id: "MTB-PL1-CC-CPI-1", key: "block-access-to-cluster-resources", title: "Block access to cluster resources", profile: 1, category: "Control plane isolation", status: "pass", evidence: [evidence("12 department groups hold permissions only through RoleBindings in namespaces (21 bindings), none through a ClusterRoleBinding", ["dept-health: kubernetes_role_binding_v1.tenant_prod_binding-admin_926B7BA3"])], findings: [] },
        { id: "MTB-PL1-BC-CPI-4", key: "require-run-as-non-root-user", title: "Require run as non-root user", profile: 1, category: "Control plane isolation", status: "pass", evidence: [evidence("9 tenant pod templates run as non-root; 7 namespaces deny root pods", ["platform-shared-hz: kubernetes_validating_admission_policy_v1.baseline_non-root_5E6F7A8B"])], findings: [] },
        { id: "MTB-PL1-BC-HI-1", key: "block-use-of-nodeport-services", title: "Block use of NodePort services", profile: 1, category: "Host isolation", status: "pass", evidence: [evidence("no NodePort or LoadBalancer Service; every quota sets services.nodeports 0", [])], findings: [] },
        { id: "MTB-PL1-CC-FNS-1", key: "configure-namespace-resource-quotas", title: "Configure namespace resource quotas", profile: 1, category: "Fairness", status: "pass", evidence: [evidence("7 tenant namespaces each have a ResourceQuota capping cpu, memory, storage and pods", ["dept-health: kubernetes_resource_quota_v1.tenant_prod_quota_4B5C6D7E"])], findings: [] },
        { id: "MTB-PL2-BC-OPS-3", key: "create-role-bindings", title: "Create role bindings (tenant self-service)", profile: 2, category: "Self-service operations", status: "not-applicable", reason: "departments change access through their declaration, reviewed by the platform team", evidence: [], findings: [] },
        { id: "MTB-PL1-BC-NI-1", key: "default-deny-network-connections-across-tenants", title: "Default deny network connections across tenants", profile: "draft", category: "Network isolation", status: "pass", evidence: [evidence("7 tenant namespaces have a default-deny policy for ingress and egress", ["dept-health: kubernetes_network_policy_v1.tenant_prod_default-deny_6B1F0C2D"])], findings: [] },
      ],
    },
    passed: true,
  },
  controls: rulePack,
  separationOfDuties: [
    { duty: "system", groups: ["govcloud-system-admins"], role: "govcloud-admin-system" },
    { duty: "security", groups: ["govcloud-security-admins"], role: "govcloud-admin-security" },
    { duty: "audit", groups: ["govcloud-audit-admins"], role: "govcloud-auditor" },
  ],
  dataClassification: [
    { department: "civil-affairs", departmentName: "江南省民政厅", environment: "prod", service: "assistance-api", dataClass: "personal", minimumLevel: 3, level: 3, zone: "level-3", cluster: "shared-hz", namespace: "civil-affairs-prod" },
    { department: "civil-affairs", departmentName: "江南省民政厅", environment: "prod", service: "portal", dataClass: "public", minimumLevel: 1, level: 3, zone: "level-3", cluster: "shared-hz", namespace: "civil-affairs-prod" },
    { department: "civil-affairs", departmentName: "江南省民政厅", environment: "test", service: "assistance-api", dataClass: "internal", minimumLevel: 2, level: 2, zone: "level-2", cluster: "shared-hz", namespace: "civil-affairs-test" },
    { department: "health", departmentName: "江南省卫生健康委员会", environment: "prod", service: "appointment-cache", dataClass: "internal", minimumLevel: 2, level: 3, zone: "level-3", cluster: "shared-hz", namespace: "health-prod" },
    { department: "health", departmentName: "江南省卫生健康委员会", environment: "prod", service: "records-api", dataClass: "sensitive-personal", minimumLevel: 3, level: 3, zone: "level-3", cluster: "shared-hz", namespace: "health-prod" },
    { department: "health", departmentName: "江南省卫生健康委员会", environment: "test", service: "records-api", dataClass: "internal", minimumLevel: 2, level: 2, zone: "level-2", cluster: "shared-hz", namespace: "health-test" },
    { department: "public-security", departmentName: "江南省公安厅", environment: "core", service: "identity-db", dataClass: "core", minimumLevel: 4, level: 4, zone: "level-4", cluster: "secure-l4", namespace: "public-security-core" },
    { department: "transport", departmentName: "江南省交通运输厅", environment: "prod", service: "report-job", dataClass: "important", minimumLevel: 3, level: 3, zone: "level-3", cluster: "shared-hz", namespace: "transport-prod" },
    { department: "transport", departmentName: "江南省交通运输厅", environment: "test", service: "report-job", dataClass: "internal", minimumLevel: 2, level: 2, zone: "level-2", cluster: "shared-hz", namespace: "transport-test" },
  ],
  dataCatalogue: [
    { id: "JNML-GAT-004", resource: "实名身份核验", share: "conditional", legalBasis: "《中华人民共和国居民身份证法》", dataClass: "important", provider: "public-security/core/identity-db", departmentName: "江南省公安厅", consumers: 1 },
    { id: "JNML-GAT-009", resource: "在逃人员信息", share: "not-shared", legalBasis: "《中华人民共和国人民警察法》", dataClass: "core", provider: "public-security/core/fugitive-api", departmentName: "江南省公安厅", consumers: 0 },
    { id: "JNML-MZT-003", resource: "低保对象身份信息", share: "conditional", legalBasis: "《社会救助暂行办法》", dataClass: "personal", provider: "civil-affairs/prod/assistance-api", departmentName: "江南省民政厅", consumers: 1 },
    { id: "JNML-MZT-010", resource: "婚姻登记信息核验", share: "unconditional", dataClass: "personal", provider: "civil-affairs/prod/marriage-api", departmentName: "江南省民政厅", consumers: 0 },
  ],
  dataSharing: [
    {
      provider: "civil-affairs/prod/assistance-api",
      consumer: "health/prod/records-api",
      catalogue: { id: "JNML-MZT-003", resource: "低保对象身份信息", share: "conditional", legalBasis: "《社会救助暂行办法》" },
      dataClass: "personal",
      purpose: "核验医疗救助对象的低保身份",
      consumerPurpose: "医疗救助费用减免审核",
      approval: "JNMZ-SHARE-2026-007",
      since: "2026-01-12",
      expires: "2026-12-15",
      closes: "2026-12-21",
      status: "expiring",
      route: "direct",
      policies: ["dept-civil-affairs: kubernetes_network_policy_v1.sharing_assistance-api_from_health-prod_8C9D0E1F", "dept-health: kubernetes_network_policy_v1.sharing_records-api_to_civil-affairs-prod_2A3B4C5D"],
    },
    {
      provider: "public-security/core/identity-db",
      consumer: "health/prod/records-api",
      catalogue: { id: "JNML-GAT-004", resource: "实名身份核验", share: "conditional", legalBasis: "《中华人民共和国居民身份证法》" },
      dataClass: "important",
      purpose: "实名就医身份核验",
      consumerPurpose: "就诊登记时核验患者身份",
      approval: "JNGA-SHARE-2025-112",
      since: "2025-07-01",
      expires: "2027-06-30",
      closes: "2027-07-05",
      status: "active",
      route: "gateway",
      policies: ["dept-public-security: kubernetes_network_policy_v1.sharing_identity-db_from_gateway_5F6A7B8C"],
      gatewayRoute: { cluster: "secure-l4", host: "identity-db.core.public-security.share.jiangnan.gov.cn", admits: ["health/prod/records-api"] },
    },
  ],
  inventory: [
    { department: "civil-affairs", displayName: "江南省民政厅", retired: false, environments: [
      { name: "prod", level: 3, cluster: "shared-hz", namespace: "civil-affairs-prod", quota: { cpu: "32", memory: "128Gi", storage: "1536Gi" }, services: [
        { name: "assistance-api", template: "web-service", exposure: "extranet", dataClass: "personal", replicas: 2 },
        { name: "portal", template: "web-service", exposure: "internet", dataClass: "public", replicas: 2 },
      ] },
      { name: "test", level: 2, cluster: "shared-hz", namespace: "civil-affairs-test", quota: { cpu: "8", memory: "32Gi", storage: "512Gi" }, services: [
        { name: "assistance-api", template: "web-service", exposure: "internal", dataClass: "internal", replicas: 1 },
      ] },
    ] },
    { department: "health", displayName: "江南省卫生健康委员会", retired: false, environments: [
      { name: "prod", level: 3, cluster: "shared-hz", namespace: "health-prod", quota: { cpu: "48", memory: "192Gi", storage: "2560Gi" }, services: [
        { name: "appointment-cache", template: "redis", exposure: "none", dataClass: "internal", replicas: 1 },
        { name: "records-api", template: "web-service", exposure: "extranet", dataClass: "sensitive-personal", replicas: 3 },
      ] },
      { name: "test", level: 2, cluster: "shared-hz", namespace: "health-test", quota: { cpu: "16", memory: "64Gi", storage: "512Gi" }, services: [
        { name: "records-api", template: "web-service", exposure: "internal", dataClass: "internal", replicas: 1 },
      ] },
    ] },
    { department: "public-security", displayName: "江南省公安厅", retired: false, environments: [
      { name: "core", level: 4, cluster: "secure-l4", namespace: "public-security-core", quota: { cpu: "32", memory: "128Gi", storage: "2048Gi" }, services: [
        { name: "identity-db", template: "postgres", exposure: "none", dataClass: "core", replicas: 2 },
      ] },
    ] },
    { department: "transport", displayName: "江南省交通运输厅", retired: false, environments: [
      { name: "prod", level: 3, cluster: "shared-hz", namespace: "transport-prod", quota: { cpu: "12", memory: "48Gi", storage: "768Gi" }, services: [
        { name: "report-job", template: "cron-job", exposure: "none", dataClass: "important", replicas: 1 },
      ] },
      { name: "test", level: 2, cluster: "shared-hz", namespace: "transport-test", quota: { cpu: "4", memory: "16Gi", storage: "256Gi" }, services: [
        { name: "report-job", template: "cron-job", exposure: "none", dataClass: "internal", replicas: 1 },
      ] },
    ] },
  ],
  ledger,
  clusterProvisioning: [
    {
      cluster: "secure-l4",
      displayName: "四级专属集群",
      kind: "cluster-api",
      provisioning: "Cluster API on shared-hz (OpenStack, Kubernetes v1.33.4)",
      controlPlane: {
        stack: "clusters-shared-hz",
        address: "kubernetes_manifest.secure-l4_control-plane_0D2CEDF6",
        version: "v1.33.4",
        replicas: 3,
        settings: [
          { control: "审计日志 audit log", met: true, detail: "audit policy /etc/kubernetes/govcloud/audit-policy.yaml, log /var/log/kubernetes/audit/audit.log kept 180 days" },
          { control: "静态加密 Secrets at rest", met: true, detail: "EncryptionConfiguration from Secret secure-l4-encryption-config (key encryption-config.yaml); its key never enters the artifact" },
        ],
      },
    },
    { cluster: "shared-hz", displayName: "杭城共享集群", kind: "registered", provisioning: "registered" },
  ],
};

/** A platform whose audit and rule pack pass (one warning-severity violation, an expiring waiver). */
export function passingPack(): EvidencePack {
  return structuredClone(passing);
}

/** The same platform, broken: every part of the audit and the rule pack fails somewhere. */
export function failingPack(): EvidencePack {
  const pack = structuredClone(passing);
  const shared = pack.audit.flows.clusters.find((c) => c.cluster === "shared-hz")!;
  const leaked = {
    cluster: "shared-hz",
    kind: "unintended" as const,
    src: "shared-hz/transport-prod/report-job",
    dst: "internet 0.0.0.0-9.255.255.255",
    ports: "TCP 443",
    detail: "allowed by dept-transport: kubernetes_network_policy_v1.tenant_prod_report-job-egress_5A1C2E0B",
  };
  const missing = { cluster: "shared-hz", kind: "missing" as const, src: "govcloud-mgmt/prometheus", dst: "shared-hz/health-prod/records-api", ports: "TCP 9090", detail: "declared: mgmt collects metrics of health/prod/records-api" };
  const cells = [...shared.matrix.cells.filter((c) => !(c.from === "mgmt" && c.to === "level-3")), cell("level-3", "internet", "TCP 443", "-"), cell("mgmt", "level-3", "-", "TCP 9090")].sort((a, b) =>
    `${a.from}\u0000${a.to}` < `${b.from}\u0000${b.to}` ? -1 : 1,
  );
  const flows = {
    passed: false,
    clusters: pack.audit.flows.clusters.map((c) => (c === shared ? { ...c, differences: [leaked, missing], matrix: { zones: c.matrix.zones, cells } } : c)),
  };
  const schemaFinding = {
    stack: "dept-health",
    address: "kubernetes_deployment_v1.tenant_prod_records-api_deployment_9E2B7C10",
    kind: "Deployment",
    name: "health-prod/records-api",
    field: "spec.template.spec.containers[0].ports[0].containerPort",
    message: "must be at most 65535, got 80443",
  };
  const rbacChecks = pack.audit.rbac.checks.map((c) =>
    c.id === "rbac-department-scope"
      ? { ...c, status: "fail" as const, findings: [{ message: "grants transport-developers secrets in health-prod", stack: "dept-transport", address: "kubernetes_role_binding_v1.extra_debug_binding_0C1D2E3F", object: "RoleBinding health-prod/debug" }] }
      : c,
  );
  const tenancyChecks = pack.audit.tenancy.checks.map((c) =>
    c.id === "MTB-PL1-BC-CPI-4"
      ? { ...c, status: "fail" as const, findings: [{ message: "runs as root (runAsNonRoot not set)", stack: "dept-transport", address: "kubernetes_cron_job_v1.tenant_prod_report-job_cronjob_6E7F8091", object: "CronJob transport-prod/report-job", field: "spec.jobTemplate.spec.template.spec.securityContext.runAsNonRoot" }] }
      : c,
  );
  const violatedZoning: RuleFinding = { rule: "MLPS-NET-04", target: "transport/prod/report-job", level: 3, status: "violated", severity: "error", message: "egress to internet on TCP 443; level 3 may not reach the internet", evidence: [leaked.detail.replace(/^allowed by /, "")] };
  const controls: RulePackResult = {
    ...pack.controls,
    findings: [...pack.controls.findings.filter((f) => f !== pack.controls.findings[1]), violatedZoning],
    controls: pack.controls.controls.map((c) => (c.rule === "MLPS-NET-04" && c.level === 3 ? { ...c, state: "not-met" as const, violated: 1, waived: 0 } : c)),
    waivers: pack.controls.waivers.map((w) => (w.rule === "MLPS-NET-04" ? { ...w, expires: "2026-11-01", status: "expired" as const, findings: 0 } : w)),
    errors: [
      "MLPS-NET-04 transport/prod/report-job: egress to internet on TCP 443; level 3 may not reach the internet",
      "waiver MLPS-NET-04 transport/prod/report-job (JNDSJ-SEC-2026-0412) expired on 2026-11-01",
    ],
    passed: false,
  };
  return {
    ...pack,
    audit: {
      ...pack.audit,
      schema: { status: "fail", findings: [schemaFinding] },
      flows,
      rbac: { ...pack.audit.rbac, status: "fail", checks: rbacChecks },
      tenancy: { ...pack.audit.tenancy, status: "fail", checks: tenancyChecks },
      passed: false,
    },
    controls,
    dataSharing: pack.dataSharing.map((s, i) => (i === 0 ? { ...s, expires: "2026-11-20", status: "expired" as const, policies: [] } : s)),
  };
}
