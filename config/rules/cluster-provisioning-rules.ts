import { error, type Problem } from "../declaration/problem";
import { cidrContains } from "../model/ipv4";
import { failureDomainNamePart } from "../model/failure-domain-name";
import type { DeclarationRule } from "./rule";

/** The oldest release whose API server can limit anonymous access to the health endpoints (AuthenticationConfiguration `anonymous`, beta in v1.32). */
export const MINIMUM_PROVISIONED_MINOR = 32;

/**
 * Clusters provisioned by Cluster API: a registered management cluster other than themselves,
 * a control plane etcd can keep quorum on, and machines for every node pool. Registered
 * clusters' pools say nothing about machines, which someone else created.
 */
export const clusterProvisioningRules: DeclarationRule = ({ platform }) => {
  const problems: Problem[] = [];
  const file = platform.file;
  const clusters = platform.data.clusters;
  clusters.forEach((cluster, ci) => {
    const at = ["clusters", ci];
    const provisioned = cluster.provisioned;
    if (provisioned) {
      const management = clusters.find((c) => c.name === provisioned.management);
      const path = [...at, "provisioned", "management"];
      if (provisioned.management === cluster.name) {
        problems.push(error(file, path, `cluster "${cluster.name}" cannot be its own management cluster: name a registered cluster that runs Cluster API`));
      } else if (!management) {
        problems.push(error(file, path, `unknown management cluster "${provisioned.management}"; declared clusters: ${clusters.map((c) => c.name).join(", ")}`));
      } else if (management.provisioned) {
        problems.push(error(file, path, `management cluster "${management.name}" is itself provisioned by Cluster API; a management cluster must be registered (it has to exist before anything it creates)`));
      }
      const minor = Number(/^v1\.(\d+)\./.exec(provisioned.kubernetesVersion)?.[1]);
      if (minor < MINIMUM_PROVISIONED_MINOR) {
        problems.push(
          error(file, [...at, "provisioned", "kubernetesVersion"], `Kubernetes ${provisioned.kubernetesVersion} is too old: provisioned control planes need v1.${MINIMUM_PROVISIONED_MINOR} or later, the first release whose API server can refuse anonymous requests outside its health endpoints`),
        );
      }
      if (provisioned.controlPlane.replicas % 2 === 0) {
        problems.push(error(file, [...at, "provisioned", "controlPlane", "replicas"], `must be an odd number, got ${provisioned.controlPlane.replicas}: each control plane machine runs an etcd member, and an even count tolerates no more failures than one fewer`));
      }
    }
    // Cluster API puts the control plane machines on the subnet it creates, and each API server
    // advertises its machine's address there: the `kubernetes` Service's endpoints, and the source
    // of its webhook calls, are in nodeCidr, whatever else the declaration says.
    if (provisioned && cluster.apiServer) {
      const subnet = provisioned.openstack.nodeCidr;
      for (const field of ["addresses", "controlPlaneRanges"] as const) {
        (cluster.apiServer[field] ?? []).forEach((cidr, i) => {
          if (cidrContains(subnet, cidr)) return;
          problems.push(
            error(file, [...at, "apiServer", field, i], `${cidr} is outside ${subnet}, the subnet (openstack.nodeCidr) Cluster API creates for cluster "${cluster.name}"'s machines, where its API servers get their addresses: declare addresses inside it`),
          );
        });
      }
    }
    const zones = provisioned?.openstack.failureDomains ?? [];
    // Each zone names the MachineDeployments of the pools spread over it.
    const named = new Map<string, string>();
    zones.forEach((zone, zi) => {
      const path = [...at, "provisioned", "openstack", "failureDomains", zi];
      const part = failureDomainNamePart(zone);
      const earlier = part === undefined ? undefined : named.get(part);
      if (part === undefined) problems.push(error(file, path, `failure domain "${zone}" has no letter or digit to name its MachineDeployments by`));
      else if (earlier !== undefined && earlier !== zone) {
        problems.push(error(file, path, `failure domains "${earlier}" and "${zone}" both give MachineDeployments the name part "${part}" (object names take lower-case letters, digits and dashes): a pool spread over them would name two deployments alike`));
      } else named.set(part, zone);
    });
    cluster.nodePools.forEach((pool, pi) => {
      const poolAt = [...at, "nodePools", pi];
      if (provisioned && !pool.machine) {
        problems.push(error(file, poolAt, `node pool "${pool.name}" of cluster "${cluster.name}", which Cluster API provisions, needs machine: { flavor, image }`));
      }
      if (!provisioned && pool.machine) {
        problems.push(error(file, [...poolAt, "machine"], `cluster "${cluster.name}" is registered (created by other means): machine applies only to clusters with provisioned: remove it or provision the cluster`));
      }
      if (!provisioned && pool.maxNodes !== undefined) {
        problems.push(error(file, [...poolAt, "maxNodes"], `cluster "${cluster.name}" is registered (created by other means): autoscaling with maxNodes applies only to clusters with provisioned`));
      }
      if (pool.maxNodes !== undefined && pool.maxNodes < pool.nodes) {
        problems.push(error(file, [...poolAt, "maxNodes"], `maxNodes ${pool.maxNodes} is below nodes ${pool.nodes}: nodes is the fewest the pool scales down to`));
      }
      const zone = pool.machine?.failureDomain;
      if (provisioned && zone !== undefined && zones.length > 0 && !zones.includes(zone)) {
        problems.push(error(file, [...poolAt, "machine", "failureDomain"], `failure domain "${zone}" is not one of cluster "${cluster.name}"'s failureDomains: ${zones.join(", ")}`));
      } else if (provisioned && zone !== undefined && failureDomainNamePart(zone) === undefined) {
        problems.push(error(file, [...poolAt, "machine", "failureDomain"], `failure domain "${zone}" has no letter or digit to name its MachineDeployment by`));
      }
    });
  });
  return problems;
};
