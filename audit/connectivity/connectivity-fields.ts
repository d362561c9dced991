import { isRecord } from "./manifest-object";
import { ANALYZED_KINDS } from "./read-manifests";

/**
 * Which fields of an object a shape keeps: `true` keeps the value whole, an object keeps those
 * keys (each by its own shape), a one-element array applies its shape to every item of a list.
 */
type Shape = true | { readonly [key: string]: Shape } | readonly [Shape];

const POD_SPEC: Shape = { containers: [{ ports: true }] };
const POD_TEMPLATE: Shape = { metadata: { labels: true }, spec: POD_SPEC };
const CONTROLLER: Shape = { apiVersion: true, kind: true, metadata: { name: true, namespace: true }, spec: { template: POD_TEMPLATE } };

/**
 * What the analyzer reads of each kind it analyzes (see `workload-peers.ts`, `policy-model.ts`):
 * a Namespace's name and labels, a workload's identity, owner and pod template labels and
 * container ports, a NetworkPolicy's identity and spec (not its annotations: a flow's purpose).
 */
const SHAPES: Readonly<Record<string, Shape>> = {
  Namespace: { apiVersion: true, kind: true, metadata: { name: true, labels: true } },
  NetworkPolicy: { apiVersion: true, kind: true, metadata: { name: true, namespace: true }, spec: true },
  Pod: { apiVersion: true, kind: true, metadata: { name: true, namespace: true, labels: true, ownerReferences: true }, spec: POD_SPEC },
  Deployment: CONTROLLER,
  ReplicaSet: CONTROLLER,
  StatefulSet: CONTROLLER,
  DaemonSet: CONTROLLER,
  ReplicationController: CONTROLLER,
  Job: CONTROLLER,
  CronJob: { apiVersion: true, kind: true, metadata: { name: true, namespace: true }, spec: { jobTemplate: { spec: { template: POD_TEMPLATE } } } },
};

/**
 * The part of an object connectivity depends on, or undefined for a kind it does not depend on.
 * The connectivity proof runs on these parts only, so that what it is computed from is exactly
 * what a kept proof is recalled by: an image or a resource limit changed leaves them the same.
 * A list is kept whole: its items are analyzed objects of their own.
 */
export function connectivityFields(object: unknown): unknown {
  if (!isRecord(object) || typeof object.kind !== "string") return undefined;
  if (object.kind.endsWith("List")) return object;
  const shape = SHAPES[object.kind];
  return shape === undefined ? undefined : pick(object, shape);
}

// Every kind the analyzer reads has a shape, or its fields would be lost.
for (const kind of ANALYZED_KINDS) if (SHAPES[kind] === undefined) throw new Error(`connectivityFields: no shape for ${kind}`);

/** `value` with only the fields `shape` keeps; a value not of the shape's form is kept as it is, malformed as it came. */
function pick(value: unknown, shape: Shape): unknown {
  if (shape === true) return value;
  if (Array.isArray(shape)) return Array.isArray(value) ? value.map((item) => pick(item, shape[0])) : value;
  if (!isRecord(value)) return value;
  const picked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(shape)) if (Object.hasOwn(value, key)) picked[key] = pick(value[key], inner);
  return picked;
}
