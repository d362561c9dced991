import { error, type Problem } from "../declaration/problem";
import type { DeclarationRule } from "./rule";
import { allNamed } from "./salvaged-names";

/** A service reaches an external network only if it names it and the platform allows its level there. */
export const externalEgress: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const networks = new Map(platform.data.network.externalNetworks.map((n) => [n.name, n]));
  const known = [...networks.keys()].sort().join(", ") || "none declared";
  const extranet = platform.data.network.gateway.extranet;
  if (extranet !== undefined && !networks.has(extranet)) {
    problems.push(error(platform.file, ["network", "gateway", "extranet"], `unknown external network "${extranet}"; declared networks: ${known}`));
  }
  for (const department of departments) {
    department.data.environments.forEach((env, ei) =>
      env.services.forEach((service, si) => {
        if (service.name === undefined) return; // a service without a valid name: its name's problem is reported
        const target = service.backup?.target;
        const reached = [
          ...service.egressTo.map((name, ni) => ({ name, at: ["environments", ei, "services", si, "egressTo", ni] })),
          ...(target && "s3" in target ? [{ name: target.s3.network, at: ["environments", ei, "services", si, "backup", "target", "s3", "network"] }] : []),
        ];
        reached.forEach(({ name, at }) => {
          const network = networks.get(name);
          if (!network) {
            if (!allNamed(platform.data.network.externalNetworks)) return;
            problems.push(error(department.file, at, `unknown external network "${name}"; declared networks: ${known}`));
          } else if (env.level === undefined) {
            return;
          } else if (env.level === 4) {
            problems.push(error(department.file, at, `level 4 workloads have no egress to external networks; service "${service.name}" cannot reach "${name}"`));
          } else if (!network.levels.includes(env.level)) {
            problems.push(error(department.file, at, `the platform does not let level ${env.level} reach external network "${name}" (allowed levels: ${[...network.levels].sort().join(", ") || "none"})`));
          }
        });
      }),
    );
  }
  return problems;
};
