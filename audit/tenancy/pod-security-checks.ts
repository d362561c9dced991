import type { CheckEvidence, CheckFinding } from "../rbac";
import { decidedCheck, findingAt, plural, resourceRef } from "../rbac";
import type { AdmissionGuards } from "./admission-guards";
import { asMtbCheck, MTB, type MtbEntry, type TenancyCheck } from "./mtb-catalog";
import { field, type Fields, type PodTemplate, records } from "./pod-templates";
import { namespaceFinding, PSA_ENFORCE_LABEL, type TenantNamespace } from "./tenant-namespaces";

type PsaProfile = "privileged" | "baseline" | "restricted";
const PSA_RANK: Readonly<Record<PsaProfile, number>> = { privileged: 0, baseline: 1, restricted: 2 };

interface Violation {
  readonly field: string;
  readonly message: string;
}

/**
 * A pod-level MTB check, decided on two layers. The artifact's own pods must comply; and
 * because tenants may create pods themselves (their roles allow it), every tenant namespace
 * must refuse non-compliant ones: through its Pod Security Admission profile when that profile
 * covers the rule, otherwise through a named ValidatingAdmissionPolicy that denies.
 */
interface PodRule {
  readonly entry: MtbEntry;
  /** The weakest PSA profile that refuses violations; none when no profile does. */
  readonly psa?: PsaProfile;
  /** What the PSA profile (or its absence) leaves open, for the finding. */
  readonly gap: string;
  /** The ValidatingAdmissionPolicy that guards the rule where PSA does not. */
  readonly policy: string;
  readonly violations: (pod: PodTemplate) => Violation[];
  /** What compliant pods show, for the evidence: `<count> <statement>`. */
  readonly proof: { readonly statement: string; readonly holds: (pod: PodTemplate, container: Fields) => boolean };
}

const securityContext = (container: Fields, key: string) => field(container, "securityContext", key);

const perContainer = (check: (container: Fields, pod: PodTemplate) => Violation | undefined) => (pod: PodTemplate) =>
  pod.containers.flatMap(({ path, container }) => {
    const found = check(container, pod);
    return found ? [{ field: `${path}.${found.field}`, message: found.message }] : [];
  });

