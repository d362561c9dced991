import { error, type Problem } from "../declaration/problem";
import { placeDeclaredEnvironment } from "../model/placement";
import { Bytes, Cpu } from "../model/quantity";
import type { DeclarationRule } from "./rule";

/**
 * The quotas placed on a cluster must fit its capacity times the declared overcommit
 * (storage is never overcommitted). Reported on the cluster's capacity, naming the largest tenants.
 */
export const capacity: DeclarationRule = ({ platform, departments, lock }) => {
  const problems: Problem[] = [];
  const { overcommit } = platform.data;
  platform.data.clusters.forEach((cluster, ci) => {
    let cpu = Cpu.millis(0);
    let memory = Bytes.of(0);
    let storage = Bytes.of(0);
    const tenants: Array<{ namespace: string; cpu: Cpu; memory: Bytes; storage: Bytes }> = [];
    for (const department of departments) {
      for (const env of department.data.environments) {
        if (env.quota === undefined || env.level === undefined || env.name === undefined) continue;
        if (placeDeclaredEnvironment(platform.data, department.data.name, env, lock.data.environments)?.name !== cluster.name) continue;
        const quota = { cpu: Cpu.parse(env.quota.cpu), memory: Bytes.parse(env.quota.memory), storage: Bytes.parse(env.quota.storage) };
        cpu = cpu.plus(quota.cpu);
        memory = memory.plus(quota.memory);
        storage = storage.plus(quota.storage);
        tenants.push({ namespace: `${department.data.name}-${env.name}`, ...quota });
      }
    }
    const at = ["clusters", ci, "capacity"];
    const limits = {
      cpu: Cpu.parse(cluster.capacity.cpu).times(overcommit.cpu),
      memory: Bytes.parse(cluster.capacity.memory).times(overcommit.memory),
      storage: Bytes.parse(cluster.capacity.storage),
    };
    // Names the largest quotas, where a reviewer looks first.
    const largest = (size: (t: (typeof tenants)[number]) => number, show: (t: (typeof tenants)[number]) => string) =>
      [...tenants]
        .sort((a, b) => size(b) - size(a) || (a.namespace < b.namespace ? -1 : 1))
        .slice(0, 3)
        .map((t) => `${t.namespace} ${show(t)}`)
        .join(", ");
    const over = (what: string, sum: string, limit: string, note: string, top: string) =>
      problems.push(error(platform.file, [...at, what], `quotas placed on cluster "${cluster.name}" request ${what} ${sum}, more than its capacity ${limit}${note}; ${tenants.length} environments, largest: ${top}`));
    if (cpu.millis > limits.cpu.millis) over("cpu", cpu.toString(), limits.cpu.toString(), ` (${cluster.capacity.cpu} × overcommit ${overcommit.cpu})`, largest((t) => t.cpu.millis, (t) => t.cpu.toString()));
    if (memory.bytes > limits.memory.bytes) over("memory", memory.toString(), limits.memory.toString(), ` (${cluster.capacity.memory} × overcommit ${overcommit.memory})`, largest((t) => t.memory.bytes, (t) => t.memory.toString()));
    if (storage.bytes > limits.storage.bytes) over("storage", storage.toString(), limits.storage.toString(), "", largest((t) => t.storage.bytes, (t) => t.storage.toString()));
  });
  return problems;
};
