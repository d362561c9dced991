import { didYouMean } from "../declaration/did-you-mean";
import { error, type Problem } from "../declaration/problem";
import { dedicatedPoolFor, placeDeclaredEnvironment, requiresDedicatedPool } from "../model/placement";
import type { DeclarationRule } from "./rule";
import { allNamed } from "./salvaged-names";

/**
 * Where levels may run. A cluster hosting level 4 hosts nothing else; every hosted level has a
 * node pool, levels 3 and 4 a dedicated one; every environment lands on a cluster hosting its level.
 */
export const placementRules: DeclarationRule = ({ platform, departments, lock }) => {
  const problems: Problem[] = [];
  const file = platform.file;
  platform.data.clusters.forEach((cluster, ci) => {
    const levels = [...new Set(cluster.levels)].sort();
    if (levels.includes(4) && levels.length > 1) {
      problems.push(error(file, ["clusters", ci, "levels"], `a cluster that hosts level 4 must host level 4 alone; cluster "${cluster.name}" hosts levels ${levels.join(", ")}`));
    }
    cluster.nodePools.forEach((pool, pi) => {
      const foreign = pool.levels.filter((l) => !levels.includes(l));
      if (foreign.length > 0) {
        problems.push(error(file, ["clusters", ci, "nodePools", pi, "levels"], `node pool "${pool.name}" lists level ${foreign.join(", ")}, which cluster "${cluster.name}" does not host (it hosts ${levels.join(", ")})`));
      }
    });
    for (const level of levels) {
      if (!cluster.nodePools.some((pool) => pool.levels.includes(level))) {
        problems.push(error(file, ["clusters", ci, "nodePools"], `cluster "${cluster.name}" hosts level ${level} but no node pool lists level ${level}`));
      } else if (requiresDedicatedPool(level) && !dedicatedPoolFor(cluster, level)) {
        problems.push(error(file, ["clusters", ci, "nodePools"], `cluster "${cluster.name}" hosts level ${level}, which needs a dedicated node pool (dedicated: true) listing level ${level}`));
      }
    }
  });
  platform.data.network.externalNetworks.forEach((network, ni) => {
    if (network.levels.includes(4)) {
      problems.push(error(file, ["network", "externalNetworks", ni, "levels"], `level 4 workloads may not reach external network "${network.name}": level 4 has no egress to external networks`));
    }
  });

  for (const department of departments) {
    department.data.environments.forEach((env, ei) => {
      const at = ["environments", ei];
      if (env.level === undefined && env.cluster === undefined) return; // the level's own problem says enough
      const cluster = placeDeclaredEnvironment(platform.data, department.data.name, env, lock.data.environments);
      if (env.cluster !== undefined && !cluster) {
        if (!allNamed(platform.data.clusters)) return;
        const known = platform.data.clusters.map((c) => c.name).join(", ");
        problems.push(error(department.file, [...at, "cluster"], `unknown cluster "${env.cluster}"${didYouMean(env.cluster, platform.data.clusters.map((c) => c.name))}; declared clusters: ${known}`));
      } else if (!cluster) {
        problems.push(error(department.file, [...at, "level"], `no cluster hosts level ${env.level}`));
      } else if (env.level !== undefined && !cluster.levels.includes(env.level)) {
        problems.push(error(department.file, [...at, "level"], `cluster "${cluster.name}" does not host level ${env.level} (it hosts ${cluster.levels.join(", ")})`));
      }
    });
  }
  return problems;
};
