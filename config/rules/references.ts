import { didYouMean } from "../declaration/did-you-mean";
import { error, type Problem } from "../declaration/problem";
import type { DeclarationRule } from "./rule";
import { allNamed } from "./salvaged-names";

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
    const department = departments.find((d) => d.data.name === dept);
    if (!department) return allNamed(departments.map((d) => d.data)) ? `no department "${dept}" is declared` : undefined;
    const environment = department.data.environments?.find((e) => e.name === env);
    if (!environment) return allNamed(department.data.environments) ? `department "${dept}" has no environment "${env}"` : undefined;
    if (!environment.services.some((s) => s.name === service)) return allNamed(environment.services) ? `environment "${dept}/${env}" has no service "${service}"` : undefined;
    return undefined;
  };

  for (const department of departments) {
    const name = department.data.name;
    department.data.environments.forEach((env, ei) => {
      const local = services.get(`${name}/${env.name}`)!;
      env.services.forEach((service, si) => {
        if (service.name === undefined) return; // a service without a valid name: its name's problem is reported
        service.connectsTo.forEach((target, ti) => {
          const at = ["environments", ei, "services", si, "connectsTo", ti];
          if (target === service.name) problems.push(error(department.file, at, `service "${service.name}" cannot connect to itself`));
          else if (!local.has(target)) {
            if (!allNamed(env.services)) return;
            problems.push(error(department.file, at, `"${target}" is not a service of environment "${env.name}"${didYouMean(target, local)}; connectsTo names services of the same environment (${[...local].sort().join(", ")})`));
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
      if (offer.service === undefined || offer.consumers === undefined) return;
      const missing = describeMissing(`${name}/${offer.service}`);
      if (missing) problems.push(error(department.file, ["sharing", "offers", oi, "service"], `offered service "${offer.service}" does not exist: ${missing}`));
      offer.consumers.forEach((consumer, ci) => {
        const absent = describeMissing(consumer);
        if (absent) problems.push(error(department.file, ["sharing", "offers", oi, "consumers", ci], `consumer "${consumer}" does not exist: ${absent}`));
      });
    });
    consumes.forEach((consumption, ci) => {
      if (consumption.provider === undefined || consumption.consumer === undefined) return;
      const absentProvider = describeMissing(consumption.provider);
      if (absentProvider) problems.push(error(department.file, ["sharing", "consumes", ci, "provider"], `provider "${consumption.provider}" does not exist: ${absentProvider}`));
      const absentConsumer = describeMissing(`${name}/${consumption.consumer}`);
      if (absentConsumer) problems.push(error(department.file, ["sharing", "consumes", ci, "consumer"], `consumer "${consumption.consumer}" does not exist: ${absentConsumer}`));
    });
  }
  return problems;
};
