import { problemsAfter, type Edit } from "./declaration-fixtures";

/**
 * Clusters provisioned by Cluster API, each refusal as a small edit of the valid base declaration
 * (which has `shared`, registered, and `secure-l4`), with the exact message the user sees.
 */
const provisioned = (overrides: Record<string, unknown> = {}) => ({
  management: "shared",
  kubernetesVersion: "v1.33.4",
  controlPlane: { replicas: 3, flavor: "c8m32", image: "kube-v1.33.4" },
  openstack: { externalNetworkId: "ext-net", dnsServers: ["10.0.0.53"], failureDomains: ["az1", "az2"] },
  ...overrides,
});

const provisionSecureL4 = (overrides: Record<string, unknown> = {}, machine: Record<string, unknown> | null = { flavor: "c16m64", image: "kube-v1.33.4" }): Edit => (file) =>
  file("platform.yaml", (d) => {
    d.setIn(["clusters", 1, "provisioned"], d.createNode(provisioned(overrides)));
    if (machine) d.setIn(["clusters", 1, "nodePools", 0, "machine"], d.createNode(machine));
  });

describe("clusters provisioned by Cluster API", () => {
  it("accepts a provisioned cluster on a registered management cluster", () => {
    expect(problemsAfter(provisionSecureL4())).toEqual({ valid: true, lines: [] });
  });

  it("refuses an unknown management cluster, and a cluster managing itself", () => {
    expect(problemsAfter(provisionSecureL4({ management: "mgmt" })).lines).toEqual([
      'config/platform.yaml:51:7 clusters[1].provisioned.management: unknown management cluster "mgmt"; declared clusters: shared, secure-l4',
    ]);
    expect(problemsAfter(provisionSecureL4({ management: "secure-l4" })).lines).toEqual([
      'config/platform.yaml:51:7 clusters[1].provisioned.management: cluster "secure-l4" cannot be its own management cluster: name a registered cluster that runs Cluster API',
    ]);
  });

  it("refuses a provisioned management cluster", () => {
    const edit: Edit = (file) => {
      provisionSecureL4()(file);
      file("platform.yaml", (d) => {
        d.setIn(["clusters", 0, "provisioned"], d.createNode(provisioned({ management: "secure-l4" })));
        d.setIn(["clusters", 0, "nodePools", 0, "machine"], d.createNode({ flavor: "c16m64", image: "kube" }));
        d.setIn(["clusters", 0, "nodePools", 1, "machine"], d.createNode({ flavor: "c16m64", image: "kube" }));
      });
    };
    expect(problemsAfter(edit).lines).toEqual([
      'config/platform.yaml:39:7 clusters[0].provisioned.management: management cluster "secure-l4" is itself provisioned by Cluster API; a management cluster must be registered (it has to exist before anything it creates)',
      'config/platform.yaml:71:7 clusters[1].provisioned.management: management cluster "shared" is itself provisioned by Cluster API; a management cluster must be registered (it has to exist before anything it creates)',
    ]);
  });

  it("refuses an old Kubernetes release, an even control plane and a pool without machines", () => {
    expect(problemsAfter(provisionSecureL4({ kubernetesVersion: "v1.31.9", controlPlane: { replicas: 2, flavor: "c8m32", image: "kube" } }, null)).lines).toEqual([
      'config/platform.yaml:37:9 clusters[1].nodePools[0]: node pool "level4" of cluster "secure-l4", which Cluster API provisions, needs machine: { flavor, image }',
      "config/platform.yaml:49:7 clusters[1].provisioned.kubernetesVersion: Kubernetes v1.31.9 is too old: provisioned control planes need v1.32 or later, the first release whose API server can refuse anonymous requests outside its health endpoints",
      "config/platform.yaml:51:9 clusters[1].provisioned.controlPlane.replicas: must be an odd number, got 2: each control plane machine runs an etcd member, and an even count tolerates no more failures than one fewer",
    ]);
  });

  it("refuses machines and autoscaling on a registered cluster, and maxNodes below nodes", () => {
    const edit: Edit = (file) =>
      file("platform.yaml", (d) => {
        d.setIn(["clusters", 0, "nodePools", 0, "machine"], d.createNode({ flavor: "c16m64", image: "kube" }));
        d.setIn(["clusters", 0, "nodePools", 0, "maxNodes"], 2);
      });
    expect(problemsAfter(edit).lines).toEqual([
      'config/platform.yaml:22:9 clusters[0].nodePools[0].machine: cluster "shared" is registered (created by other means): machine applies only to clusters with provisioned: remove it or provision the cluster',
      'config/platform.yaml:25:9 clusters[0].nodePools[0].maxNodes: cluster "shared" is registered (created by other means): autoscaling with maxNodes applies only to clusters with provisioned',
      "config/platform.yaml:25:9 clusters[0].nodePools[0].maxNodes: maxNodes 2 is below nodes 4: nodes is the fewest the pool scales down to",
    ]);
  });

  it("refuses a pool's failure domain the cluster does not list", () => {
    expect(problemsAfter(provisionSecureL4({}, { flavor: "c16m64", image: "kube", failureDomain: "az9" })).lines).toEqual([
      'config/platform.yaml:50:11 clusters[1].nodePools[0].machine.failureDomain: failure domain "az9" is not one of cluster "secure-l4"\'s failureDomains: az1, az2',
    ]);
  });
});