export const POD_RULES: readonly PodRule[] = [
  {
    entry: MTB.addCapabilities,
    // Baseline refuses every capability beyond the runtime's defaults; re-adding a default one grants nothing new.
    psa: "baseline",
    gap: "lets pods add capabilities",
    policy: "govcloud-no-added-capabilities",
    violations: perContainer((c) => {
      const added = field(c, "securityContext", "capabilities", "add");
      return Array.isArray(added) && added.length > 0 ? { field: "securityContext.capabilities.add", message: `adds capabilities ${added.join(", ")}` } : undefined;
    }),
    proof: { statement: "containers with securityContext.capabilities.drop=[ALL] and nothing added", holds: (_, c) => dropsAll(c) },
  },
  {
    entry: MTB.runAsNonRoot,
    psa: "restricted",
    gap: "does not require runAsNonRoot",
    policy: "govcloud-run-as-non-root",
    violations: perContainer((c, pod) => {
      const user = securityContext(c, "runAsUser") ?? field(pod.spec, "securityContext", "runAsUser");
      if (user !== undefined && Number(user) === 0) return { field: "securityContext.runAsUser", message: "runs as user 0 (root)" };
      if ((securityContext(c, "runAsNonRoot") ?? field(pod.spec, "securityContext", "runAsNonRoot")) !== true) {
        return { field: "securityContext.runAsNonRoot", message: `is ${String(securityContext(c, "runAsNonRoot") ?? "not set")} and the pod's ${pod.path}.securityContext.runAsNonRoot is ${String(field(pod.spec, "securityContext", "runAsNonRoot") ?? "not set")}: the container may run as root` };
      }
      return undefined;
    }),
    proof: { statement: "containers with runAsNonRoot=true and a non-zero runAsUser (pod or container securityContext)", holds: (pod, c) => (securityContext(c, "runAsNonRoot") ?? field(pod.spec, "securityContext", "runAsNonRoot")) === true },
  },
  {
    entry: MTB.privileged,
    psa: "baseline",
    gap: "lets pods run privileged containers",
    policy: "govcloud-no-privileged-containers",
    violations: perContainer((c) => (securityContext(c, "privileged") === true ? { field: "securityContext.privileged", message: "is true" } : undefined)),
    proof: { statement: "containers with securityContext.privileged=false", holds: (_, c) => securityContext(c, "privileged") === false },
  },
  {
    entry: MTB.privilegeEscalation,
    psa: "restricted",
    gap: "does not require allowPrivilegeEscalation=false",
    policy: "govcloud-no-privilege-escalation",
    violations: perContainer((c) =>
      securityContext(c, "allowPrivilegeEscalation") !== false
        ? { field: "securityContext.allowPrivilegeEscalation", message: `is ${String(securityContext(c, "allowPrivilegeEscalation") ?? "not set (Kubernetes defaults to true)")}, not false` }
        : undefined,
    ),
    proof: { statement: "containers with securityContext.allowPrivilegeEscalation=false", holds: (_, c) => securityContext(c, "allowPrivilegeEscalation") === false },
  },
  {
    entry: MTB.hostPath,
    psa: "baseline",
    gap: "lets pods mount host paths",
    policy: "govcloud-no-host-path",
    violations: (pod) =>
      records(pod.spec.volumes).flatMap((volume, i) =>
        volume.hostPath !== undefined ? [{ field: `${pod.path}.volumes[${i}].hostPath`, message: `mounts host path ${String(field(volume, "hostPath", "path") ?? "")} as volume ${String(volume.name)}` }] : [],
      ),
    proof: { statement: "containers in pods without hostPath volumes", holds: (pod) => records(pod.spec.volumes).every((v) => v.hostPath === undefined) },
  },
  {
    entry: MTB.hostNetwork,
    psa: "baseline",
    gap: "lets pods use the host network or host ports",
    policy: "govcloud-no-host-network",
    violations: (pod) => [
      ...(pod.spec.hostNetwork === true ? [{ field: `${pod.path}.hostNetwork`, message: "is true" }] : []),
      ...pod.containers.flatMap(({ path, container }) =>
        records(container.ports).flatMap((port, j) =>
          port.hostPort !== undefined && Number(port.hostPort) !== 0 ? [{ field: `${path}.ports[${j}].hostPort`, message: `binds host port ${String(port.hostPort)}` }] : [],
        ),
      ),
    ],
    proof: { statement: "containers without hostNetwork or hostPort", holds: (pod, c) => pod.spec.hostNetwork !== true && records(c.ports).every((p) => p.hostPort === undefined || Number(p.hostPort) === 0) },
  },
  {
    entry: MTB.hostPid,
    psa: "baseline",
    gap: "lets pods share the host's PID namespace",
    policy: "govcloud-no-host-pid",
    violations: (pod) => (pod.spec.hostPID === true ? [{ field: `${pod.path}.hostPID`, message: "is true" }] : []),
    proof: { statement: "containers in pods without hostPID", holds: (pod) => pod.spec.hostPID !== true },
  },
  {
    entry: MTB.hostIpc,
    psa: "baseline",
    gap: "lets pods share the host's IPC namespace",
    policy: "govcloud-no-host-ipc",
    violations: (pod) => (pod.spec.hostIPC === true ? [{ field: `${pod.path}.hostIPC`, message: "is true" }] : []),
    proof: { statement: "containers in pods without hostIPC", holds: (pod) => pod.spec.hostIPC !== true },
  },
  {
    entry: MTB.imagePullPolicy,
    // No Pod Security profile speaks of pull policy; only a policy (or the API server's AlwaysPullImages plugin, outside the artifact) does.
    gap: "does not require imagePullPolicy Always (no Pod Security profile does)",
    policy: "govcloud-always-pull-images",
    violations: perContainer((c) => (c.imagePullPolicy !== "Always" ? { field: "imagePullPolicy", message: `is ${String(c.imagePullPolicy ?? "not set")}, not Always: a node's cached image could serve another tenant` } : undefined)),
    proof: { statement: "containers with imagePullPolicy=Always", holds: (_, c) => c.imagePullPolicy === "Always" },
  },
];

