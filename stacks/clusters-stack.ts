import type { Construct } from "constructs";
import type { ClusterApiCluster } from "../config/model/cluster-provisioning";
import type { ClusterModel, PlatformModel } from "../config/model/platform-model";
import { clustersStackName } from "../config/model/stack-names";
import { failureDomainNamePart } from "../config/model/failure-domain-name";
import { WorkloadCluster } from "../constructs/cluster-api/workload-cluster";
import { ClusterProviders } from "./cluster-providers";
import { nodePoolScheduling } from "./node-pool-scheduling";
import { configureStateBackend, type StateLocation } from "./state-backend";
import { requireTerraformVersions } from "./terraform-version-floor";
import { StandaloneStack } from "./standalone-stack";

type ProvisionedCluster = ClusterModel & { readonly provisioning: ClusterApiCluster };

export function isProvisioned(cluster: ClusterModel): cluster is ProvisionedCluster {
  return cluster.provisioning.kind === "cluster-api";
}

/**
 * `clusters-<management>`: the Cluster API objects of every cluster one management cluster
 * creates, applied by the platform team before those clusters' platform stacks.
 */
export class ClustersStack extends StandaloneStack {
  readonly workloadClusters: readonly WorkloadCluster[];

  constructor(
    scope: Construct,
    model: PlatformModel,
    /** The registered cluster whose Cluster API controllers receive these objects. */
    readonly management: string,
    where: StateLocation,
  ) {
    const name = clustersStackName(management);
    super(scope, name);
    configureStateBackend(this, name, model, where);
    requireTerraformVersions(this, model);
    const provider = new ClusterProviders(this, model.clusters).for(management);
    this.workloadClusters = model.clusters
      .filter(isProvisioned)
      .filter((cluster) => cluster.provisioning.management === management)
      .map((cluster) => {
        const p = cluster.provisioning;
        return new WorkloadCluster(this, cluster.name, {
          provider,
          name: cluster.name,
          namespace: p.namespace,
          kubernetesVersion: p.kubernetesVersion,
          podCidr: p.podCidr,
          serviceCidr: p.serviceCidr,
          controlPlane: p.controlPlane,
          hardening: { auditLogMaxAgeDays: model.logRetentionDays, secretsEncryption: p.secretsEncryption },
          openstack: p.openstack,
          nodePools: cluster.nodePools.map((pool) => {
            const { labels, taints } = nodePoolScheduling(pool);
            return {
              name: pool.name,
              replicas: pool.maxNodes !== undefined ? { min: pool.nodes, max: pool.maxNodes } : pool.nodes,
              // The declaration's rules require a machine for every pool of a provisioned cluster.
              flavor: pool.machine!.flavor,
              image: pool.machine!.image,
              // A pool pinned to a zone stays there; the others spread over the cluster's zones.
              // (The declaration's rules refuse zones without a name part, or two with the same.)
              failureDomains: (pool.machine!.failureDomain ? [pool.machine!.failureDomain] : p.openstack.failureDomains).map((zone) => ({ name: zone, namePart: failureDomainNamePart(zone)! })),
              nodeLabels: labels,
              taints,
            };
          }),
        });
      });
  }
}

/**
 * The registered clusters that create others, in name order: those a provisioned cluster names,
 * and those of decommissioned clusters, whose stack stays (without them) while they are listed,
 * so that its next apply destroys their objects.
 */
export function managementClusters(model: PlatformModel): string[] {
  const deleting = model.decommissionedClusters.map((d) => d.management);
  return [...new Set([...model.clusters.filter(isProvisioned).map((c) => c.provisioning.management), ...deleting])].sort();
}