describe("the API server of a provisioned cluster", () => {
  const withApiServer = (apiServer: Record<string, unknown>): Edit => (file) => {
    provisionSecureL4({ openstack: { externalNetworkId: "ext-net", nodeCidr: "10.41.16.0/20", dnsServers: ["10.0.0.53"] } })(file);
    file("platform.yaml", (d) => d.setIn(["clusters", 1, "apiServer"], d.createNode(apiServer)));
  };

  it("accepts endpoints and control-plane ranges inside the machines' subnet", () => {
    expect(problemsAfter(withApiServer({ addresses: ["10.41.16.0/20"], controlPlaneRanges: ["10.41.16.0/24"] }))).toEqual({ valid: true, lines: [] });
  });

  it("refuses endpoints and control-plane ranges outside it: the control plane machines get their addresses there", () => {
    const lines = problemsAfter(withApiServer({ addresses: ["10.41.16.10/32", "10.41.255.10/32"], controlPlaneRanges: ["10.41.0.0/16"] })).lines;
    expect(lines).toEqual([
      'config/platform.yaml:65:11 clusters[1].apiServer.addresses[1]: 10.41.255.10/32 is outside 10.41.16.0/20, the subnet (openstack.nodeCidr) Cluster API creates for cluster "secure-l4"\'s machines, where its API servers get their addresses: declare addresses inside it',
      'config/platform.yaml:67:11 clusters[1].apiServer.controlPlaneRanges[0]: 10.41.0.0/16 is outside 10.41.16.0/20, the subnet (openstack.nodeCidr) Cluster API creates for cluster "secure-l4"\'s machines, where its API servers get their addresses: declare addresses inside it',
    ]);
  });
});

describe("failure domains of a provisioned cluster", () => {
  it("refuses zones whose names give MachineDeployments no name, or the same name", () => {
    const edit = provisionSecureL4({ openstack: { externalNetworkId: "ext-net", dnsServers: ["10.0.0.53"], failureDomains: ["AZ_1", "az.1", "--", "az2"] } });
    expect(problemsAfter(edit).lines).toEqual([
      'config/platform.yaml:63:13 clusters[1].provisioned.openstack.failureDomains[1]: failure domains "AZ_1" and "az.1" both give MachineDeployments the name part "az-1" (object names take lower-case letters, digits and dashes): a pool spread over them would name two deployments alike',
      'config/platform.yaml:64:13 clusters[1].provisioned.openstack.failureDomains[2]: failure domain "--" has no letter or digit to name its MachineDeployments by',
    ]);
  });
});
