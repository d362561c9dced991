import { error, type Problem } from "../declaration/problem";
import { namespaceName } from "../model/placement";
import type { DeclarationRule } from "./rule";

/** Generated namespaces must be valid DNS labels and must not collide with each other or the platform's. */
export const namespaceNames: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const { gateway, management } = platform.data.network;
  const owners = new Map<string, string>([
    [gateway.namespace, "the gateway zone"],
    [management.namespace, "the management zone"],
  ]);
  for (const department of departments) {
    department.data.environments.forEach((env, ei) => {
      const namespace = namespaceName(department.data.name, env.name);
      const at = ["environments", ei, "name"];
      if (namespace.length > 63) {
        problems.push(error(department.file, at, `namespace "${namespace}" would be ${namespace.length} characters; department and environment names together must stay within 63`));
      }
      const owner = owners.get(namespace);
      const duplicateEnvironment = department.data.environments.findIndex((e) => e.name === env.name) !== ei;
      // A repeated environment name is reported by the unique-names rule; saying it twice helps no one.
      if (owner && !duplicateEnvironment) problems.push(error(department.file, at, `namespace "${namespace}" is already used by ${owner}`));
      else if (!owner) owners.set(namespace, `${department.file} environments[${ei}]`);
    });
  }
  return problems;
};
