import { formatFieldPath } from "../../../config/declaration/problem";
import type { IsoDate } from "../../../config/model/calendar";
import type { PlatformModel } from "../../../config/model/platform-model";
import type { ArtifactResource, ArtifactStack } from "../../export/read-artifact";
import { compareText } from "../../export/read-artifact";
import type { KubernetesObject } from "../../export/kubernetes-object";
import { platformPeers } from "../../flows/platform-peers";
import { CONTROLLER_POD_LABELS, exceedsController, hasTemplateLabels, templateLabels, type PlacedObject } from "../live-resources";
import { describe, identity } from "../read-snapshot";
import { snapshotKind } from "../snapshot-kinds";
import { compareFields } from "./compare-fields";
import { differentFieldImpact, extraObjectImpact, missingObjectImpact, privilegesOf, type Impact } from "./isolation-impact";

export type DriftKind = "present-not-declared" | "declared-missing" | "declared-different" | "expired-sharing";

/** One way a cluster differs from the artifact, named by object and field, with the Terraform resource it belongs to. */
export interface DriftFinding {
  readonly cluster: string;
  readonly kind: DriftKind;
  readonly objectKind: string;
  /** Absent for cluster-scoped objects. */
  readonly namespace?: string;
  readonly name: string;
  readonly field?: string;
  /** The declared and the running value, as JSON, where a field differs. */
  readonly declared?: string;
  readonly live?: string;
  /** The Terraform resource (`stack: address`) the object is, or belongs to; absent when Terraform made none. */
  readonly terraform?: string;
  readonly weakensIsolation: boolean;
  readonly reason: string;
  /** From the namespace's platform labels: whose it is and which zone. */
  readonly department: string;
  readonly zone: string;
}

export interface DriftReport {
  /** In cluster, namespace, kind, name, field order. */
  readonly findings: readonly DriftFinding[];
  /** Whether any finding weakens isolation: the live audit then fails. */
  readonly weakensIsolation: boolean;
}

const KIND_LABELS: Readonly<Record<DriftKind, string>> = {
  "present-not-declared": "present, not declared",
  "declared-missing": "declared, missing",
  "declared-different": "declared, different",
  "expired-sharing": "expired agreement, policy still present",
};

/** `shared-hz: present, not declared: NetworkPolicy health-prod/allow-all: <reason> (not made by Terraform); weakens isolation` */
export function formatDrift(f: DriftFinding): string {
  const object = `${f.objectKind} ${f.namespace !== undefined ? `${f.namespace}/` : ""}${f.name}`;
  const values = f.declared !== undefined || f.live !== undefined ? ` (declared ${f.declared ?? "nothing"}, running ${f.live ?? "nothing"})` : "";
  return `${f.cluster}: ${KIND_LABELS[f.kind]}: ${object}${f.field ? ` ${f.field}` : ""}: ${f.reason}${values}; ${f.terraform ?? "not made by Terraform"}${f.weakensIsolation ? "; weakens isolation" : ""}`;
}

const SYSTEM_NAMESPACES = new Set(["default", "kube-system", "kube-public", "kube-node-lease"]);

/**
 * Drift per cluster: every governed object the snapshot holds that the artifact does not declare,
 * every declared object it lacks, every declared field that differs (server-filled fields and
 * defaults aside), pods whose labels left their controller's, and sharing policies of expired
 * agreements. Namespaces the platform does not govern (kube-system, an operator's own tools) and
 * the cluster's built-in objects are not drift.
 */
