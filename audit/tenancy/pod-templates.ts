import type { ArtifactResource, ArtifactStack } from "../export";
import { isRecord } from "../export/kubernetes-object";

/** Where each workload kind keeps the pod it runs. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

export type Fields = Readonly<Record<string, unknown>>;

export interface ContainerOf {
  /** Path in the object, e.g. `spec.template.spec.containers[0]`. */
  readonly path: string;
  readonly container: Fields;
}

/** The pod a workload of the artifact runs, with every container (init and ephemeral too). */
export interface PodTemplate {
  readonly resource: ArtifactResource;
  readonly namespace: string;
  /** Path of the pod spec in the object. */
  readonly path: string;
  readonly spec: Fields;
  readonly containers: readonly ContainerOf[];
}

export function podTemplates(stacks: readonly ArtifactStack[]): PodTemplate[] {
  const templates: PodTemplate[] = [];
  for (const resource of stacks.flatMap((s) => s.resources)) {
    const path = POD_SPEC_PATHS[resource.object.kind];
    if (!path) continue;
    let spec: unknown = resource.object;
    for (const key of path) spec = isRecord(spec) ? spec[key] : undefined;
    if (!isRecord(spec)) continue;
    const at = path.join(".");
    const containers = CONTAINER_LISTS.flatMap((list) => records(spec[list]).map((container, i) => ({ path: `${at}.${list}[${i}]`, container })));
    templates.push({ resource, namespace: resource.object.metadata.namespace ?? "default", path: at, spec, containers });
  }
  return templates;
}

export function records(value: unknown): Fields[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function field(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = isRecord(current) ? current[key] : undefined;
  return current;
}