function dropsAll(container: Fields): boolean {
  const drop = field(container, "securityContext", "capabilities", "drop");
  const add = field(container, "securityContext", "capabilities", "add");
  return Array.isArray(drop) && drop.includes("ALL") && !(Array.isArray(add) && add.length > 0);
}

export function psaProfile(namespace: TenantNamespace): PsaProfile | undefined {
  const value = namespace.labels[PSA_ENFORCE_LABEL];
  return value === "privileged" || value === "baseline" || value === "restricted" ? value : undefined;
}

/** Every pod rule decided over the tenant pods and the tenant namespaces. */
export function podSecurityChecks(pods: readonly PodTemplate[], namespaces: readonly TenantNamespace[], guards: AdmissionGuards): TenancyCheck[] {
  const containers = pods.flatMap((pod) => pod.containers.map((c) => ({ pod, container: c.container })));
  return POD_RULES.map((rule) => {
    const findings: CheckFinding[] = pods.flatMap((pod) => rule.violations(pod).map((v) => findingAt(pod.resource, v.message, v.field)));
    const guardedBy = { psa: [] as TenantNamespace[], policy: new Set<string>() };
    for (const namespace of namespaces) {
      const profile = psaProfile(namespace);
      if (rule.psa && profile && PSA_RANK[profile] >= PSA_RANK[rule.psa]) {
        guardedBy.psa.push(namespace);
        continue;
      }
      const guard = guards.guarding(rule.policy, namespace);
      if (guard) {
        guardedBy.policy.add(resourceRef(guard.policy)).add(resourceRef(guard.binding));
        continue;
      }
      const psaState = profile ? `enforces Pod Security ${profile}, which ${rule.gap}` : `has no valid ${PSA_ENFORCE_LABEL} label (the cluster's default applies, which the artifact does not set)`;
      findings.push(
        namespaceFinding(
          namespace,
          `${psaState}, and no ValidatingAdmissionPolicy ${rule.policy} denies it here: a tenant's own pods are not held to "${rule.entry.title}"`,
          profile && rule.psa ? `metadata.labels["${PSA_ENFORCE_LABEL}"]` : undefined,
        ),
      );
    }
    const proven = containers.filter(({ pod, container }) => rule.proof.holds(pod, container));
    const evidence: CheckEvidence[] = [
      { statement: `${proven.length} of ${plural(containers.length, "container")} in ${plural(pods.length, "tenant pod template")}: ${rule.proof.statement}`, objects: [] },
      ...psaEvidence(guardedBy.psa, rule.psa),
      ...(guardedBy.policy.size > 0 ? [{ statement: `ValidatingAdmissionPolicy ${rule.policy} denies violations in the other tenant namespaces`, objects: [...guardedBy.policy].sort() }] : []),
    ];
    return asMtbCheck(rule.entry, decidedCheck(rule.entry.id, rule.entry.title, evidence, findings));
  });
}

function psaEvidence(namespaces: readonly TenantNamespace[], required: PsaProfile | undefined): CheckEvidence[] {
  if (!required || namespaces.length === 0) return [];
  const byProfile = new Map<string, TenantNamespace[]>();
  for (const namespace of namespaces) byProfile.set(psaProfile(namespace) ?? "", [...(byProfile.get(psaProfile(namespace) ?? "") ?? []), namespace]);
  return [...byProfile.entries()].sort().map(([profile, list]) => ({
    statement: `PSA enforce=${profile} on ${plural(list.length, "tenant namespace")} refuses violations (${required} or stricter required)`,
    objects: list.flatMap((n) => (n.resource ? [resourceRef(n.resource)] : [])),
  }));
}
