import { parse } from "yaml";
import type { ArtifactResource, ArtifactStack } from "../export/read-artifact";
import { isRecord } from "../export/kubernetes-object";

/**
 * The control plane of each cluster the artifact provisions, read from its Cluster and the
 * KubeadmControlPlane that Cluster names: the API server's flags, its host volumes and the files
 * written onto the machines (inline content parsed as YAML; files from a Secret named by it).
 */
export interface ControlPlaneView {
  /** The workload cluster's name (its Cluster object). */
  readonly cluster: string;
  /** The management cluster the objects are applied to. */
  readonly management: string;
  readonly resource: ArtifactResource;
  readonly version: string;
  readonly replicas: number;
  readonly apiServerArgs: ReadonlyMap<string, string>;
  readonly hostPaths: readonly string[];
  readonly files: ReadonlyMap<string, ControlPlaneFile>;
}

export type ControlPlaneFile = { readonly content: unknown } | { readonly secret: { readonly name: string; readonly key: string } };

export function viewControlPlanes(stacks: readonly ArtifactStack[]): ControlPlaneView[] {
  const resources = stacks.flatMap((stack) => stack.resources);
  const found: ControlPlaneView[] = [];
  for (const cluster of resources.filter((r) => r.object.apiVersion === "cluster.x-k8s.io/v1beta2" && r.object.kind === "Cluster")) {
    const spec = cluster.object.spec as { controlPlaneRef?: { kind?: string; name?: string } } | undefined;
    const controlPlane = resources.find(
      (r) =>
        r.cluster === cluster.cluster &&
        r.object.kind === "KubeadmControlPlane" &&
        r.object.kind === spec?.controlPlaneRef?.kind &&
        r.object.metadata.name === spec.controlPlaneRef?.name &&
        r.object.metadata.namespace === cluster.object.metadata.namespace,
    );
    if (controlPlane) found.push(view(String(cluster.object.metadata.name), controlPlane));
  }
  return found.sort((a, b) => (a.cluster < b.cluster ? -1 : 1));
}

function view(cluster: string, resource: ArtifactResource): ControlPlaneView {
  const spec = (resource.object.spec ?? {}) as Record<string, any>;
  const config = (spec.kubeadmConfigSpec ?? {}) as Record<string, any>;
  const apiServer = (config.clusterConfiguration?.apiServer ?? {}) as Record<string, any>;
  const args = new Map<string, string>();
  for (const arg of Array.isArray(apiServer.extraArgs) ? apiServer.extraArgs : []) {
    if (isRecord(arg) && typeof arg.name === "string") args.set(arg.name, String(arg.value ?? ""));
  }
  const files = new Map<string, ControlPlaneFile>();
  for (const file of Array.isArray(config.files) ? config.files : []) {
    if (!isRecord(file) || typeof file.path !== "string") continue;
    const secret = isRecord(file.contentFrom) && isRecord(file.contentFrom.secret) ? file.contentFrom.secret : undefined;
    if (secret) files.set(file.path, { secret: { name: String(secret.name), key: String(secret.key) } });
    else if (typeof file.content === "string") files.set(file.path, { content: parseOrText(file.content) });
  }
  return {
    cluster,
    management: resource.cluster,
    resource,
    version: String(spec.version ?? ""),
    replicas: Number(spec.replicas ?? 1),
    apiServerArgs: args,
    hostPaths: (Array.isArray(apiServer.extraVolumes) ? apiServer.extraVolumes : []).filter(isRecord).map((v: Record<string, unknown>) => String(v.mountPath)),
    files,
  };
}

function parseOrText(text: string): unknown {
  try {
    return parse(text);
  } catch {
    return text;
  }
}
