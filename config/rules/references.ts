import { error, type Problem } from "../declaration/problem";
import type { DeclarationRule } from "./rule";

/** Every name a department uses to point at something must resolve. */
export const references: DeclarationRule = ({ departments }) => {
  const problems: Problem[] = [];
  const services = new Map<string, Set<string>>();
  for (const department of departments) {
    for (const env of department.data.environments) {
      services.set(`${department.data.name}/${env.name}`, new Set(env.services.map((s) => s.name)));
    }
  }
  const describeMissing = (address: string): string | undefined => {
    const [dept, env, service] = address.split("/");
    if (!departments.some((d) => d.data.name === dept)) return `no department "${dept}" is declared`;
    const known = services.get(`${dept}/${env}`);
    if (!known) return `department "${dept}" has no environment "${env}"`;
    if (!known.has(service)) return `environment "${dept}/${env}" has no service "${service}"`;
    return undefined;
  };

  for (const department of departments) {
    const name = department.data.name;
    department.data.environments.forEach((env, ei) => {
      const local = services.get(`${name}/${env.name}`)!;
      env.services.forEach((service, si) => {
        service.connectsTo.forEach((target, ti) => {
          const at = ["environments", ei, "services", si, "connectsTo", ti];
          if (target === service.name) problems.push(error(department.file, at, `service "${service.name}" cannot connect to itself`));
          else if (!local.has(target)) {
            problems.push(error(department.file, at, `"${target}" is not a service of environment "${env.name}"; connectsTo names services of the same environment (${[...local].sort().join(", ")})`));
          } else if (env.services.find((s) => s.name === target)?.retired) {
            problems.push(error(department.file, at, `service "${target}" is retired, so "${service.name}" can no longer connect to it; remove it from connectsTo`));
          } else if (env.services.find((s) => s.name === target)?.port === undefined) {
            problems.push(error(department.file, at, `service "${target}" declares no port, so "${service.name}" cannot connect to it; give "${target}" a port`));
          }
        });
      });
    });
    const { offers, consumes } = department.data.sharing;
    offers.forEach((offer, oi) => {
      const missing = describeMissing(`${name}/${offer.service}`);
      if (missing) problems.push(error(department.file, ["sharing", "offers", oi, "service"], `offered service "${offer.service}" does not exist: ${missing}`));
      offer.consumers.forEach((consumer, ci) => {
        const absent = describeMissing(consumer);
        if (absent) problems.push(error(department.file, ["sharing", "offers", oi, "consumers", ci], `consumer "${consumer}" does not exist: ${absent}`));
      });
    });
    consumes.forEach((consumption, ci) => {
      const absentProvider = describeMissing(consumption.provider);
      if (absentProvider) problems.push(error(department.file, ["sharing", "consumes", ci, "provider"], `provider "${consumption.provider}" does not exist: ${absentProvider}`));
      const absentConsumer = describeMissing(`${name}/${consumption.consumer}`);
      if (absentConsumer) problems.push(error(department.file, ["sharing", "consumes", ci, "consumer"], `consumer "${consumption.consumer}" does not exist: ${absentConsumer}`));
    });
  }
  return problems;
};
