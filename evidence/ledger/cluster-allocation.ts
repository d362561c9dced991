import type { ClusterModel, PlatformModel } from "../../config/model/platform-model";
import { describeProvisioning } from "../../config/model/cluster-provisioning";
import type { AllocatedQuota } from "./allocated-quotas";
import type { ClusterAllocation } from "./ledger";
import { ratioOf, subtractAmounts, sumAmounts, type ResourceAmounts } from "./resource-amounts";

/**
 * Per declared cluster: capacity, capacity × overcommit, and the quotas the artifact places on
 * it. Throws when a quota sits on a cluster the declaration does not know: the artifact and
 * the declaration then describe different platforms and no ledger of them is true.
 */
export function clusterAllocations(model: PlatformModel, quotas: readonly AllocatedQuota[]): ClusterAllocation[] {
  const known = new Set(model.clusters.map((c) => c.name));
  const stray = quotas.find((q) => !known.has(q.cluster));
  if (stray) {
    throw new Error(`${stray.stack}: ${stray.address}: the quota of ${stray.namespace} is on cluster ${stray.cluster}, which platform.yaml does not declare; was the artifact synthesized from this declaration?`);
  }
  return model.clusters.map((cluster) => {
    const onCluster = quotas.filter((q) => q.cluster === cluster.name);
    const capacity = capacityOf(cluster);
    const schedulable = {
      cpuMillis: cluster.capacity.cpu.times(model.overcommit.cpu).millis,
      memoryBytes: cluster.capacity.memory.times(model.overcommit.memory).bytes,
      storageBytes: capacity.storageBytes,
    };
    const allocated = sumAmounts(onCluster.map((q) => q.amounts));
    return {
      cluster: cluster.name,
      displayName: cluster.displayName,
      provisioning: describeProvisioning(cluster.provisioning),
      capacity,
      schedulable,
      allocated,
      utilisation: ratioOf(allocated, schedulable),
      headroom: subtractAmounts(schedulable, allocated),
      namespaces: new Set(onCluster.map((q) => q.namespace)).size,
    };
  });
}

function capacityOf(cluster: ClusterModel): ResourceAmounts {
  return { cpuMillis: cluster.capacity.cpu.millis, memoryBytes: cluster.capacity.memory.bytes, storageBytes: cluster.capacity.storage.bytes };
}
