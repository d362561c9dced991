import { problemsAfter, type Edit } from "./declaration-fixtures";

/** Capacity by what the scheduler sees: node pools by requests, and a cluster's capacity against its pools. */
const platform = (path: Array<string | number>, value: unknown): Edit => (edit) => edit("platform.yaml", (d) => d.setIn(path, value));
const both = (...edits: Edit[]): Edit => (edit) => edits.forEach((e) => e(edit));

describe("node pool capacity", () => {
  it("refuses a dedicated pool whose workloads request more than its allocatable, naming the pool, the sum, the size and the largest consumers", () => {
    expect(problemsAfter(both(platform(["clusters", 0, "nodePools", 1, "nodes"], 2), platform(["clusters", 0, "nodePools", 1, "nodeCpu"], 2))).lines).toEqual([
      'config/platform.yaml:28:9 clusters[0].nodePools[1].nodes: node pool "level3" of cluster "shared" is over-subscribed: the workloads placed there request cpu 9950m (replicas, sidecars, jobs and one rolling surge per Deployment), more than the allocatable 4 (2 × 2 cpu, 128Gi); 5 services, largest: health-prod/portal 3, health-prod/records-api 3, health-prod/db 2350m; add nodes or shrink the services',
    ]);
  });

  it("takes the declared per-node reserve off every node", () => {
    expect(problemsAfter(platform(["clusters", 1, "nodePools", 0, "reservedPerNode"], { cpu: 15, memory: "8Gi" })).lines).toEqual([
      'config/platform.yaml:35:17 clusters[1].capacity.cpu: cluster "secure-l4" declares capacity cpu 32, more than its node pools\' allocatable 2 (level4); declare at most 2 or add nodes',
      'config/platform.yaml:35:26 clusters[1].capacity.memory: cluster "secure-l4" declares capacity memory 128Gi, more than its node pools\' allocatable 112Gi (level4); declare at most 112Gi or add nodes',
    ]);
  });

  it("counts unpinned workloads against the cluster's untainted pools together", () => {
    expect(problemsAfter(both(platform(["clusters", 0, "nodePools", 0, "nodes"], 1), platform(["clusters", 0, "nodePools", 0, "nodeCpu"], "500m"))).lines).toEqual([
      'config/platform.yaml:12:5 clusters[0].nodePools: the untainted node pools of cluster "shared" (general) are over-subscribed: the workloads placed there request cpu 1 (replicas, sidecars, jobs and one rolling surge per Deployment), more than the allocatable 500m (1 × 500m cpu, 64Gi); 2 services, largest: health-dev/portal 500m, health-dev/records-api 500m; add nodes or shrink the services',
    ]);
  });

  it("refuses a cluster capacity its node pools cannot give", () => {
    expect(problemsAfter(platform(["clusters", 0, "capacity", "cpu"], 9999)).lines).toEqual([
      'config/platform.yaml:11:17 clusters[0].capacity.cpu: cluster "shared" declares capacity cpu 9999, more than its node pools\' allocatable 160 (general, level3); declare at most 160 or add nodes',
    ]);
  });
});
