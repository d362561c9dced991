import type { Sourced } from "../declaration/load-declaration";
import { error, formatFieldPath, warning, type Problem } from "../declaration/problem";
import { expiryStatus, daysBetween } from "../model/calendar";
import { namespaceName, placeDeclaredEnvironment } from "../model/placement";
import { consumerCommonName, MAX_COMMON_NAME } from "../model/sharing-routes";
import { matchSharing } from "../model/sharing-match";
import type { DepartmentDeclaration } from "../schema/department";
import { catalogueDataClass } from "../model/sharing-agreement";
import { dataClassesOf } from "../model/data-class";
import { dataClassLevels } from "./data-classes";
import type { DeclarationRule } from "./rule";

/**
 * Data sharing is explicit: a consumer declares every use; a conditional agreement is two-sided,
 * refused when one side is missing; a resource catalogued as not shared is refused, quoting its
 * basis. Any use is refused when the consumer's level is below what the shared data needs, or
 * when a cross-cluster flow has no gateway route. Expired agreements are reported and left out;
 * those about to expire give a warning.
 */
export const sharingAgreements: DeclarationRule = ({ platform, departments, lock }, { today }) => {
  const problems: Problem[] = [];
  const p = platform.data;
  const classes = dataClassLevels(p.dataClasses);
  const find = lookup(departments);

  if (p.platform.operatorDepartment !== undefined && !departments.some((d) => d.data.name === p.platform.operatorDepartment)) {
    problems.push(error(platform.file, ["platform", "operatorDepartment"], `no department "${p.platform.operatorDepartment}" is declared (a file departments/${p.platform.operatorDepartment}.yaml)`));
  }

  // One agreement per provider service and consumer: a repeated one would render the same policies twice.
  for (const department of departments) {
    const first = new Map<string, string>();
    department.data.sharing.offers.forEach((offer, oi) =>
      (offer.consumers ?? []).forEach((consumer, ci) => {
        const key = `${offer.service} ${consumer}`;
        const at = ["sharing", "offers", oi, "consumers", ci];
        const earlier = first.get(key);
        if (earlier) problems.push(error(department.file, at, `consumer "${consumer}" is already given ${offer.service} at ${earlier}; list each consumer once per offered service`));
        else first.set(key, formatFieldPath(at));
      }),
    );
    const declared = new Map<string, string>();
    department.data.sharing.consumes.forEach((c, ci) => {
      if (c.provider === undefined || c.consumer === undefined) return;
      const key = `${c.provider} ${c.consumer}`;
      const at = ["sharing", "consumes", ci];
      const earlier = declared.get(key);
      if (earlier) problems.push(error(department.file, at, `${c.consumer} already consumes ${c.provider} at ${earlier}; declare each consumption once`));
      else declared.set(key, formatFieldPath(at));
    });
  }

  const match = matchSharing(departments);
  // On a salvaged declaration, the answer to a side may be the entry that failed its schema.
  const offersKnown = (d: (typeof departments)[number]) => d.data.sharing.offers.every((o) => o.service !== undefined && o.catalogue?.share !== undefined);
  const consumptionsKnown = (d: (typeof departments)[number]) => d.data.sharing.consumes.every((c) => c.provider !== undefined && c.consumer !== undefined);
  for (const side of match.unansweredOffers) {
    const provider = departments[side.department];
    const offer = provider.data.sharing.offers[side.offer];
    const consumer = offer.consumers![side.consumer];
    if (!find(consumer) || !find(`${provider.data.name}/${offer.service}`)) continue; // reported as a missing reference
    const [dept, env, service] = consumer.split("/");
    if (dept === provider.data.name) continue; // sharing inside a department is refused below
    // A consumption with a mistyped provider is reported there; blaming the provider as well would mislead.
    const consumerDept = departments.find((d) => d.data.name === dept)!;
    if (!consumptionsKnown(consumerDept)) continue;
    if (consumerDept.data.sharing.consumes.some((c) => c.consumer === `${env}/${service}` && !find(c.provider))) continue;
    problems.push(error(provider.file, ["sharing", "offers", side.offer, "consumers", side.consumer], `one-sided agreement: department "${dept}" does not declare this consumption; the flow opens only when both sides declare it (add to ${dept}.yaml sharing.consumes: { provider: ${provider.data.name}/${offer.service}, consumer: ${env}/${service} })`));
  }
  for (const side of match.unansweredConsumptions) {
    const consumer = departments[side.department];
    const consumption = consumer.data.sharing.consumes[side.consumption];
    if (!find(consumption.provider) || !find(`${consumer.data.name}/${consumption.consumer}`)) continue;
    const [dept, env, service] = consumption.provider.split("/");
    const providerDept = departments.find((d) => d.data.name === dept);
    if (providerDept && !offersKnown(providerDept)) continue;
    problems.push(error(consumer.file, ["sharing", "consumes", side.consumption], `one-sided agreement: department "${dept}" does not offer ${env}/${service} to ${consumer.data.name}/${consumption.consumer}; the flow opens only when both sides declare it`));
  }
  for (const { provider: side, consumer: using } of match.refusedConsumptions) {
    const entry = departments[side.department].data.sharing.offers[side.offer].catalogue;
    const consumer = departments[using.department];
    const consumption = consumer.data.sharing.consumes[using.consumption];
    problems.push(error(consumer.file, ["sharing", "consumes", using.consumption], `${consumption.provider} is catalogued as not shared (不予共享): entry ${entry.id} "${entry.resource}", on the basis of ${entry.legalBasis ?? "its catalogue entry"}; remove this consumption`));
  }

  departments.forEach((providerDept) =>
    providerDept.data.sharing.offers.forEach((offer, oi) => {
      const at = ["sharing", "offers", oi];
      const provider = find(`${providerDept.data.name}/${offer.service}`);
      const share = offer.catalogue?.share;
      if (!provider || share === undefined || share === "not-shared") return;
      const agreement = share === "conditional" ? `agreement ${offer.approval}` : `catalogue entry ${offer.catalogue.id}`;
      if (isRetired(provider)) {
        problems.push(error(providerDept.file, [...at, "service"], `offered service "${offer.service}" is retired; end the ${agreement} by removing this offer and its consumptions`));
        return;
      }
      if (provider.service.port === undefined) {
        problems.push(error(providerDept.file, [...at, "service"], `offered service "${offer.service}" declares no port, so nothing can be opened to it`));
      }
      if (share === "conditional") {
        if (offer.approval === undefined || offer.expires === undefined || offer.consumers === undefined) return; // reported by the catalogue rules
        const status = expiryStatus(offer.expires, today);
        const consumers = offer.consumers.join(", ");
        if (status === "expired") {
          problems.push(warning(providerDept.file, [...at, "expires"], `agreement ${offer.approval} sharing ${offer.service} with ${consumers} expired on ${offer.expires}; it is not rendered (renew it with a new approval, or remove it)`));
        } else if (status === "expiring") {
          problems.push(warning(providerDept.file, [...at, "expires"], `agreement ${offer.approval} sharing ${offer.service} with ${consumers} expires on ${offer.expires}, in ${daysBetween(today, offer.expires)} days; renew it in time`));
        }
      }
      if (provider.service.dataClass === undefined || dataClassesOf(provider.service.dataClass).some((c) => classes[c] === undefined)) return; // reported by the data-class rule
      const dataClass = catalogueDataClass(offer.catalogue, provider.service.dataClass, classes);
      if (classes[dataClass] === undefined) return;
      // Who uses it, and where the user wrote it: a conditional agreement's consumers are in the
      // offer; those of an unconditionally shared resource are in their own consumptions.
      const uses =
        share === "conditional"
          ? (offer.consumers ?? []).map((address, ci) => ({ address, file: providerDept.file, at: [...at, "consumers", ci] }))
          : match.pairs
              .filter((pair) => departments[pair.provider.department] === providerDept && pair.provider.offer === oi)
              .map(({ consumer: c }) => {
                const consumer = departments[c.department];
                const consumption = consumer.data.sharing.consumes[c.consumption];
                return { address: `${consumer.data.name}/${consumption.consumer}`, file: consumer.file, at: ["sharing", "consumes", c.consumption], since: consumption.since };
              });
      for (const use of uses) {
        checkUse(use, offer, providerDept, provider, dataClass);
      }
    }),
  );

  function checkUse(
    use: { address: string; file: string; at: Array<string | number>; since?: string },
    offer: DepartmentDeclaration["sharing"]["offers"][number],
    providerDept: Sourced<DepartmentDeclaration>,
    provider: Found,
    dataClass: string,
  ): void {
    const { address, file, at: cat } = use;
    const consumer = find(address);
    if (!consumer) return;
    const required = classes[dataClass];
    const entry = offer.catalogue;
    const shared = `'${dataClass}' data of "${providerDept.data.name}/${offer.service}"`;
    if (isRetired(consumer)) {
      problems.push(error(file, cat, `consumer "${address}" is retired; remove it from the agreement (and its consumption)`));
      return;
    }
    if (consumer.department.data.name === providerDept.data.name) {
      problems.push(error(file, cat, `"${address}" belongs to the providing department; sharing is between departments (inside an environment, use connectsTo)`));
      return;
    }
    if (entry.share === "unconditional" && use.since === undefined) {
      problems.push(error(file, cat, `consumption of the unconditionally shared entry ${entry.id} "${entry.resource}": give since, the day ${consumer.department.data.name} registered its use (the sharing ledger's start)`));
    }
    if (consumer.environment.level < required) {
      problems.push(error(file, cat, `consumer "${address}" runs at level ${consumer.environment.level}, below level ${required} that ${shared} requires`));
    }
    const providerCluster = placeDeclaredEnvironment(p, providerDept.data.name, provider.environment, lock.data.environments);
    const consumerCluster = placeDeclaredEnvironment(p, consumer.department.data.name, consumer.environment, lock.data.environments);
    if (providerCluster && consumerCluster && providerCluster.name !== consumerCluster.name) {
      const through = `cross-cluster access: consumer "${address}" runs on cluster "${consumerCluster.name}" and reaches "${providerDept.data.name}/${offer.service}" on cluster "${providerCluster.name}" only through that cluster's gateway`;
      if (provider.service.exposure === "none") {
        problems.push(error(file, cat, `${through}; declare exposure: internal (or extranet) on service "${provider.service.name}"`));
      }
      if (providerCluster.gatewayAddresses === undefined) {
        problems.push(error(file, cat, `${through}; cluster "${providerCluster.name}" must declare gatewayAddresses in ${platform.file}`));
      }
      if (p.network.gateway.sharingCa === undefined) {
        problems.push(error(file, cat, `${through}, which admits a consumer only by a client certificate from the platform's sharing CA; declare network.gateway.sharingCa in ${platform.file}`));
      }
      const [consumerEnv, consumerService] = [consumer.environment.name, consumer.service.name];
      const commonName = consumerCommonName({ service: consumerService, namespace: namespaceName(consumer.department.data.name, consumerEnv) });
      if (commonName.length > MAX_COMMON_NAME) {
        problems.push(error(file, cat, `${through}, presenting a client certificate named "${commonName}" (${commonName.length} characters); a certificate's common name has at most ${MAX_COMMON_NAME}: shorten the consumer's service, environment or department name`));
      }
      if (!HTTP_TEMPLATES.has(provider.service.template)) {
        problems.push(error(file, cat, `${through}, an HTTPS route; "${providerDept.data.name}/${offer.service}" is a ${provider.service.template} service, and only web and api services are routed (offer an api in front of it)`));
      }
      if (!CERTIFICATE_MOUNTING_TEMPLATES.has(consumer.service.template)) {
        problems.push(error(file, cat, `${through}; consumer "${address}" is a ${consumer.service.template} service, which cannot present a client certificate (consumers across clusters are web, api, worker or cron services)`));
      }
    }
  }
  return problems;
};

/** Templates serving HTTP on a port named `http`, which a gateway route forwards to. */
const HTTP_TEMPLATES: ReadonlySet<string> = new Set(["web", "api"]);
/** Templates whose pods mount the client certificate a cross-cluster consumer presents. */
const CERTIFICATE_MOUNTING_TEMPLATES: ReadonlySet<string> = new Set(["web", "api", "worker", "cron"]);

type Found = {
  department: Sourced<DepartmentDeclaration>;
  environment: DepartmentDeclaration["environments"][number];
  service: DepartmentDeclaration["environments"][number]["services"][number];
};

function isRetired({ department, environment, service }: Found): boolean {
  return department.data.retired === true || environment.retired === true || service.retired === true;
}

/** Resolves `department/environment/service` addresses against the declaration. */
export function lookup(departments: readonly Sourced<DepartmentDeclaration>[]): (address: string) => Found | undefined {
  return (address) => {
    const [dept, env, svc] = address.split("/");
    const department = departments.find((d) => d.data.name === dept);
    const environment = department?.data.environments.find((e) => e.name === env);
    const service = environment?.services.find((s) => s.name === svc);
    return department && environment && service ? { department, environment, service } : undefined;
  };
}
