import { ManifestProblem } from "./connectivity-input-error";
import { Labels, readLabels } from "./label-selector";
import { FieldPath, ManifestObject, fieldAt, fieldProblem, isRecord, nameOf, namespaceOf, placeOf } from "./manifest-object";
import { PROTOCOLS, Protocol } from "./port-set";

/** A port a container declares; named ones are what named ports in policies resolve against. */
export interface ContainerPort {
  readonly name?: string;
  readonly port: number;
  readonly protocol: Protocol;
}

/**
 * A workload as the connectivity report names it: a controller object (Deployment, DaemonSet, …),
 * the controller that owns a set of Pods, or a bare Pod.
 */
export interface Workload {
  readonly namespace: string;
  readonly name: string;
  readonly kind: string;
  /** The labels of its pods (of the first pod, when pods of one owner differ). */
  readonly labels: Labels;
  readonly containerPorts: readonly ContainerPort[];
  /** Every distinct label set among its pods; more than one only for pods of one owner that differ. */
  readonly podLabelSets: readonly Labels[];
  /** The object it was first seen in, to point problems at. */
  readonly manifest: ManifestObject;
}

/** Where each controller kind keeps its pod template. */
const POD_TEMPLATE_PATHS: Readonly<Record<string, FieldPath>> = {
  Deployment: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  Job: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"],
};

/**
 * Groups Pods by their controlling owner and adds the controller objects, one workload per
 * namespace/kind/name. Two objects of one kind, namespace and name are reported, as they cannot
 * both exist in a cluster.
 */
export function collectWorkloads(manifests: readonly ManifestObject[], problems: ManifestProblem[]): Workload[] {
  const byIdentity = new Map<string, { workload: Workload; labelSets: Map<string, Labels> }>();
  const seenObjects = new Map<string, ManifestObject>();
  for (const manifest of manifests) {
    const templatePath = manifest.kind === "Pod" ? [] : POD_TEMPLATE_PATHS[manifest.kind];
    if (templatePath === undefined) continue;
    const objectName = nameOf(manifest);
    if (objectName === undefined) {
      problems.push(fieldProblem(manifest, ["metadata", "name"], "is required"));
      continue;
    }
    const namespace = namespaceOf(manifest);
    const objectIdentity = `${manifest.kind} ${namespace}/${objectName}`;
    const first = seenObjects.get(objectIdentity);
    if (first !== undefined) {
      problems.push(fieldProblem(manifest, ["metadata", "name"], `${objectIdentity} is also defined at ${placeOf(first, manifest)}`));
      continue;
    }
    seenObjects.set(objectIdentity, manifest);
    const owner = manifest.kind === "Pod" ? controllingOwner(manifest) : undefined;
    const name = owner?.name ?? objectName;
    const kind = owner?.kind ?? manifest.kind;
    const template = fieldAt(manifest.object, templatePath);
    const labels = readLabels(fieldAt(template, ["metadata", "labels"]));
    const identity = `${namespace}/${kind}/${name}`;
    const existing = byIdentity.get(identity);
    if (existing === undefined) {
      const labelSets = new Map([[labelKey(labels), labels]]);
      const workload = { namespace, name, kind, labels, containerPorts: readContainerPorts(template), podLabelSets: [], manifest };
      byIdentity.set(identity, { workload, labelSets });
    } else {
      existing.labelSets.set(labelKey(labels), labels);
    }
  }
  return [...byIdentity.values()].map(({ workload, labelSets }) => ({ ...workload, podLabelSets: [...labelSets.values()] }));
}

/**
 * The controller a Pod belongs to. A Pod owned by a Node (a static pod's mirror) or by nothing is
 * its own workload; an owner reference without a kind is named as a Pod.
 */
function controllingOwner(pod: ManifestObject): { name: string; kind: string } | undefined {
  const owners = fieldAt(pod.object, ["metadata", "ownerReferences"]);
  if (!Array.isArray(owners)) return undefined;
  const controller = owners.find((owner) => isRecord(owner) && owner.controller === true);
  if (!isRecord(controller) || typeof controller.name !== "string" || controller.kind === "Node") return undefined;
  return { name: controller.name, kind: typeof controller.kind === "string" ? controller.kind : "Pod" };
}

function readContainerPorts(podTemplate: unknown): ContainerPort[] {
  const containers = fieldAt(podTemplate, ["spec", "containers"]);
  if (!Array.isArray(containers)) return [];
  const ports: ContainerPort[] = [];
  for (const container of containers) {
    const declared = fieldAt(container, ["ports"]);
    if (!Array.isArray(declared)) continue;
    for (const entry of declared) {
      if (!isRecord(entry) || typeof entry.containerPort !== "number") continue;
      const protocol = typeof entry.protocol === "string" ? entry.protocol : "TCP";
      if (!(PROTOCOLS as readonly string[]).includes(protocol)) continue;
      const name = typeof entry.name === "string" && entry.name !== "" ? entry.name : undefined;
      ports.push({ name, port: entry.containerPort, protocol: protocol as Protocol });
    }
  }
  return ports;
}

/** A canonical text form of a label set, for grouping (keys sorted). */
export function labelKey(labels: Labels): string {
  return JSON.stringify(Object.keys(labels).sort().map((key) => [key, labels[key]]));
}

/**
 * Every namespace's labels: the declared ones, plus the namespaces that workloads and policies
 * only reference. Each carries `kubernetes.io/metadata.name`, which Kubernetes sets on all of them.
 */
export function collectNamespaces(manifests: readonly ManifestObject[], referenced: Iterable<string>): Map<string, Labels> {
  const namespaces = new Map<string, Labels>();
  for (const manifest of manifests) {
    const name = manifest.kind === "Namespace" ? nameOf(manifest) : undefined;
    if (name === undefined) continue;
    namespaces.set(name, { ...readLabels(fieldAt(manifest.object, ["metadata", "labels"])), "kubernetes.io/metadata.name": name });
  }
  for (const name of referenced) {
    if (!namespaces.has(name)) namespaces.set(name, { "kubernetes.io/metadata.name": name });
  }
  return namespaces;
}
