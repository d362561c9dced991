import { error, type Problem } from "../declaration/problem";
import { dedicatedPoolFor, namespaceName, placeEnvironment, requiresDedicatedPool } from "../model/placement";
import { Bytes, Cpu } from "../model/quantity";
import { scheduledRequests } from "../model/workload-sizing";
import type { PlatformDeclaration } from "../schema/platform";
import type { DeclarationRule } from "./rule";

type ClusterDeclaration = PlatformDeclaration["clusters"][number];
type NodePoolDeclaration = ClusterDeclaration["nodePools"][number];

/** One scheduling domain: a dedicated pool, or every untainted pool of a cluster (unpinned pods land on any of them). */
interface PoolGroup {
  readonly label: string;
  readonly path: ReadonlyArray<string | number>;
  readonly pools: readonly NodePoolDeclaration[];
  cpu: Cpu;
  memory: Bytes;
  readonly consumers: Array<{ name: string; cpu: Cpu; memory: Bytes }>;
}

/** A pool's allocatable: nodes × (node size − the declared per-node reserve). */
export function poolAllocatable(pool: NodePoolDeclaration): { cpu: Cpu; memory: Bytes } {
  const reservedCpu = pool.reservedPerNode ? Cpu.parse(pool.reservedPerNode.cpu) : Cpu.millis(0);
  const reservedMemory = pool.reservedPerNode ? Bytes.parse(pool.reservedPerNode.memory) : Bytes.of(0);
  return {
    cpu: Cpu.millis(Math.max(0, Cpu.parse(pool.nodeCpu).millis - reservedCpu.millis) * pool.nodes),
    memory: Bytes.of(Math.max(0, Bytes.parse(pool.nodeMemory).bytes - reservedMemory.bytes) * pool.nodes),
  };
}

function sizeOf(pool: NodePoolDeclaration): string {
  const reserve = pool.reservedPerNode ? `, minus ${Cpu.parse(pool.reservedPerNode.cpu)} cpu and ${pool.reservedPerNode.memory} reserved per node` : "";
  return `${pool.nodes} × ${Cpu.parse(pool.nodeCpu)} cpu, ${pool.nodeMemory}${reserve}`;
}

/**
 * Capacity by what the scheduler sees. Requests equal limits in every template, so pods that do
 * not fit their nodes stay Pending whatever the quotas say. For every dedicated node pool, and
 * for a cluster's untainted pools together, the requests of the workloads placed there (replicas
 * with sidecars, backup and cron jobs, one rolling-update surge per Deployment) must fit the
 * allocatable; a cluster's declared capacity, which quotas are placed against, must not exceed
 * its pools' allocatable.
 */
export const nodePoolCapacity: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  platform.data.clusters.forEach((cluster, ci) => {
    const groups = new Map<string, PoolGroup>();
    const untainted = cluster.nodePools.filter((pool) => !pool.dedicated);
    const groupOf = (pool: NodePoolDeclaration | undefined): PoolGroup | undefined => {
      const key = pool ? pool.name : "";
      if (pool === undefined && untainted.length === 0) return undefined;
      let group = groups.get(key);
      if (!group) {
        const pi = pool ? cluster.nodePools.indexOf(pool) : -1;
        group = {
          label: pool ? `node pool "${pool.name}" of cluster "${cluster.name}" is` : `the untainted node pools of cluster "${cluster.name}" (${untainted.map((p) => p.name).join(", ")}) are`,
          path: pool ? ["clusters", ci, "nodePools", pi, "nodes"] : ["clusters", ci, "nodePools"],
          pools: pool ? [pool] : untainted,
          cpu: Cpu.millis(0),
          memory: Bytes.of(0),
          consumers: [],
        };
        groups.set(key, group);
      }
      return group;
    };
    for (const department of departments) {
      if (department.data.retired) continue;
      for (const env of department.data.environments) {
        if (env.retired || placeEnvironment(platform.data, env)?.name !== cluster.name) continue;
        // A level without its dedicated pool is the placement rules' error, not a capacity one.
        const pool = requiresDedicatedPool(env.level) ? dedicatedPoolFor(cluster, env.level) : undefined;
        if (requiresDedicatedPool(env.level) && !pool) continue;
        const group = groupOf(pool);
        if (!group) continue;
        for (const service of env.services.filter((s) => !s.retired)) {
          const requests = scheduledRequests(service, env.level);
          group.cpu = group.cpu.plus(requests.cpu);
          group.memory = group.memory.plus(requests.memory);
          group.consumers.push({ name: `${namespaceName(department.data.name, env.name)}/${service.name}`, ...requests });
        }
      }
    }
    for (const group of [...groups.values()].sort((a, b) => (a.label < b.label ? -1 : 1))) {
      const allocatable = group.pools.map(poolAllocatable).reduce((t, a) => ({ cpu: t.cpu.plus(a.cpu), memory: t.memory.plus(a.memory) }), { cpu: Cpu.millis(0), memory: Bytes.of(0) });
      const size = group.pools.map(sizeOf).join(" + ");
      const largest = (amount: (c: PoolGroup["consumers"][number]) => number, show: (c: PoolGroup["consumers"][number]) => string) =>
        [...group.consumers]
          .sort((a, b) => amount(b) - amount(a) || (a.name < b.name ? -1 : 1))
          .slice(0, 3)
          .map((c) => `${c.name} ${show(c)}`)
          .join(", ");
      const over = (what: string, sum: string, limit: string, top: string) =>
        problems.push(
          error(
            platform.file,
            group.path,
            `${group.label} over-subscribed: the workloads placed there request ${what} ${sum} (replicas, sidecars, jobs and one rolling surge per Deployment), more than the allocatable ${limit} (${size}); ${group.consumers.length} services, largest: ${top}; add nodes or shrink the services`,
          ),
        );
      if (group.cpu.millis > allocatable.cpu.millis) over("cpu", group.cpu.toString(), allocatable.cpu.toString(), largest((c) => c.cpu.millis, (c) => c.cpu.toString()));
      if (group.memory.bytes > allocatable.memory.bytes) over("memory", group.memory.toString(), allocatable.memory.toString(), largest((c) => c.memory.bytes, (c) => c.memory.toString()));
    }
    problems.push(...capacityAgainstPools(platform.file, cluster, ci));
  });
  return problems;
};

/** A cluster's declared capacity must be something its node pools can give. */
function capacityAgainstPools(file: string, cluster: ClusterDeclaration, ci: number): Problem[] {
  const pools = cluster.nodePools.map(poolAllocatable).reduce((t, a) => ({ cpu: t.cpu.plus(a.cpu), memory: t.memory.plus(a.memory) }), { cpu: Cpu.millis(0), memory: Bytes.of(0) });
  const problems: Problem[] = [];
  const names = cluster.nodePools.map((p) => p.name).join(", ");
  const declaredCpu = Cpu.parse(cluster.capacity.cpu);
  const declaredMemory = Bytes.parse(cluster.capacity.memory);
  if (declaredCpu.millis > pools.cpu.millis) {
    problems.push(error(file, ["clusters", ci, "capacity", "cpu"], `cluster "${cluster.name}" declares capacity cpu ${declaredCpu}, more than its node pools' allocatable ${pools.cpu} (${names}); declare at most ${pools.cpu} or add nodes`));
  }
  if (declaredMemory.bytes > pools.memory.bytes) {
    problems.push(error(file, ["clusters", ci, "capacity", "memory"], `cluster "${cluster.name}" declares capacity memory ${declaredMemory}, more than its node pools' allocatable ${pools.memory} (${names}); declare at most ${pools.memory} or add nodes`));
  }
  return problems;
}