export function findDrift(
  placed: readonly PlacedObject[],
  artifact: readonly ArtifactStack[],
  model: PlatformModel,
  governs: (cluster: string, namespace: string) => boolean,
  today: IsoDate,
): DriftReport {
  const clusters = new Set(model.clusters.map((c) => c.name));
  const namespaceLabels = new Map<string, Readonly<Record<string, string>>>();
  for (const resource of artifact.flatMap((s) => s.resources)) {
    if (resource.object.kind === "Namespace") namespaceLabels.set(`${resource.cluster}/${resource.object.metadata.name}`, resource.object.metadata.labels ?? {});
  }
  const where = (cluster: string, namespace: string | undefined) => {
    const labels = namespace !== undefined ? namespaceLabels.get(`${cluster}/${namespace}`) ?? {} : {};
    return { department: labels["govcloud/department"] ?? "platform", zone: labels["govcloud/zone"] ?? (namespace === undefined ? "cluster" : namespace) };
  };
  const finding = (cluster: string, kind: DriftKind, object: KubernetesObject, namespaced: boolean, impact: Impact, extra: Partial<DriftFinding> = {}): DriftFinding => ({
    cluster,
    kind,
    objectKind: object.kind,
    ...(namespaced ? { namespace: object.metadata.namespace } : {}),
    name: String(object.metadata.name),
    weakensIsolation: impact.weakens,
    reason: impact.reason,
    ...where(cluster, namespaced ? object.metadata.namespace : undefined),
    ...extra,
  });

  const declared = new Map<string, ArtifactResource>();
  for (const resource of artifact.flatMap((s) => s.resources)) if (clusters.has(resource.cluster)) declared.set(identity(resource), resource);
  const seen = new Set<string>();
  const findings: DriftFinding[] = [];
  const peers = platformPeers(model);

  for (const p of placed) {
    const { object, cluster, namespaced } = p.live;
    const namespace = namespaced ? object.metadata.namespace ?? "" : undefined;
    if (p.declared) seen.add(identity(p.live));
    if (namespace !== undefined && !governs(cluster, namespace)) continue;

    const expiry = object.kind === "NetworkPolicy" ? object.metadata.annotations?.["govcloud/expires"] : undefined;
    if (expiry !== undefined && expiry < today) {
      const approval = object.metadata.annotations?.["govcloud/approval"] ?? "without an approval";
      findings.push(finding(cluster, "expired-sharing", object, namespaced, { weakens: true, reason: `the sharing agreement ${approval} expired on ${expiry}; its policy still opens the flow` }, p.declared ? { terraform: ref(p.declared) } : {}));
      continue;
    }
    if (p.controller) {
      if (exceedsController(p)) {
        const owner = declared.get(identity(p.controller));
        findings.push(
          finding(cluster, "declared-different", object, namespaced, {
            weakens: true,
            reason: `a privileged pod its controller ${describe(p.controller)} does not make: ${privilegesOf(object).join("; ")}`,
          }, { field: "spec", ...(owner ? { terraform: ref(owner) } : {}) }),
        );
      }
      if (object.kind === "Pod" && !hasTemplateLabels(object, p.controller.object)) {
        const owner = declared.get(identity(p.controller));
        findings.push(
          finding(cluster, "declared-different", object, namespaced, {
            weakens: true,
            reason: `its labels are not the pod template's of ${describe(p.controller)} (${labelChanges(object, p.controller.object)}): NetworkPolicies select it apart from its controller's other pods`,
          }, { field: "metadata.labels", ...(owner ? { terraform: ref(owner) } : {}) }),
        );
      }
      continue;
    }
    if (p.declared) {
      for (const difference of compareFields(object.kind, p.declared.object, object)) {
        const display = formatFieldPath(difference.path);
        findings.push(
          finding(cluster, "declared-different", object, namespaced, differentFieldImpact(object.kind, difference.path, display), {
            field: display,
            ...(difference.declared !== undefined ? { declared: shown(difference.declared) } : {}),
            ...(difference.live !== undefined ? { live: shown(difference.live) } : {}),
            terraform: ref(p.declared),
          }),
        );
      }
      continue;
    }
    if (isClusterOwn(object, namespaced) || isPlatformComponent(object, namespace, peers)) continue;
    findings.push(finding(cluster, "present-not-declared", object, namespaced, extraObjectImpact(object)));
  }

  const snapshotClusters = new Set(placed.map((p) => p.live.cluster));
  for (const [key, resource] of declared) {
    if (seen.has(key) || !snapshotClusters.has(resource.cluster)) continue;
    // A kind the snapshot does not capture (the Cluster API objects a management cluster holds)
    // is absent from every snapshot: its absence says nothing.
    if (!snapshotKind(resource.object.apiVersion, resource.object.kind)) continue;
    findings.push(finding(resource.cluster, "declared-missing", resource.object, resource.namespaced, missingObjectImpact(resource.object), { terraform: ref(resource) }));
  }
  findings.sort(
    (a, b) =>
      compareText(a.cluster, b.cluster) ||
      compareText(a.namespace ?? "", b.namespace ?? "") ||
      compareText(a.objectKind, b.objectKind) ||
      compareText(a.name, b.name) ||
      compareText(a.field ?? "", b.field ?? ""),
  );
  return { findings, weakensIsolation: findings.some((f) => f.weakensIsolation) };
}

function ref(resource: ArtifactResource): string {
  return `${resource.stack}: ${resource.address}`;
}

/** A value for a message: JSON, cut at 120 characters. */
function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function labelChanges(pod: KubernetesObject, controller: KubernetesObject): string {
  const own = pod.metadata.labels ?? {};
  const expected = templateLabels(controller);
  const changes: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    if (own[key] === undefined) changes.push(`${key} removed`);
    else if (own[key] !== value) changes.push(`${key} is ${JSON.stringify(own[key])}, not ${JSON.stringify(value)}`);
  }
  for (const [key, value] of Object.entries(own)) if (expected[key] === undefined && !CONTROLLER_POD_LABELS.has(key)) changes.push(`${key}=${JSON.stringify(value)} added`);
  return changes.join(", ");
}

/** What every cluster holds by itself: system namespaces, built-in roles and bindings, default service accounts. */
function isClusterOwn(object: KubernetesObject, namespaced: boolean): boolean {
  const name = String(object.metadata.name);
  if (object.kind === "Namespace") return SYSTEM_NAMESPACES.has(name);
  if (object.kind === "ServiceAccount" && name === "default") return true;
  if (namespaced) return false;
  if (object.metadata.labels?.["kubernetes.io/bootstrapping"] === "rbac-defaults") return true;
  if (object.kind === "PriorityClass") return name === "system-cluster-critical" || name === "system-node-critical";
  return (object.kind.startsWith("ClusterRole") && (name.startsWith("system:") || name.startsWith("kubeadm:")));
}

/** The platform's components (ingress controller, collectors, log intake) run where the declaration says, with its labels. */
function isPlatformComponent(object: KubernetesObject, namespace: string | undefined, peers: ReturnType<typeof platformPeers>): boolean {
  if (namespace === undefined) return false;
  const labels = object.kind === "Pod" ? object.metadata.labels ?? {} : templateLabels(object);
  return peers.some((peer) => peer.namespace === namespace && Object.keys(peer.labels).length > 0 && Object.entries(peer.labels).every(([k, v]) => labels[k] === v));
}
