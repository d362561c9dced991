import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import type { PlatformModel } from "../../config/model/platform-model";
import { clustersStackName as clustersStackOf, platformStackName } from "../../config/model/stack-names";
import { DEDICATED_TAINT_KEY, NODE_POOL_LABEL } from "../../constructs/templates/workload-props";
import type { ArtifactStack } from "../export";
import { verifySecretReads } from "../secrets";
import { field, podTemplates, records } from "../tenancy/pod-templates";
import { customResourceNeeds, type CrdNeed } from "./custom-resources";
import { compareReleases, kubernetesVersionFloor } from "./kubernetes-version-floor";

export interface NodePoolPreflight {
  readonly name: string;
  readonly nodes: number;
  /** Labels every node of the pool must carry, because pods select them. */
  readonly labels: Readonly<Record<string, string>>;
  /** Taints every node must carry, so only the pool's own levels run there. */
  readonly taints: ReadonlyArray<{ readonly key: string; readonly value: string; readonly effect: "NoSchedule" }>;
}

export interface ClusterPreflight {
  readonly cluster: string;
  /** The file Terraform reaches the cluster with, as declared and as Terraform will resolve it. */
  readonly kubeconfig: { readonly path: string; readonly context: string; readonly resolved: string; readonly exists: boolean };
  readonly kubernetes: { readonly minimum?: string; readonly reasons: readonly string[] };
  readonly ingress: { readonly className: string; readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> };
  readonly nodePools: readonly NodePoolPreflight[];
  readonly crds: readonly CrdNeed[];
  readonly secrets: {
    readonly store?: { readonly kind: string; readonly name: string };
    readonly toCreate: number;
    readonly fromStore: number;
    readonly fromCertManager: number;
    readonly namespacesToCreateIn: number;
  };
  /**
   * For a cluster Cluster API creates: where it is made, the Secrets its objects name there, and
   * where its kubeconfig comes from (Cluster API writes it to `<cluster>-kubeconfig` once the
   * control plane is up, after the clusters stack's apply, for the platform stack's).
   */
  readonly provisioned?: {
    readonly management: string;
    readonly namespace: string;
    readonly kubernetesVersion: string;
    readonly secrets: readonly string[];
    readonly kubeconfigSecret: string;
  };
  /** The CA key pair cert-manager signs sharing certificates with, when cross-cluster sharing is declared. */
  readonly sharingCa?: { readonly clusterIssuer: string; readonly caSecret: string };
}

export type StateBackendPreflight =
  | { readonly type: "local"; readonly directory: string }
  | { readonly type: "s3"; readonly bucket: string; readonly endpoint: string; readonly locking: string }
  | { readonly type: "kubernetes"; readonly namespace: string; readonly configPath: string; readonly configContext?: string; readonly exists: boolean };

export interface Preflight {
  readonly clusters: readonly ClusterPreflight[];
  readonly stateBackend: StateBackendPreflight;
  /** What this machine can check and found missing, one line each: kubeconfig files, Secrets nothing provides. */
  readonly missing: readonly string[];
}

/**
 * What must exist before the first apply, per cluster, computed from the declaration and the
 * artifact alone (no cluster is asked): the Kubernetes release the objects need, the ingress class,
 * node labels and taints per pool, the CRDs of the kinds applied, where Secrets come from, the
 * sharing CA, the kubeconfig, and the state backend.
 */
