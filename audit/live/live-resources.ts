import type { ArtifactResource, ArtifactStack } from "../export/read-artifact";
import { compareText } from "../export/read-artifact";
import { isRecord, type KubernetesObject } from "../export/kubernetes-object";
import { identity, type ClusterSnapshot, type LiveObject } from "./read-snapshot";
import { privilegesOf } from "./drift/isolation-impact";

/** How findings cite an object on the cluster that no Terraform resource made. */
export const NOT_IN_TERRAFORM = "not made by Terraform";

/** The stack name findings give an object that no stack of the artifact declares. */
export function liveStackName(cluster: string): string {
  return `live ${cluster}`;
}

/** Kinds whose objects run pods from a template. */
const CONTROLLER_KINDS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"]);

/** Labels controllers add to the pods they create; a pod carrying only these besides its template's is as declared. */
export const CONTROLLER_POD_LABELS: ReadonlySet<string> = new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-name",
  "controller-uid",
  "job-name",
]);

/** A live object placed: the Terraform resource it is, or none. */
export interface PlacedObject {
  readonly live: LiveObject;
  /** The artifact's resource for the same object on the same cluster, when Terraform made it. */
  readonly declared?: ArtifactResource;
  /** The object whose controller created it (a Deployment for its ReplicaSets and their Pods), when it is in the snapshot. */
  readonly controller?: LiveObject;
}

/**
 * What the checks read from a snapshot, in the artifact's own shape so every check of the audit
 * runs unchanged: `objects` for schemas, RBAC, tenancy and the MLPS pack (pods and ReplicaSets
 * their controllers made are represented by those controllers), `connectivity` for the proof
 * (the pods that really exist, with their real labels, named after their controller while their
 * labels are the controller's; controllers that run no pod at the moment stand for the pods
 * they will create).
 */
export interface LiveResources {
  readonly placed: readonly PlacedObject[];
  /** Every object of the snapshot, for the schema check. */
  readonly all: readonly ArtifactStack[];
  readonly objects: readonly ArtifactStack[];
  readonly connectivity: readonly ArtifactStack[];
}

/**
 * `governs(cluster, namespace)` says which namespaces are the platform's (tenants, gateway,
 * management): pods elsewhere (kube-system's DNS and proxies, an operator's own tools) are the
 * cluster's components, not held to tenant rules; every RBAC object counts wherever it is.
 */
export function placeLiveObjects(
  snapshots: readonly ClusterSnapshot[],
  artifact: readonly ArtifactStack[],
  governs: (cluster: string, namespace: string) => boolean,
): LiveResources {
  const declared = new Map<string, ArtifactResource>();
  for (const resource of artifact.flatMap((s) => s.resources)) declared.set(identity(resource), resource);
  const placed: PlacedObject[] = [];
  for (const snapshot of snapshots) {
    const byOwnerKey = new Map(snapshot.objects.map((o) => [ownerKey(o.object.kind, o.object.metadata.namespace, o.object.metadata.name), o]));
    for (const live of snapshot.objects) {
      const controller = topController(live, byOwnerKey);
      placed.push({ live, declared: declared.get(identity(live)), ...(controller ? { controller } : {}) });
    }
  }
  const withPods = new Set(placed.filter((p) => p.live.object.kind === "Pod" && p.controller).map((p) => identity(p.controller!)));
  const runsPods = (p: PlacedObject) => CONTROLLER_KINDS.has(p.live.object.kind) || p.live.object.kind === "Pod";
  // Owner references are written by whoever creates the pod: one more privileged than its controller's template is checked itself.
  const representedByController = (p: PlacedObject) => p.controller !== undefined && !exceedsController(p);
  const objects = placed.filter((p) => !representedByController(p) && !(runsPods(p) && !governs(p.live.cluster, p.live.object.metadata.namespace ?? "")));
  const connectivity = [
    ...placed.filter((p) => !CONTROLLER_KINDS.has(p.live.object.kind) && p.live.object.kind !== "Pod"),
    ...placed.filter((p) => p.live.object.kind === "Pod").map((p) => ({ ...p, live: { ...p.live, object: asConnectivityPod(p) } })),
    ...placed.filter((p) => CONTROLLER_KINDS.has(p.live.object.kind) && !p.controller && !withPods.has(identity(p.live))),
  ];
  return { placed, all: asStacks(placed), objects: asStacks(objects), connectivity: asStacks(connectivity) };
}

/** The object as the checks see it: managedFields are the server's bookkeeping, not the object. */
function resourceOf(p: PlacedObject): ArtifactResource {
  const { managedFields: _bookkeeping, ...metadata } = p.live.object.metadata;
  return {
    stack: p.declared?.stack ?? liveStackName(p.live.cluster),
    address: p.declared?.address ?? NOT_IN_TERRAFORM,
    cluster: p.live.cluster,
    namespaced: p.live.namespaced,
    object: withoutControllerBinding({ ...p.live.object, metadata }),
  };
}

