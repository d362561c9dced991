import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type ArtifactProblem, ArtifactReadError } from "./artifact-read-error";
import { type ConversionProblem, convertResource, objectAttributes, withNameFirst } from "./convert-resource";
import { CLUSTER_SCOPED_KINDS, type KubernetesObject, isRecord } from "./kubernetes-object";
import { RESOURCE_TYPES } from "./resource-types";
import { ReferenceResolver, type StackResources } from "./terraform-references";

/** One resource of the artifact as the Kubernetes object it applies. */
export interface ArtifactResource {
  readonly stack: string;
  /** Terraform address, `type.name`. */
  readonly address: string;
  /** The cluster, from the resource's provider alias (`kubernetes.<cluster>`). */
  readonly cluster: string;
  readonly namespaced: boolean;
  readonly object: KubernetesObject;
}

export interface ArtifactStack {
  readonly name: string;
  /** Sorted by Terraform address. */
  readonly resources: readonly ArtifactResource[];
  /** The stack's Terraform outputs by name, each its `value` as written (the Secrets a stack lists as prerequisites). @default - none */
  readonly outputs?: Readonly<Record<string, unknown>>;
}

export interface ConvertedStack extends ArtifactStack {
  readonly problems: readonly ArtifactProblem[];
}

const RAW_MANIFEST = "kubernetes_manifest";
const PROVIDER = /^kubernetes\.([A-Za-z0-9_-]+)$/;

export interface ReadArtifactOptions {
  /** @default - every stack */
  readonly includeStack?: (name: string) => boolean;
  readonly onStackRead?: (done: number, total: number) => void;
  readonly converted?: ReadonlyMap<string, ConvertedStack>;
}

/**
 * Reads `manifest.json` and every stack's `cdk.tf.json` below `outdir` (or those `includeStack`
 * accepts) and converts each resource into its Kubernetes object, calling `onStackRead` after each
 * stack (for progress). A stack in `converted` (`convertStackDocument` of its `cdk.tf.json`, which
 * a synthesis had parsed already) is taken from there instead of read again. Throws
 * ArtifactReadError listing every problem of every stack (unmapped fields, unresolvable
 * references, unknown resource types, the same object declared twice on one cluster) when any
 * stack has one.
 */
export function readArtifact(outdir: string, options: ReadArtifactOptions = {}): ArtifactStack[] {
  const { includeStack = () => true, onStackRead = () => {}, converted = new Map() } = options;
  if (!existsSync(join(outdir, "manifest.json"))) {
    throw new ArtifactReadError([{ stack: outdir, message: "no synthesized output here (manifest.json is missing); run `govcloud synth` first" }]);
  }
  const manifest = readJson(outdir, join(outdir, "manifest.json")) as {
    stacks?: Record<string, { synthesizedStackPath?: string }>;
  };
  const entries = Object.entries(manifest.stacks ?? {})
    .filter(([name]) => includeStack(name))
    .sort(([a], [b]) => compareText(a, b));
  const stacks = entries.map(([name, entry], index) => {
    const path = join(outdir, entry.synthesizedStackPath ?? join("stacks", name, "cdk.tf.json"));
    const stack = converted.get(name) ?? convertStackDocument(name, readJson(name, path));
    onStackRead(index + 1, entries.length);
    return stack;
  });
  const problems = [...stacks.flatMap((stack) => stack.problems), ...duplicateObjects(stacks)];
  if (problems.length > 0) throw new ArtifactReadError(problems);
  return stacks.map(({ name, resources, outputs }) => ({ name, resources, outputs }));
}

