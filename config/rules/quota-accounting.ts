import { error, type Problem } from "../declaration/problem";
import { Bytes, Cpu } from "../model/quantity";
import { serviceFootprint } from "../model/workload-sizing";
import type { DeclarationRule } from "./rule";
import { allNamed } from "./salvaged-names";

/**
 * An environment's services must fit its quota: requests times replicas, with sidecars, volumes
 * and backup jobs. Otherwise Kubernetes would refuse pods at deploy time, far from the YAML.
 */
export const quotaAccounting: DeclarationRule = ({ departments }) => {
  const problems: Problem[] = [];
  for (const department of departments) {
    department.data.environments.forEach((env, ei) => {
      if (env.quota === undefined || env.level === undefined || !allNamed(env.services)) return;
      const live = env.services.filter((s) => !s.retired);
      const footprints = live.map((s) => ({ name: s.name, ...serviceFootprint(s, env.level) }));
      const sum = footprints.reduce(
        (total, f) => ({ cpu: total.cpu.plus(f.cpu), memory: total.memory.plus(f.memory), storage: total.storage.plus(f.storage), pods: total.pods + f.pods }),
        { cpu: Cpu.millis(0), memory: Bytes.of(0), storage: Bytes.of(0), pods: 0 },
      );
      const quota = { cpu: Cpu.parse(env.quota.cpu), memory: Bytes.parse(env.quota.memory), storage: Bytes.parse(env.quota.storage), pods: env.quota.pods };
      const top = (size: (f: (typeof footprints)[number]) => number, show: (f: (typeof footprints)[number]) => string) =>
        [...footprints]
          .sort((a, b) => size(b) - size(a) || (a.name < b.name ? -1 : 1))
          .slice(0, 3)
          .map((f) => `${f.name} ${show(f)}`)
          .join(", ");
      const over = (what: string, total: string, limit: string, largest: string) =>
        problems.push(error(department.file, ["environments", ei, "quota", what], `environment "${env.name}" needs ${what} ${total} for its services, more than its quota ${limit} (largest: ${largest}); raise the quota or shrink the services`));
      if (sum.cpu.millis > quota.cpu.millis) over("cpu", sum.cpu.toString(), quota.cpu.toString(), top((f) => f.cpu.millis, (f) => f.cpu.toString()));
      if (sum.memory.bytes > quota.memory.bytes) over("memory", sum.memory.toString(), quota.memory.toString(), top((f) => f.memory.bytes, (f) => f.memory.toString()));
      if (sum.storage.bytes > quota.storage.bytes) over("storage", sum.storage.toString(), quota.storage.toString(), top((f) => f.storage.bytes, (f) => f.storage.toString()));
      if (sum.pods > quota.pods) over("pods", String(sum.pods), String(quota.pods), top((f) => f.pods, (f) => String(f.pods)));
    });
  }
  return problems;
};