export function computePreflight(model: PlatformModel, stacks: readonly ArtifactStack[], outdir: string): Preflight {
  const secrets = verifySecretReads(stacks);
  const missing: string[] = [...secrets.findings];
  const clusters = model.clusters.map((cluster): ClusterPreflight => {
    const resources = stacks.flatMap((s) => s.resources).filter((r) => r.cluster === cluster.name);
    const pods = podTemplates([{ name: cluster.name, resources }]);
    const selected = new Set(pods.map((p) => field(p.spec, "nodeSelector", NODE_POOL_LABEL)).filter((v): v is string => typeof v === "string"));
    const tolerated = new Set(
      pods.flatMap((p) => records(p.spec.tolerations)).filter((t) => t.key === DEDICATED_TAINT_KEY).map((t) => String(t.value)),
    );
    const kubeconfig = resolveKubeconfig(cluster.kubeconfig.path, join(outdir, "stacks", platformStackName(cluster.name)));
    const exists = existsSync(kubeconfig);
    const provisioning = cluster.provisioning;
    const provisioned =
      provisioning.kind === "cluster-api"
        ? {
            management: provisioning.management,
            namespace: provisioning.namespace,
            kubernetesVersion: provisioning.kubernetesVersion,
            secrets: [provisioning.openstack.credentialsSecret, ...(provisioning.secretsEncryption.provider === "aescbc" ? [provisioning.secretsEncryption.secret] : [])],
            kubeconfigSecret: `${cluster.name}-kubeconfig`,
          }
        : undefined;
    if (!exists) {
      missing.push(
        `cluster ${cluster.name}: kubeconfig ${cluster.kubeconfig.path} (${kubeconfig}) does not exist` +
          (provisioned ? `; once ${clustersStackOf(provisioned.management)} is applied, write it from Secret ${provisioned.kubeconfigSecret} in ${provisioned.namespace} on ${provisioned.management}` : ""),
      );
    }
    const floor = kubernetesVersionFloor(resources);
    if (provisioned && floor.minimum && compareReleases(provisioned.kubernetesVersion.replace(/^v/, ""), floor.minimum) < 0) {
      missing.push(`cluster ${cluster.name}: Kubernetes ${provisioned.kubernetesVersion} is older than the ${floor.minimum} its objects need (${floor.reasons.join("; ")})`);
    }
    const ofCluster = secrets.secrets.filter((s) => s.cluster === cluster.name);
    const toCreate = ofCluster.filter((s) => s.provider?.kind === "prerequisite");
    const sharingCa = model.network.gateway.sharingCa;
    return {
      cluster: cluster.name,
      kubeconfig: { path: cluster.kubeconfig.path, context: cluster.kubeconfig.context, resolved: kubeconfig, exists },
      kubernetes: floor,
      ingress: { className: model.network.gateway.ingressController.ingressClass, namespace: model.network.gateway.namespace, podLabels: model.network.gateway.ingressController.podLabels },
      nodePools: cluster.nodePools.map((pool) => ({
        name: pool.name,
        nodes: pool.nodes,
        labels: (selected.has(pool.name) || pool.dedicated ? { [NODE_POOL_LABEL]: pool.name } : {}) as Record<string, string>,
        taints: pool.dedicated || tolerated.has(pool.name) ? [{ key: DEDICATED_TAINT_KEY, value: pool.name, effect: "NoSchedule" as const }] : [],
      })),
      crds: customResourceNeeds(resources),
      secrets: {
        ...(model.secretStore ? { store: { kind: model.secretStore.kind, name: model.secretStore.name } } : {}),
        toCreate: toCreate.length,
        fromStore: ofCluster.filter((s) => s.provider?.kind === "external-secret").length,
        fromCertManager: ofCluster.filter((s) => s.provider?.kind === "cert-manager").length,
        namespacesToCreateIn: new Set(toCreate.map((s) => s.namespace)).size,
      },
      ...(provisioned ? { provisioned } : {}),
      ...(sharingCa ? { sharingCa: { clusterIssuer: sharingCa.clusterIssuer, caSecret: sharingCa.caSecret } } : {}),
    };
  });
  return { clusters, stateBackend: stateBackendPreflight(model, outdir, missing), missing };
}

function stateBackendPreflight(model: PlatformModel, outdir: string, missing: string[]): StateBackendPreflight {
  const backend = model.stateBackend;
  switch (backend.type) {
    case "local":
      return { type: "local", directory: backend.directory };
    case "s3":
      return { type: "s3", bucket: backend.bucket, endpoint: backend.endpoint, locking: backend.locking.type === "lockfile" ? "lock file beside the state" : `DynamoDB-compatible table ${backend.locking.table}` };
    case "kubernetes": {
      const resolved = resolveKubeconfig(backend.configPath, join(outdir, "stacks", "any"));
      const exists = existsSync(resolved);
      if (!exists) missing.push(`state backend: kubeconfig ${backend.configPath} (${resolved}) does not exist`);
      return { type: "kubernetes", namespace: backend.namespace, configPath: backend.configPath, ...(backend.configContext ? { configContext: backend.configContext } : {}), exists };
    }
  }
}

/**
 * As the kubernetes provider reads `config_path`: `~` is the home directory (`$HOME` first, as Go's
 * homedir package takes it), a relative path is the stack folder's, where Terraform runs.
 */
export function resolveKubeconfig(path: string, stackDir: string): string {
  if (path === "~" || path.startsWith("~/")) return join(process.env.HOME || homedir(), path.slice(1));
  return isAbsolute(path) ? path : resolve(stackDir, path);
}
