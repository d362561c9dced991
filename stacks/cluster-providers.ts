import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import type { Construct } from "constructs";
import type { ClusterModel } from "../config/model/platform-model";

/**
 * One provider per cluster, aliased by the cluster's name, created on first use so a stack
 * only configures the clusters it touches.
 */
export class ClusterProviders {
  private readonly providers = new Map<string, KubernetesProvider>();

  constructor(
    private readonly scope: Construct,
    private readonly clusters: readonly ClusterModel[],
  ) {}

  for(clusterName: string): KubernetesProvider {
    let provider = this.providers.get(clusterName);
    if (!provider) {
      const cluster = this.clusters.find((c) => c.name === clusterName);
      if (!cluster) throw new Error(`no cluster "${clusterName}" in the platform model`);
      provider = new KubernetesProvider(this.scope, `cluster-${cluster.name}`, {
        alias: cluster.name,
        configPath: cluster.kubeconfig.path,
        configContext: cluster.kubeconfig.context,
      });
      this.providers.set(clusterName, provider);
    }
    return provider;
  }
}
