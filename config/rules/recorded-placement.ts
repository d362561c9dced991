import { error, type Problem } from "../declaration/problem";
import { placeDeclaredEnvironment } from "../model/placement";
import { isPlatformStack } from "../model/stack-names";
import type { DeclarationRule } from "./rule";

/**
 * Placement is decided once. An environment whose namespace holds data (a database or cache the
 * record has) never moves to another cluster, whether its `cluster:` changed or its new level
 * needs another cluster: Terraform would create empty stores there and leave the data behind,
 * unmanaged. The way is a new environment, a restore from backup, and retiring the old one.
 * A stateless environment may move (created there, destroyed here). And a cluster the record
 * still holds department objects on stays declared: Terraform needs its provider for them.
 */
export const recordedPlacement: DeclarationRule = ({ platform, departments, lock }) => {
  const problems: Problem[] = [];
  for (const department of departments) {
    const d = department.data;
    if (d.retired) continue;
    d.environments.forEach((env, ei) => {
      if (env.retired) return;
      const key = `${d.name}/${env.name}`;
      const recorded = lock.data.environments[key]?.cluster;
      const holdsData = lock.data.entries.some((e) => e.kind === "namespace" && e.key === key && !e.retired);
      const placed = placeDeclaredEnvironment(platform.data, d.name, env, lock.data.environments);
      if (recorded === undefined || !holdsData || !placed || placed.name === recorded) return;
      const stores = lock.data.entries
        .filter((e) => e.kind === "service" && e.key.startsWith(`${key}/`) && !e.retired)
        .map((e) => e.key.split("/")[2])
        .join(", ");
      const loss = `would move to cluster "${placed.name}" with new, empty stores and leave the data behind on "${recorded}", unmanaged`;
      const way = `declare a new environment${env.cluster !== undefined ? ` on cluster "${placed.name}"` : ` at level ${env.level}`}, restore its data there from backup, then retire "${env.name}" (retired: true; Terraform forgets it and the data stays)`;
      if (env.cluster !== undefined) {
        problems.push(error(department.file, ["environments", ei, "cluster"], `environment "${env.name}" holds data on cluster "${recorded}" (${stores}) and ${loss}. To move it, ${way}`));
      } else {
        problems.push(error(department.file, ["environments", ei, "level"], `cluster "${recorded}", where environment "${env.name}" holds data (${stores}), does not host level ${env.level}: the environment ${loss}. To raise the level, ${way}`));
      }
    });
  }
  const declared = new Set(platform.data.clusters.map((c) => c.name));
  for (const [stack, clusters] of Object.entries(lock.data.stacks)) {
    if (isPlatformStack(stack)) continue;
    for (const [cluster, namespaces] of Object.entries(clusters)) {
      if (declared.has(cluster)) continue;
      const count = Object.values(namespaces).reduce((n, addresses) => n + addresses.length, 0);
      problems.push(
        error(lock.file, ["stacks", stack, cluster], `stack ${stack} holds ${count} objects on cluster "${cluster}", which platform.yaml no longer declares: Terraform needs that cluster's provider to keep, forget or destroy them. Keep the cluster declared until nothing is recorded on it (move or retire its environments first)`),
      );
    }
  }
  return problems;
};