/**
 * A claim the volume controller bound to the volume it provisioned names that volume in
 * `spec.volumeName`, as a claim made to take over an existing volume would; the controller's
 * annotation tells them apart, and only the second is the tenant's doing.
 */
function withoutControllerBinding(object: KubernetesObject): KubernetesObject {
  if (object.kind !== "PersistentVolumeClaim" || object.metadata.annotations?.["pv.kubernetes.io/bound-by-controller"] !== "yes") return object;
  const { volumeName: _bound, ...spec } = (object.spec ?? {}) as Record<string, unknown>;
  return { ...object, spec };
}

function asStacks(placed: readonly PlacedObject[]): ArtifactStack[] {
  const stacks = new Map<string, ArtifactResource[]>();
  for (const p of placed) {
    const resource = resourceOf(p);
    stacks.set(resource.stack, [...(stacks.get(resource.stack) ?? []), resource]);
  }
  return [...stacks.keys()].sort(compareText).map((name) => ({
    name,
    resources: stacks.get(name)!.sort((a, b) => compareText(a.address, b.address) || compareText(identity(a), identity(b))),
  }));
}

function ownerKey(kind: string, namespace: string | undefined, name: string | undefined): string {
  return `${kind}\u0000${namespace ?? ""}\u0000${name ?? ""}`;
}

/** The controlling owner reference of an object, when it has one. */
export function controllerReference(object: KubernetesObject): { kind: string; name: string } | undefined {
  const owners = object.metadata.ownerReferences;
  if (!Array.isArray(owners)) return undefined;
  const owner = owners.find((o) => isRecord(o) && o.controller === true);
  return isRecord(owner) && typeof owner.kind === "string" && typeof owner.name === "string" ? { kind: owner.kind, name: owner.name } : undefined;
}

/** The outermost controller in the snapshot that made this object (Deployment → ReplicaSet → Pod). */
function topController(live: LiveObject, byOwnerKey: ReadonlyMap<string, LiveObject>): LiveObject | undefined {
  let top: LiveObject | undefined;
  let current = live;
  for (let depth = 0; depth < 4; depth++) {
    const owner = controllerReference(current.object);
    const found = owner ? byOwnerKey.get(ownerKey(owner.kind, current.object.metadata.namespace, owner.name)) : undefined;
    if (!found || !CONTROLLER_KINDS.has(found.object.kind)) break;
    top = found;
    current = found;
  }
  return top;
}

/** The labels a controller's template gives its pods. */
export function templateLabels(controller: KubernetesObject): Readonly<Record<string, string>> {
  const spec = controller.spec as Record<string, any> | undefined;
  const template = controller.kind === "CronJob" ? spec?.jobTemplate?.spec?.template : spec?.template;
  return (template?.metadata?.labels ?? {}) as Record<string, string>;
}

/** Whether a pod's labels are its controller template's, besides the ones controllers add. */
export function hasTemplateLabels(pod: KubernetesObject, controller: KubernetesObject): boolean {
  const own = Object.entries(pod.metadata.labels ?? {}).filter(([key]) => !CONTROLLER_POD_LABELS.has(key));
  const expected = templateLabels(controller);
  return own.length === Object.keys(expected).length && own.every(([key, value]) => expected[key] === value);
}

/**
 * A pod as the connectivity proof names it: after its outermost controller (so the proof speaks of
 * `health-prod/records-api[Deployment]` as the plan's does) while its labels are that controller's;
 * a pod whose labels were changed is a workload of its own, under its own name.
 */
function asConnectivityPod(p: PlacedObject): KubernetesObject {
  const pod = p.live.object;
  const { ownerReferences: _owners, ...metadata } = pod.metadata;
  if (!p.controller || !hasTemplateLabels(pod, p.controller.object)) return { ...pod, metadata };
  const owner = { apiVersion: p.controller.object.apiVersion, kind: p.controller.object.kind, name: p.controller.object.metadata.name, controller: true };
  return { ...pod, metadata: { ...metadata, ownerReferences: [owner] } };
}

/** A pod that holds privileges (privileged, host namespaces, host paths, added capabilities, root) its controller's template does not give. */
export function exceedsController(p: PlacedObject): boolean {
  if (p.live.object.kind !== "Pod" || !p.controller) return false;
  const granted = new Set(privilegesOf(p.controller.object).map(withoutPath));
  return privilegesOf(p.live.object).some((privilege) => !granted.has(withoutPath(privilege)));
}

/** `spec.containers[0].securityContext.privileged is true` and `spec.template.spec.containers[0]…` name the same privilege. */
function withoutPath(privilege: string): string {
  return privilege.replace(/^spec\.(template\.spec\.|jobTemplate\.spec\.template\.spec\.)?/, "");
}
