import { error, type Problem } from "../declaration/problem";
import { recordedWorkloadClusters } from "../model/recorded-workload-clusters";
import type { DeclarationRule } from "./rule";

/**
 * A cluster Cluster API created stays provisioned where it was created until its deletion is
 * declared. `prevent_destroy` guards the Cluster object only while its resource block exists:
 * a cluster left out of `clusters`, turned registered or moved to another management cluster
 * takes the block away, Terraform destroys the object and Cluster API deletes every machine of
 * the cluster and the data on them. Such a change is refused unless `decommissionedClusters`
 * names the cluster with the management cluster that created it.
 */
export const recordedWorkloadClustersRule: DeclarationRule = ({ platform, lock, complete }) => {
  // A cluster that failed its schema may be the one still declaring the provisioning.
  if (!complete) return [];
  const problems: Problem[] = [];
  const file = platform.file;
  const clusters = platform.data.clusters;
  const decommissioned = platform.data.decommissionedClusters;
  for (const object of recordedWorkloadClusters(lock.data)) {
    const index = clusters.findIndex((c) => c.name === object.cluster);
    const declared = clusters[index];
    if (declared?.provisioned?.management === object.management) continue;
    if (decommissioned.some((d) => d.name === object.cluster && d.management === object.management)) continue;
    const change = !declared
      ? "platform.yaml no longer declares it"
      : declared.provisioned
        ? `it is now provisioned on "${declared.provisioned.management}"`
        : "it is now declared registered";
    const message =
      `cluster "${object.cluster}" was created by Cluster API on "${object.management}" (the record holds its Cluster object in stack ${object.stack}), and ${change}: ` +
      `Terraform would destroy that Cluster object, and Cluster API then deletes every machine of "${object.cluster}" and the data on them. ` +
      `Keep it provisioned on "${object.management}"; to delete the cluster on purpose, add { name: ${object.cluster}, management: ${object.management} } to decommissionedClusters`;
    if (!declared) problems.push(error(lock.file, ["stacks", object.stack, object.management, object.namespace], message));
    else problems.push(error(file, declared.provisioned ? ["clusters", index, "provisioned", "management"] : ["clusters", index], message));
  }
  decommissioned.forEach((entry, i) => {
    const declared = clusters.find((c) => c.name === entry.name);
    const management = clusters.find((c) => c.name === entry.management);
    if (declared?.provisioned?.management === entry.management) {
      problems.push(error(file, ["decommissionedClusters", i, "name"], `cluster "${entry.name}" is still provisioned on "${entry.management}": a cluster to delete leaves clusters (or its provisioned block); to keep it, remove this entry`));
    }
    if (!management || management.provisioned) {
      problems.push(error(file, ["decommissionedClusters", i, "management"], `"${entry.management}" is not a registered cluster of platform.yaml: its clusters stack must apply the deletion, so it stays declared until the deletion is applied`));
    }
  });
  return problems;
};
