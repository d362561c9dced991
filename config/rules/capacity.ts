import { error, type Problem } from "../declaration/problem";
import { placeEnvironment } from "../model/placement";
import { Bytes, Cpu } from "../model/quantity";
import type { DeclarationRule } from "./rule";

/**
 * The quotas placed on a cluster must fit its capacity times the declared overcommit
 * (storage is never overcommitted). Reported on the cluster's capacity, naming the largest tenants.
 */
export const capacity: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const { overcommit } = platform.data;
  platform.data.clusters.forEach((cluster, ci) => {
    let cpu = Cpu.millis(0);
    let memory = Bytes.of(0);
    let storage = Bytes.of(0);
    const tenants: string[] = [];
    for (const department of departments) {
      for (const env of department.data.environments) {
        if (placeEnvironment(platform.data, env)?.name !== cluster.name) continue;
        cpu = cpu.plus(Cpu.parse(env.quota.cpu));
        memory = memory.plus(Bytes.parse(env.quota.memory));
        storage = storage.plus(Bytes.parse(env.quota.storage));
        tenants.push(`${department.data.name}-${env.name}`);
      }
    }
    const at = ["clusters", ci, "capacity"];
    const limits = {
      cpu: Cpu.parse(cluster.capacity.cpu).times(overcommit.cpu),
      memory: Bytes.parse(cluster.capacity.memory).times(overcommit.memory),
      storage: Bytes.parse(cluster.capacity.storage),
    };
    const over = (what: string, sum: string, limit: string, note: string) =>
      problems.push(error(platform.file, [...at, what], `quotas placed on cluster "${cluster.name}" request ${what} ${sum}, more than its capacity ${limit}${note} (${tenants.length} environments)`));
    if (cpu.millis > limits.cpu.millis) over("cpu", cpu.toString(), limits.cpu.toString(), ` (${cluster.capacity.cpu} × overcommit ${overcommit.cpu})`);
    if (memory.bytes > limits.memory.bytes) over("memory", memory.toString(), limits.memory.toString(), ` (${cluster.capacity.memory} × overcommit ${overcommit.memory})`);
    if (storage.bytes > limits.storage.bytes) over("storage", storage.toString(), limits.storage.toString(), "");
  });
  return problems;
};