/** Converts one stack's synthesized Terraform JSON; problems are returned, not thrown. */
export function convertStackDocument(stack: string, document: unknown): ConvertedStack {
  const byType = (isRecord(document) && isRecord(document.resource) ? document.resource : {}) as Record<string, Record<string, unknown>>;
  const resolver = new ReferenceResolver(byType as StackResources);
  const resources: ArtifactResource[] = [];
  const problems: ArtifactProblem[] = [];
  for (const type of Object.keys(byType).sort(compareText)) {
    for (const name of Object.keys(byType[type]).sort(compareText)) {
      const address = `${type}.${name}`;
      const found: ConversionProblem[] = [];
      const resource = convertOne(stack, address, type, byType[type][name], resolver, found);
      problems.push(...found.map((p) => ({ stack, address, ...p })));
      if (resource) resources.push(resource);
    }
  }
  const outputs = Object.fromEntries(
    Object.entries(isRecord(document) && isRecord(document.output) ? document.output : {}).map(([name, output]) => [name, isRecord(output) ? output.value : undefined]),
  );
  return { name: stack, resources, problems, outputs };
}

function convertOne(
  stack: string,
  address: string,
  type: string,
  config: unknown,
  resolver: ReferenceResolver,
  problems: ConversionProblem[],
): ArtifactResource | undefined {
  const resourceType = RESOURCE_TYPES[type];
  if (!isRecord(config)) {
    problems.push({ field: "", message: "is not an object" });
    return undefined;
  }
  if (!resourceType && type !== RAW_MANIFEST) {
    problems.push({ field: "", message: `resource type ${type} has no conversion to a Kubernetes object` });
    return undefined;
  }
  const cluster = PROVIDER.exec(String(config.provider ?? ""))?.[1];
  if (!cluster) problems.push({ field: "provider", message: `must name a kubernetes provider alias (kubernetes.<cluster>), got ${JSON.stringify(config.provider ?? null)}` });
  let object: KubernetesObject;
  let namespaced: boolean;
  if (resourceType) {
    const resolved = resolver.resolve(objectAttributes(resourceType, config), "", problems) as Record<string, unknown>;
    object = convertResource(resourceType, resolved, problems);
    namespaced = resourceType.namespaced;
  } else {
    // Raw manifests are already Kubernetes objects; only their references need resolving.
    const manifest = resolver.resolve(config.manifest, "manifest", problems);
    if (!isRecord(manifest) || typeof manifest.apiVersion !== "string" || typeof manifest.kind !== "string" || !isRecord(manifest.metadata)) {
      problems.push({ field: "manifest", message: "must be an object with apiVersion, kind and metadata" });
      return undefined;
    }
    object = { ...manifest, metadata: withNameFirst(manifest.metadata) } as KubernetesObject;
    namespaced = !CLUSTER_SCOPED_KINDS.has(object.kind);
  }
  if (typeof object.metadata.name !== "string" || object.metadata.name === "") {
    problems.push({ field: "metadata.name", message: "is required to export the object" });
  }
  return cluster ? { stack, address, cluster, namespaced, object } : undefined;
}

/** Two resources that apply the same object to one cluster would fight over it at every apply. */
function duplicateObjects(stacks: readonly ArtifactStack[]): ArtifactProblem[] {
  const first = new Map<string, ArtifactResource>();
  const problems: ArtifactProblem[] = [];
  for (const resource of stacks.flatMap((stack) => stack.resources)) {
    const { kind, metadata } = resource.object;
    const group = resource.object.apiVersion.includes("/") ? resource.object.apiVersion.split("/")[0] : "";
    const key = [resource.cluster, group, kind, resource.namespaced ? (metadata.namespace ?? "default") : "", metadata.name].join("\u0000");
    const earlier = first.get(key);
    if (earlier) {
      problems.push({
        stack: resource.stack,
        address: resource.address,
        message: `${kind} ${objectName(resource)} on cluster ${resource.cluster} is also declared by ${earlier.stack}: ${earlier.address}`,
      });
    } else {
      first.set(key, resource);
    }
  }
  return problems;
}

function objectName(resource: ArtifactResource): string {
  const { name, namespace } = resource.object.metadata;
  return resource.namespaced ? `${namespace ?? "default"}/${name}` : String(name);
}

/** Byte-wise order, the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A file of the artifact as JSON; a missing or damaged one is an ArtifactReadError naming it. */
function readJson(stack: string, path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ArtifactReadError([{ stack, message: `cannot read ${path}: ${(e as Error).message}; synthesize again` }]);
  }
}
