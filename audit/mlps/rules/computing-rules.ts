import { fromAllowedRegistry, isSha256Digest, parseImageReference } from "../../../config/model/image-reference";
import type { MlpsRule, RuleContext, RuleOutcome } from "../mlps-rule";
import { ref, viewArtifact, type WorkloadView } from "../artifact-view";
import { REQUIREMENTS } from "../requirements";
import { fromRbacCheck, fromTenancyCheck } from "./boundary-rules";

const ALL = [1, 2, 3, 4] as const;
const STORES = new Set(["postgres", "redis"]);

function perWorkload(context: RuleContext, levels: readonly number[], judge: (w: WorkloadView) => Omit<RuleOutcome, "target" | "level"> | undefined): RuleOutcome[] {
  return viewArtifact(context.stacks)
    .workloads.filter((w) => levels.includes(w.namespace.level))
    .flatMap((w) => {
      const outcome = judge(w);
      return outcome ? [{ target: w.target, level: w.namespace.level, ...outcome }] : [];
    });
}

const replicasOf = (w: WorkloadView) => Number((w.template.resource.object.spec as { replicas?: number }).replicas ?? 1);

/** Computing environment: pod security, hardening, least privilege, backups, redundancy, personal data, images. */
export const COMPUTING_RULES: readonly MlpsRule[] = [
  {
    id: "MLPS-CMP-01",
    title: "Pod Security Admission enforces restricted from level 3, baseline below",
    levels: ALL,
    requirement: REQUIREMENTS.intrusionPrevention,
    severity: "error",
    remedy: "Label the namespace pod-security.kubernetes.io/enforce with its level's profile (govcloud sets it; tenants cannot change namespaces).",
    evaluate: (context) =>
      viewArtifact(context.stacks).namespaces.map((ns) => {
        const wanted = ns.level >= 3 ? "restricted" : "baseline";
        const actual = ns.labels["pod-security.kubernetes.io/enforce"];
        const met = actual === wanted || (actual === "restricted" && wanted === "baseline");
        return { target: ns.target, level: ns.level, met, message: `enforce=${actual ?? "(none)"}, level ${ns.level} needs ${wanted}`, evidence: [ref(ns.resource)] };
      }),
  },
  {
    id: "MLPS-CMP-02",
    title: "Containers run hardened: non-root, no privilege, no escalation, no added capabilities",
    levels: ALL,
    requirement: REQUIREMENTS.intrusionPrevention,
    severity: "error",
    remedy: "Use the catalog templates; the admission policies refuse anything else applied by hand.",
    evaluate: (context) =>
      ["require-run-as-non-root-user", "block-privileged-containers", "block-privilege-escalation", "block-add-capabilities"].flatMap((key) =>
        fromTenancyCheck(context, key),
      ),
  },
  {
    id: "MLPS-CMP-03",
    title: "Least privilege and tenant isolation of roles",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.computingAccessControl,
    severity: "error",
    remedy: "Bind department groups only to the govcloud tenant roles in their own namespaces.",
    evaluate: (context) => ["rbac-department-scope", "rbac-tenant-role-limits"].map((id) => fromRbacCheck(context, id)),
  },
  {
    id: "MLPS-CMP-04",
    title: "Databases from level 3 have a scheduled backup",
    levels: [3, 4],
    requirement: REQUIREMENTS.backupRecovery,
    severity: "error",
    remedy: "Declare backup: { schedule, target } on the postgres service.",
    evaluate: (context) => {
      const backups = viewArtifact(context.stacks).workloads.filter((b) => b.component === "backup");
      return perWorkload(context, [3, 4], (w) => {
        if (w.component !== "postgres") return undefined;
        const backup = backups.find((b) => b.target === w.target && b.namespace.cluster === w.namespace.cluster);
        return backup
          ? { met: true, message: `backup job on schedule ${(backup.template.resource.object.spec as { schedule?: string }).schedule}`, evidence: [ref(backup.template.resource)] }
          : { met: false, message: `no backup job for ${w.service}`, evidence: [ref(w.template.resource)] };
      });
    },
  },
  {
    id: "MLPS-CMP-05",
    title: "Level 3–4 services are redundant: two replicas or more, a disruption budget, spread over nodes",
    levels: [3, 4],
    requirement: REQUIREMENTS.backupRecovery,
    severity: "error",
    remedy: "Run at least 2 replicas; the templates add the PodDisruptionBudget and the topology spread.",
    evaluate: (context) => {
      const budgets = viewArtifact(context.stacks).resources.filter((r) => r.object.kind === "PodDisruptionBudget");
      return perWorkload(context, [3, 4], (w) => {
        if (w.template.resource.object.kind === "CronJob") return undefined;
        const budget = budgets.find(
          (r) => r.cluster === w.template.resource.cluster && r.object.metadata.namespace === w.namespace.namespace && r.object.metadata.labels?.["govcloud/service"] === w.service,
        );
        const spread = ((w.template.spec.topologySpreadConstraints as unknown[]) ?? []).length > 0;
        const replicas = replicasOf(w);
        const met = replicas >= 2 && budget !== undefined && spread;
        return {
          met,
          message: `${replicas} replicas, ${budget ? "a" : "no"} disruption budget, ${spread ? "spread" : "no spread"} over nodes`,
          evidence: [ref(w.template.resource), ...(budget ? [ref(budget)] : [])],
        };
      });
    },
  },
  {
    id: "MLPS-CMP-06",
    title: "Level 3–4 data stores keep a hot standby",
    levels: [3, 4],
    requirement: REQUIREMENTS.backupRecovery,
    severity: "warning",
    remedy: "Configure streaming replication for the database (or an operator that does), or record an approved waiver.",
    evaluate: (context) =>
      perWorkload(context, [3, 4], (w) => {
        if (!STORES.has(w.component)) return undefined;
        const replicates = JSON.stringify(w.template.spec).includes("--replicaof");
        return replicates
          ? { met: true, message: "replicas follow the primary", evidence: [ref(w.template.resource)] }
          : { met: false, message: `${w.service} runs ${replicasOf(w)} replicas without replication: a failover loses the primary's data`, evidence: [ref(w.template.resource)] };
      }),
  },
  {
    id: "MLPS-PII-01",
    title: "Personal information lives only at the level its class requires",
    levels: ALL,
    requirement: REQUIREMENTS.personalInformation,
    severity: "error",
    remedy: "Raise the environment's level or reclassify the data.",
    evaluate: (context) =>
      perWorkload(context, ALL, (w) => {
        const dataClass = w.template.resource.object.metadata.labels?.["govcloud/data-class"] ?? "";
        const minimum = context.model.dataClasses[dataClass];
        if (minimum === undefined) return { met: false, message: `unknown data class "${dataClass}"`, evidence: [ref(w.template.resource)] };
        if (minimum < 3) return undefined;
        const met = w.namespace.level >= minimum;
        return { met, message: `'${dataClass}' data needs level ${minimum}; held at level ${w.namespace.level}`, evidence: [ref(w.template.resource), ref(w.namespace.resource)] };
      }),
  },
  {
    id: "MLPS-IMG-01",
    title: "Images come from the platform's registries, pinned by version",
    levels: ALL,
    requirement: REQUIREMENTS.cloudImages,
    severity: "error",
    remedy: "Use an image from an allowed registry with a version tag (never latest).",
    evaluate: (context) =>
      perWorkload(context, ALL, (w) => {
        const bad = w.template.containers
          .map((c) => String(c.container.image ?? ""))
          .filter((image) => {
            const ref = parseImageReference(image);
            return !fromAllowedRegistry(ref.repository, context.model.registries) || (ref.tag === undefined && ref.digest === undefined) || ref.tag === "latest";
          });
        return { met: bad.length === 0, message: bad.length === 0 ? "every image from an allowed registry, pinned" : `not allowed: ${bad.join(", ")}`, evidence: [ref(w.template.resource)] };
      }),
  },
  {
    id: "MLPS-IMG-02",
    title: "From level 3, images are pinned by digest",
    levels: [3, 4],
    requirement: REQUIREMENTS.cloudImages,
    severity: "error",
    remedy: "Pin every image by digest (…@sha256:<digest>).",
    evaluate: (context) =>
      perWorkload(context, [3, 4], (w) => {
        const loose = w.template.containers.map((c) => String(c.container.image ?? "")).filter((image) => !isSha256Digest(parseImageReference(image).digest));
        return { met: loose.length === 0, message: loose.length === 0 ? "every image pinned by digest" : `not pinned by digest: ${loose.join(", ")}`, evidence: [ref(w.template.resource)] };
      }),
  },
];
