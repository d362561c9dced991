import type { Level } from "../../../config/schema/common";
import { isRecord } from "../../export/kubernetes-object";
import { ref } from "../artifact-view";
import { viewControlPlanes, type ControlPlaneView } from "../control-plane-view";
import type { MlpsRule, RuleContext, RuleOutcome } from "../mlps-rule";
import { REQUIREMENTS } from "../requirements";

/**
 * The platform's own control planes, read from the Cluster API objects of the artifact. A
 * registered cluster's control plane is not in the artifact: those outcomes are "not provable",
 * for the assessor to check on the cluster by hand.
 */

/** Admission plugins the platform's guarantees rest on: quotas and limits, Pod Security, its admission policies, node integrity. */
export const RELIED_ON_ADMISSION_PLUGINS = ["LimitRanger", "NodeRestriction", "PodSecurity", "ResourceQuota", "ValidatingAdmissionPolicy"];
/** Endpoints anonymous requests may reach: the kubelet's probes of the API server call them without credentials. */
const HEALTH_PATHS = new Set(["/healthz", "/livez", "/readyz"]);

type Verdict = { met: boolean; message: string };

/** One outcome per cluster and level it hosts: the same verdict, counted under each level's control row. */
function perCluster(rule: { levels: readonly Level[] }, context: RuleContext, decide: (view: ControlPlaneView) => Verdict): RuleOutcome[] {
  const views = new Map(viewControlPlanes(context.stacks).map((v) => [v.cluster, v]));
  return context.model.clusters.flatMap((cluster) => {
    const view = views.get(cluster.name);
    const verdict: Verdict & { provable?: false } = view
      ? decide(view)
      : cluster.provisioning.kind === "registered"
        ? { met: false, provable: false, message: "registered cluster: its control plane is not in the artifact; check the API server's settings on the cluster" }
        : context.clusterApiObjects === false
          ? {
              met: false,
              provable: false,
              message: `the live snapshot holds no Cluster API objects: check the KubeadmControlPlane of ${cluster.name} on ${cluster.provisioning.management} (namespace ${cluster.provisioning.namespace}) by hand`,
            }
          : { met: false, message: `no Cluster and KubeadmControlPlane for ${cluster.name} in the artifact` };
    return cluster.levels
      .filter((level) => rule.levels.includes(level))
      .map((level) => ({ target: `cluster/${cluster.name}`, level, ...verdict, evidence: view ? [ref(view.resource)] : [] }));
  });
}

function inlineFile(view: ControlPlaneView, path: string | undefined): Record<string, unknown> | undefined {
  const file = path === undefined ? undefined : view.files.get(path);
  return file && "content" in file && isRecord(file.content) ? file.content : undefined;
}

function mounted(view: ControlPlaneView, path: string): boolean {
  return view.hostPaths.some((dir) => path === dir || path.startsWith(`${dir}/`));
}

export function auditLogVerdict(view: ControlPlaneView, retentionDays: number): Verdict {
  const policyPath = view.apiServerArgs.get("audit-policy-file");
  const policy = inlineFile(view, policyPath);
  const logPath = view.apiServerArgs.get("audit-log-path");
  const maxAge = Number(view.apiServerArgs.get("audit-log-maxage") ?? 0);
  const rules = Array.isArray(policy?.rules) ? (policy!.rules as unknown[]).filter(isRecord) : [];
  const catchAll = rules.find((r) => !r.resources && !r.nonResourceURLs && !r.verbs && !r.users && !r.userGroups && !r.namespaces);
  const problems = [
    policy?.apiVersion === "audit.k8s.io/v1" && policy.kind === "Policy" ? "" : "no audit policy (audit-policy-file naming an audit.k8s.io/v1 Policy written to the machines)",
    policy && (!catchAll || catchAll.level === "None") ? "the audit policy has no final rule recording every other request" : "",
    logPath && logPath !== "-" && mounted(view, logPath) ? "" : "no audit log file on a host volume (audit-log-path)",
    maxAge >= retentionDays ? "" : `audit-log-maxage ${maxAge || "unset"} is below logRetentionDays ${retentionDays}`,
  ].filter(Boolean);
  return problems.length === 0
    ? { met: true, message: `audit policy ${policyPath}, log ${logPath} kept ${maxAge} days` }
    : { met: false, message: problems.join("; ") };
}

