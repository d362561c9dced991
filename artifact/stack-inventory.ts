import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CLUSTER_SCOPED, type StackRecord } from "../config/declaration/stateful-lock";

/** One Terraform resource of a synthesized stack: where Terraform will keep it. */
export interface InventoryObject {
  readonly address: string;
  /** The provider alias, i.e. the cluster. */
  readonly cluster: string;
  /** The namespace the object lives in (a namespace's own name for a namespace), or {@link CLUSTER_SCOPED}. */
  readonly namespace: string;
}

interface RawResource {
  provider?: unknown;
  metadata?: { name?: unknown; namespace?: unknown };
  manifest?: { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
}

const PROVIDER = /^kubernetes\.([A-Za-z0-9_-]+)$/;
const NAMESPACE_REFERENCE = /^\$\{kubernetes_namespace_v1\.([A-Za-z0-9_-]+)\.metadata\[0\]\.name\}$/;

/**
 * Every resource of one stack's `cdk.tf.json` with its cluster and namespace, read from the
 * Terraform JSON itself (not the converted objects): this is what Terraform will hold in the
 * stack's state once it applies it. A resource with no kubernetes provider alias is an error:
 * the record could not say which cluster holds it.
 */
export function stackInventory(stack: string, document: unknown): InventoryObject[] {
  const byType = ((document as { resource?: Record<string, Record<string, RawResource>> }).resource ?? {}) as Record<string, Record<string, RawResource>>;
  const namespaceNames = new Map(Object.entries(byType.kubernetes_namespace_v1 ?? {}).map(([name, r]) => [name, String(r.metadata?.name)]));
  const objects: InventoryObject[] = [];
  for (const [type, resources] of Object.entries(byType)) {
    for (const [name, resource] of Object.entries(resources)) {
      const address = `${type}.${name}`;
      const cluster = PROVIDER.exec(String(resource.provider ?? ""))?.[1];
      if (!cluster) throw new Error(`${stack}: ${address} names no kubernetes provider alias (kubernetes.<cluster>), so the record cannot say which cluster holds it`);
      objects.push({ address, cluster, namespace: namespaceOf(type, resource, namespaceNames) });
    }
  }
  return objects.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}

function namespaceOf(type: string, resource: RawResource, namespaceNames: ReadonlyMap<string, string>): string {
  if (type === "kubernetes_namespace_v1") return String(resource.metadata?.name);
  const metadata = type === "kubernetes_manifest" ? resource.manifest?.metadata : resource.metadata;
  const namespace = metadata?.namespace;
  if (typeof namespace !== "string" || namespace === "") return CLUSTER_SCOPED;
  const referenced = NAMESPACE_REFERENCE.exec(namespace)?.[1];
  return referenced !== undefined ? (namespaceNames.get(referenced) ?? namespace) : namespace;
}

/** The stack's `cdk.tf.json` under a synthesized output folder, or undefined when the stack is not there. */
export function readStackDocument(outdir: string, stack: string): unknown {
  const path = join(outdir, "stacks", stack, "cdk.tf.json");
  return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined;
}

/** Objects grouped as the record keeps them: cluster → namespace → addresses. */
export function toStackRecord(objects: readonly InventoryObject[]): StackRecord {
  const record: Record<string, Record<string, string[]>> = {};
  for (const { address, cluster, namespace } of objects) {
    ((record[cluster] ??= {})[namespace] ??= []).push(address);
  }
  return record;
}

/** Every object of each named stack under `outdir`, as Terraform will hold it, for the record. */
export function readInventories(outdir: string, stacks: readonly string[]): Map<string, InventoryObject[]> {
  return new Map(stacks.map((stack) => [stack, stackInventory(stack, readStackDocument(outdir, stack))]));
}
