import type { Sourced } from "../declaration/load-declaration";
import type { DepartmentDeclaration, ShareAttribute } from "../schema/department";
import { dataClassLevels } from "../rules/data-classes";
import { dataClassesOf, effectiveDataClass, type DeclaredDataClass } from "./data-class";
import type { PlatformDeclaration } from "../schema/platform";
import { expiryStatus, type ExpiryStatus, type IsoDate } from "./calendar";
import { namespaceName, placeDeclaredEnvironment, type RecordedPlacements } from "./placement";
import { matchSharing } from "./sharing-match";
import type { Level } from "../schema/common";

/** One side of an agreement: a service of one environment of one department. */
export interface SharingParty {
  readonly department: string;
  readonly environment: string;
  readonly service: string;
  readonly namespace: string;
  readonly cluster: string;
  readonly level: Level;
}

/** The catalogue entry (政务数据目录) a flow uses: what is shared, under which attribute and basis. */
export interface CatalogueReference {
  readonly id: string;
  readonly resource: string;
  readonly share: ShareAttribute;
  readonly legalBasis?: string;
}

/**
 * One consumer's use of a catalogued data resource: declared by the consumer, and for
 * conditionally shared resources approved in the provider's offer. `route` says how traffic
 * flows: pod to pod on one cluster, or through the provider cluster's gateway across clusters.
 */
export interface SharingAgreementModel {
  readonly provider: SharingParty & { readonly port: number; readonly dataClass: string; readonly exposure: string };
  readonly consumer: SharingParty;
  readonly catalogue: CatalogueReference;
  readonly purpose: string;
  readonly consumerPurpose: string;
  /** The approval of a conditional agreement; the catalogue entry's code for unconditional sharing. */
  readonly approval: string;
  /** Since when the consumer may use it: the agreement's approval, or the consumer's registration. */
  readonly since?: IsoDate;
  /** Conditional sharing ends; unconditional sharing lasts while the entry does. */
  readonly expires?: IsoDate;
  readonly status: ExpiryStatus;
  readonly route: "direct" | "gateway";
}

/** Every agreement, expired ones included (they are reported, never rendered), in a stable order. */
export function buildSharingAgreements(
  platform: PlatformDeclaration,
  departments: readonly Sourced<DepartmentDeclaration>[],
  today: IsoDate,
  placements: RecordedPlacements = {},
): SharingAgreementModel[] {
  const levels = dataClassLevels(platform.dataClasses);
  const party = (department: DepartmentDeclaration, environment: string, service: string) => {
    const env = department.environments.find((e) => e.name === environment)!;
    return {
      department: department.name,
      environment,
      service,
      namespace: namespaceName(department.name, environment),
      cluster: placeDeclaredEnvironment(platform, department.name, env, placements)!.name,
      level: env.level,
      declared: env.services.find((s) => s.name === service)!,
    };
  };
  return matchSharing(departments)
    .pairs.map(({ provider: p, consumer: c }) => {
      const providerDept = departments[p.department].data;
      const offer = providerDept.sharing.offers[p.offer];
      const consumerDept = departments[c.department].data;
      const consumption = consumerDept.sharing.consumes[c.consumption];
      const [providerEnv, providerService] = offer.service.split("/");
      const [consumerEnv, consumerService] = consumption.consumer.split("/");
      const { declared, ...provider } = party(providerDept, providerEnv, providerService);
      const { declared: _consumerService, ...consumer } = party(consumerDept, consumerEnv, consumerService);
      const { id, resource, share, legalBasis } = offer.catalogue;
      const conditional = share === "conditional";
      const since = conditional ? offer.granted : consumption.since;
      return {
        provider: { ...provider, port: declared.port!, dataClass: catalogueDataClass(offer.catalogue, declared.dataClass, levels), exposure: declared.exposure },
        consumer,
        catalogue: { id, resource, share, ...(legalBasis !== undefined ? { legalBasis } : {}) },
        purpose: offer.purpose ?? resource,
        consumerPurpose: consumption.purpose,
        approval: conditional ? offer.approval! : id,
        ...(since !== undefined ? { since } : {}),
        ...(conditional ? { expires: offer.expires! } : {}),
        status: conditional ? expiryStatus(offer.expires!, today) : ("active" as const),
        route: provider.cluster === consumer.cluster ? ("direct" as const) : ("gateway" as const),
      };
    })
    .sort((a, b) => (agreementKey(a) < agreementKey(b) ? -1 : 1));
}

/** The class a catalogued resource is shared at: its own, never below the service's that serves it. */
export function catalogueDataClass(entry: { readonly dataClass?: string }, serviceClass: DeclaredDataClass, levels: Readonly<Record<string, number>>): string {
  return effectiveDataClass(entry.dataClass !== undefined ? [...dataClassesOf(serviceClass), entry.dataClass] : serviceClass, levels);
}

export function agreementKey(a: SharingAgreementModel): string {
  const address = (p: SharingParty) => `${p.department}/${p.environment}/${p.service}`;
  return `${address(a.provider)} -> ${address(a.consumer)}`;
}
