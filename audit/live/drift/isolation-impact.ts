import type { FieldPath } from "../../../config/declaration/problem";
import type { KubernetesObject } from "../../export/kubernetes-object";
import { field, podTemplates, type Fields } from "../../tenancy/pod-templates";

/**
 * Which drift weakens isolation, and why in words: what it opens, grants or removes. The rest is
 * harmless drift (a warning): it changes how something runs, not who can reach or do what.
 */

const GUARD_KINDS = new Set(["ResourceQuota", "LimitRange", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"]);
const RBAC_KINDS = new Set(["Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding"]);

export interface Impact {
  readonly weakens: boolean;
  readonly reason: string;
}

/** A NetworkPolicy without a single rule only denies; one with rules allows what they say. */
export function allowsSomething(policy: KubernetesObject): boolean {
  const spec = (policy.spec ?? {}) as Fields;
  return [spec.ingress, spec.egress].some((rules) => Array.isArray(rules) && rules.length > 0);
}

function subjectsOf(binding: KubernetesObject): string {
  const subjects = Array.isArray(binding.subjects) ? (binding.subjects as Fields[]) : [];
  return subjects.map((s) => `${s.kind} ${s.namespace ? `${s.namespace}/` : ""}${s.name}`).join(", ") || "nobody";
}

/** What in a pod spec breaks out of a tenant's sandbox: privilege, host namespaces, host paths, added capabilities, root. */
export function privilegesOf(object: KubernetesObject): string[] {
  const found: string[] = [];
  for (const pod of podTemplates([{ name: "", resources: [{ stack: "", address: "", cluster: "", namespaced: true, object }] }])) {
    for (const key of ["hostNetwork", "hostPID", "hostIPC"]) if (pod.spec[key] === true) found.push(`${pod.path}.${key} is true`);
    const volumes = Array.isArray(pod.spec.volumes) ? (pod.spec.volumes as Fields[]) : [];
    for (const volume of volumes) if (volume.hostPath !== undefined) found.push(`volume ${String(volume.name)} mounts the host path ${String(field(volume, "hostPath", "path"))}`);
    for (const { path, container } of pod.containers) {
      if (field(container, "securityContext", "privileged") === true) found.push(`${path}.securityContext.privileged is true`);
      if (field(container, "securityContext", "allowPrivilegeEscalation") === true) found.push(`${path}.securityContext.allowPrivilegeEscalation is true`);
      const added = field(container, "securityContext", "capabilities", "add");
      if (Array.isArray(added) && added.length > 0) found.push(`${path} adds capabilities ${added.join(", ")}`);
      const user = field(container, "securityContext", "runAsUser") ?? field(pod.spec, "securityContext", "runAsUser");
      if (user === 0) found.push(`${path} runs as root (runAsUser 0)`);
    }
  }
  return found;
}

export function extraObjectImpact(object: KubernetesObject): Impact {
  switch (object.kind) {
    case "NetworkPolicy":
      return allowsSomething(object)
        ? { weakens: true, reason: "an allow policy no declared flow asks for: it opens connections the declaration does not" }
        : { weakens: false, reason: "a deny-only policy: it restricts more than declared" };
    case "RoleBinding":
    case "ClusterRoleBinding": {
      const ref = (object.roleRef ?? {}) as Fields;
      return { weakens: true, reason: `a binding nobody declared: grants ${String(ref.kind)} ${String(ref.name)} to ${subjectsOf(object)}` };
    }
    case "Service": {
      const type = field(object, "spec", "type");
      return type === "NodePort" || type === "LoadBalancer"
        ? { weakens: true, reason: `a ${String(type)} Service: it opens the workload outside the cluster, past the gateway` }
        : { weakens: false, reason: "a Service nobody declared" };
    }
    case "Ingress":
      return { weakens: true, reason: "an Ingress nobody declared: it exposes a service through the gateway" };
    default: {
      const privileges = privilegesOf(object);
      if (privileges.length > 0) return { weakens: true, reason: `a privileged workload: ${privileges.join("; ")}` };
      return { weakens: false, reason: `a ${object.kind} nobody declared` };
    }
  }
}

export function missingObjectImpact(object: KubernetesObject): Impact {
  if (object.kind === "NetworkPolicy") {
    return allowsSomething(object)
      ? { weakens: false, reason: "a declared allow policy is gone: the flow it opens is closed" }
      : { weakens: true, reason: "a declared deny policy is gone: what it denied is no longer denied" };
  }
  if (GUARD_KINDS.has(object.kind)) return { weakens: true, reason: `a declared ${object.kind} is gone: the limit it sets no longer holds` };
  return { weakens: false, reason: `the declared ${object.kind} is not on the cluster` };
}

/** Pod-spec fields that decide what a workload may do to its node and neighbours, or where it runs. */
const WORKLOAD_SENSITIVE = /(^|\.)(securityContext|hostNetwork|hostPID|hostIPC|volumes|serviceAccountName|automountServiceAccountToken|nodeSelector|tolerations|affinity|runtimeClassName)(\.|\[|$)/;

export function differentFieldImpact(kind: string, path: FieldPath, display: string): Impact {
  const top = String(path[0]);
  if (kind === "NetworkPolicy" && top === "spec") return { weakens: true, reason: "the policy's rules were changed on the cluster" };
  if (RBAC_KINDS.has(kind) && ["rules", "subjects", "roleRef", "aggregationRule"].includes(top)) return { weakens: true, reason: "the grant was changed on the cluster" };
  if (GUARD_KINDS.has(kind) && top === "spec") return { weakens: true, reason: `the ${kind} was changed on the cluster` };
  if (kind === "Namespace" && display.startsWith("metadata.labels")) return { weakens: true, reason: "a namespace label decides its zone, level and pod security" };
  if (kind === "Service" && (display.startsWith("spec.type") || display.startsWith("spec.externalIPs"))) return { weakens: true, reason: "the Service's exposure was changed on the cluster" };
  if (kind === "Ingress" && top === "spec") return { weakens: true, reason: "the exposure was changed on the cluster" };
  if (/template\.metadata\.labels/.test(display)) return { weakens: true, reason: "pod labels decide which NetworkPolicies select the pods" };
  if (WORKLOAD_SENSITIVE.test(display) && top === "spec") return { weakens: true, reason: "decides what the pods may do to their node and neighbours, or where they run" };
  return { weakens: false, reason: "changed on the cluster" };
}
