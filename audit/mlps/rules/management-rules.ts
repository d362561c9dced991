import { MIN_LOG_RETENTION_DAYS } from "../../../config/rules/platform-policy";
import type { MlpsRule } from "../mlps-rule";
import { flowOf, ref, viewArtifact } from "../artifact-view";
import { REQUIREMENTS } from "../requirements";
import { fromRbacCheck, fromTenancyCheck } from "./boundary-rules";

/** Security management centre: central monitoring and logs, retention, separation of duties. */
export const MANAGEMENT_RULES: readonly MlpsRule[] = [
  {
    id: "MLPS-MGT-01",
    title: "Every tenant namespace is monitored and ships its logs to the management zone",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.centralisedControl,
    severity: "error",
    remedy: "Keep the mgmt-metrics and log-intake flows of every namespace (govcloud renders them).",
    evaluate: (context) =>
      viewArtifact(context.stacks)
        .namespaces.filter((ns) => ns.level >= 2)
        .map((ns) => {
          const metrics = ns.policies.find((p) => flowOf(p) === "mgmt-metrics");
          const logs = ns.policies.find((p) => flowOf(p) === "log-intake");
          const met = metrics !== undefined && logs !== undefined;
          return {
            target: ns.target,
            level: ns.level,
            met,
            message: met ? "scraped by the collectors, logs to the intake" : `missing ${[metrics ? "" : "mgmt-metrics", logs ? "" : "log-intake"].filter(Boolean).join(" and ")}`,
            evidence: [metrics, logs].filter((p) => p !== undefined).map(ref),
          };
        }),
  },
  {
    id: "MLPS-AUD-01",
    title: `Logs are kept at least ${MIN_LOG_RETENTION_DAYS} days`,
    levels: [1, 2, 3, 4],
    requirement: REQUIREMENTS.computingAudit,
    severity: "error",
    remedy: `Set logRetentionDays to ${MIN_LOG_RETENTION_DAYS} or more in platform.yaml (Cybersecurity Law art. 21).`,
    evaluate: ({ model }) => [
      {
        target: "platform",
        met: model.logRetentionDays >= MIN_LOG_RETENTION_DAYS,
        message: `logRetentionDays ${model.logRetentionDays}`,
        evidence: ["platform.yaml logRetentionDays"],
      },
    ],
  },
  {
    id: "MLPS-MGT-02",
    title: "Separation of duties (三权分立): system, security and audit administrators",
    levels: [3, 4],
    requirement: REQUIREMENTS.systemManagement,
    severity: "error",
    remedy: "Declare disjoint admin groups in platform.yaml; keep the platform's separated roles.",
    evaluate: (context) => ["rbac-separation-of-duties", "rbac-auditor-read-only"].map((id) => fromRbacCheck(context, id)),
  },
];

/** Cloud extension: independent resource pool for level 4, tenant isolation, dedicated nodes for level 3. */
export const CLOUD_RULES: readonly MlpsRule[] = [
  {
    id: "MLPS-CLD-01",
    title: "Level 4 systems run on an independent resource pool",
    levels: [4],
    requirement: REQUIREMENTS.cloudInfrastructure,
    severity: "error",
    remedy: "Host level 4 on a cluster that hosts level 4 alone.",
    evaluate: (context) => {
      const namespaces = viewArtifact(context.stacks).namespaces;
      return namespaces
        .filter((ns) => ns.level === 4)
        .map((ns) => {
          const neighbours = namespaces.filter((other) => other.cluster === ns.cluster && other.level !== 4);
          return {
            target: ns.target,
            level: 4 as const,
            met: neighbours.length === 0,
            message: neighbours.length === 0 ? `cluster ${ns.cluster} hosts level 4 only` : `cluster ${ns.cluster} also hosts ${neighbours.map((n) => n.namespace).join(", ")}`,
            evidence: [ref(ns.resource)],
          };
        });
    },
  },
  {
    id: "MLPS-CLD-02",
    title: "Tenants are isolated: own namespace, quota, limits, default deny",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.cloudAccessControl,
    severity: "error",
    remedy: "Keep each environment in its own namespace with the platform's quota, limit range and default deny.",
    evaluate: (context) =>
      ["configure-namespace-resource-quotas", "configure-namespace-object-limits", "default-deny-network-connections-across-tenants", "block-access-to-other-tenant-resources"].flatMap(
        (key) => fromTenancyCheck(context, key),
      ),
  },
  {
    id: "MLPS-CLD-03",
    title: "Level 3–4 workloads run on their level's dedicated, tainted node pool",
    levels: [3, 4],
    requirement: REQUIREMENTS.networkArchitecture,
    severity: "error",
    remedy: "Declare a dedicated node pool for the level on the cluster; the templates then select and tolerate it.",
    evaluate: (context) =>
      viewArtifact(context.stacks)
        .workloads.filter((w) => w.namespace.level >= 3)
        .map((w) => {
          const selector = (w.template.spec.nodeSelector ?? {}) as Record<string, string>;
          const tolerations = (w.template.spec.tolerations ?? []) as Array<{ key?: string; effect?: string }>;
          const pool = selector["govcloud/node-pool"];
          const met = pool !== undefined && tolerations.some((t) => t.key === "govcloud/dedicated" && t.effect === "NoSchedule");
          return { target: w.target, level: w.namespace.level, met, message: met ? `pinned to node pool ${pool}` : "not pinned to a dedicated node pool", evidence: [ref(w.template.resource)] };
        }),
  },
];