export function secretsEncryptionVerdict(view: ControlPlaneView): Verdict {
  const path = view.apiServerArgs.get("encryption-provider-config");
  const file = path === undefined ? undefined : view.files.get(path);
  if (!path || !file) return { met: false, message: "Secrets are stored unencrypted in etcd: no encryption-provider-config written to the machines" };
  if (!mounted(view, path)) return { met: false, message: `encryption-provider-config ${path} is not on a volume of the API server` };
  if ("secret" in file) return { met: true, message: `EncryptionConfiguration from Secret ${file.secret.name} (key ${file.secret.key}); its key never enters the artifact` };
  const config = isRecord(file.content) ? file.content : {};
  const forSecrets = (Array.isArray(config.resources) ? config.resources : []).filter(isRecord).find((r) => Array.isArray(r.resources) && r.resources.includes("secrets"));
  const first = Array.isArray(forSecrets?.providers) && isRecord(forSecrets!.providers[0]) ? Object.keys(forSecrets!.providers[0])[0] : undefined;
  return first && first !== "identity"
    ? { met: true, message: `Secrets written with the ${first} provider` }
    : { met: false, message: `the EncryptionConfiguration writes Secrets with ${first ?? "no provider"}, which stores them in plain text` };
}

export function anonymousAccessVerdict(view: ControlPlaneView): Verdict {
  if (view.apiServerArgs.get("anonymous-auth") === "false") return { met: true, message: "anonymous-auth=false" };
  const config = inlineFile(view, view.apiServerArgs.get("authentication-config"));
  const anonymous = isRecord(config?.anonymous) ? config!.anonymous : undefined;
  if (anonymous?.enabled === false) return { met: true, message: "anonymous authentication disabled" };
  const paths = Array.isArray(anonymous?.conditions) ? (anonymous!.conditions as unknown[]).filter(isRecord).map((c) => String(c.path)) : [];
  if (anonymous?.enabled === true && paths.length > 0 && paths.every((p) => HEALTH_PATHS.has(p))) {
    return { met: true, message: `anonymous requests reach ${paths.join(", ")} only` };
  }
  return { met: false, message: "the API server accepts anonymous requests (set anonymous-auth=false or limit anonymous to the health endpoints)" };
}

export function admissionPluginsVerdict(view: ControlPlaneView): Verdict {
  const enabled = new Set((view.apiServerArgs.get("enable-admission-plugins") ?? "").split(",").filter(Boolean));
  const disabled = new Set((view.apiServerArgs.get("disable-admission-plugins") ?? "").split(",").filter(Boolean));
  const missing = RELIED_ON_ADMISSION_PLUGINS.filter((plugin) => !enabled.has(plugin) || disabled.has(plugin));
  return missing.length === 0
    ? { met: true, message: `enabled: ${RELIED_ON_ADMISSION_PLUGINS.join(", ")}` }
    : { met: false, message: `admission plugins not enabled explicitly: ${missing.join(", ")}` };
}

export const CONTROL_PLANE_RULES: readonly MlpsRule[] = [
  {
    id: "MLPS-CPL-01",
    title: "The API server records an audit log, kept as long as the platform keeps logs",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.computingAudit,
    severity: "error",
    remedy: "Provision the cluster with govcloud (its control plane gets the audit policy and audit-log-maxage = logRetentionDays).",
    evaluate(context) {
      return perCluster(this, context, (view) => auditLogVerdict(view, context.model.logRetentionDays));
    },
  },
  {
    id: "MLPS-CPL-02",
    title: "Secrets are encrypted at rest in etcd",
    levels: [3, 4],
    requirement: REQUIREMENTS.dataConfidentiality,
    severity: "error",
    remedy: "Give the control plane an EncryptionConfiguration (secretsEncryption in platform.yaml: a key in a Secret, or a KMS plugin).",
    evaluate(context) {
      return perCluster(this, context, secretsEncryptionVerdict);
    },
  },
  {
    id: "MLPS-CPL-03",
    title: "The API server refuses anonymous requests outside its health endpoints",
    levels: [1, 2, 3, 4],
    requirement: REQUIREMENTS.computingAuthentication,
    severity: "error",
    remedy: "Provision the cluster with govcloud (its API server limits anonymous access to /healthz, /livez and /readyz).",
    evaluate(context) {
      return perCluster(this, context, anonymousAccessVerdict);
    },
  },
  {
    id: "MLPS-CPL-04",
    title: "The admission plugins the platform relies on are enabled",
    levels: [2, 3, 4],
    requirement: REQUIREMENTS.computingAccessControl,
    severity: "error",
    remedy: `Enable ${RELIED_ON_ADMISSION_PLUGINS.join(", ")} on the API server (govcloud's provisioned control planes do).`,
    evaluate(context) {
      return perCluster(this, context, admissionPluginsVerdict);
    },
  },
];
