import { basename } from "node:path";
import { error, formatFieldPath, type Problem } from "../declaration/problem";
import { duplicates, type DeclarationRule } from "./rule";

/** Names are addresses (Terraform ids, namespaces): each must be unique where it is used. */
export const uniqueNames: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const dup = (file: string, items: readonly { name: string }[], path: (i: number) => (string | number)[], what: string) => {
    for (const d of duplicates(items, (x) => x.name)) {
      problems.push(error(file, [...path(d.index), "name"], `duplicate ${what} name "${d.key}" (first declared at ${formatFieldPath(path(d.first))})`));
    }
  };
  const p = platform.data;
  dup(platform.file, p.clusters, (i) => ["clusters", i], "cluster");
  p.clusters.forEach((c, ci) => dup(platform.file, c.nodePools, (i) => ["clusters", ci, "nodePools", i], "node pool"));
  dup(platform.file, p.network.externalNetworks, (i) => ["network", "externalNetworks", i], "external network");

  for (const d of duplicates(departments, (x) => x.data.name)) {
    problems.push(error(departments[d.index].file, ["name"], `duplicate department name "${d.key}" (also declared in ${departments[d.first].file})`));
  }
  for (const department of departments) {
    const expected = basename(department.file).replace(/\.ya?ml$/, "");
    if (department.data.name !== undefined && department.data.name !== expected) {
      problems.push(error(department.file, ["name"], `department "${department.data.name}" must be declared in a file named ${department.data.name}.yaml; this file is ${expected}`));
    }
    const envs = department.data.environments;
    dup(department.file, envs, (i) => ["environments", i], "environment");
    envs.forEach((env, ei) => dup(department.file, env.services, (i) => ["environments", ei, "services", i], "service"));
  }
  return problems;
};
