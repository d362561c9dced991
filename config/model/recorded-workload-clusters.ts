import type { StatefulLock } from "../declaration/stateful-lock";
import { clustersStackName, isClustersStack } from "./stack-names";

/** A Cluster object of Cluster API that the record of applied state holds. */
export interface RecordedWorkloadCluster {
  /** The workload cluster the object creates. */
  readonly cluster: string;
  /** The management cluster it is applied to. */
  readonly management: string;
  readonly stack: string;
  /** The record's namespace key it is under. */
  readonly namespace: string;
  readonly address: string;
}

/**
 * The address of a workload cluster's Cluster object: cdktf names it after its construct path,
 * `<cluster>/cluster` inside the clusters stack (stacks/clusters-stack.ts names the WorkloadCluster
 * by the cluster, constructs/cluster-api/workload-cluster.ts its Cluster `cluster`), then a hash.
 * Cluster names are DNS labels, which hold no underscore, so the name reads back unambiguously.
 */
const CLUSTER_OBJECT_ADDRESS = /^kubernetes_manifest\.([a-z0-9-]+)_cluster_[0-9A-F]{8}$/;

/** Every Cluster object the record holds, in stack, then address order. */
export function recordedWorkloadClusters(lock: StatefulLock): RecordedWorkloadCluster[] {
  const found: RecordedWorkloadCluster[] = [];
  for (const stack of Object.keys(lock.stacks).filter(isClustersStack).sort()) {
    for (const [management, namespaces] of Object.entries(lock.stacks[stack])) {
      for (const [namespace, addresses] of Object.entries(namespaces)) {
        for (const address of [...addresses].sort()) {
          const cluster = CLUSTER_OBJECT_ADDRESS.exec(address)?.[1];
          if (cluster !== undefined) found.push({ cluster, management, stack, namespace, address });
        }
      }
    }
  }
  return found;
}


/**
 * Whether `address` of `stack` is one of the Cluster API objects of a cluster whose deletion is
 * declared (its construct ids all start with the cluster's name): destroying it is the deletion asked for.
 */
export function isDecommissionedObject(
  decommissioned: ReadonlyArray<{ readonly name: string; readonly management: string }>,
  stack: string,
  address: string,
): boolean {
  return decommissioned.some((d) => stack === clustersStackName(d.management) && address.startsWith(`kubernetes_manifest.${d.name}_`));
}
