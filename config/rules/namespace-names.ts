import { error, type Problem } from "../declaration/problem";
import { namespaceName } from "../model/placement";
import type { DeclarationRule } from "./rule";

/** Namespaces every cluster has: a tenant or a zone taking one over would govern what it does not own. */
const KUBERNETES_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** Generated namespaces must be valid DNS labels and must not collide with each other or the platform's. */
export const namespaceNames: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const { gateway, management, dns } = platform.data.network;
  const owners = new Map<string, string>(KUBERNETES_NAMESPACES.map((name) => [name, "Kubernetes itself"]));
  if (!owners.has(dns.namespace)) owners.set(dns.namespace, "the cluster DNS");
  const zones = [
    { namespace: gateway.namespace, at: ["network", "gateway", "namespace"], zone: "the gateway zone" },
    { namespace: management.namespace, at: ["network", "management", "namespace"], zone: "the management zone" },
  ];
  for (const { namespace, at, zone } of zones) {
    const owner = owners.get(namespace);
    if (owner) problems.push(error(platform.file, at, `namespace "${namespace}" is already used by ${owner}; ${zone} needs a namespace of its own`));
    else owners.set(namespace, zone);
  }
  for (const department of departments) {
    department.data.environments.forEach((env, ei) => {
      if (department.data.name === undefined || env.name === undefined) return;
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
