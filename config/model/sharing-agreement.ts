import type { Sourced } from "../declaration/load-declaration";
import type { DepartmentDeclaration } from "../schema/department";
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

/**
 * An approved, two-sided data-sharing agreement between a provider service and a consumer
 * service. `route` says how traffic flows: pod to pod on one cluster, or through the
 * provider cluster's gateway across clusters.
 */
export interface SharingAgreementModel {
  readonly provider: SharingParty & { readonly port: number; readonly dataClass: string; readonly exposure: string };
  readonly consumer: SharingParty;
  readonly purpose: string;
  readonly consumerPurpose: string;
  readonly approval: string;
  readonly expires: IsoDate;
  readonly status: ExpiryStatus;
  readonly route: "direct" | "gateway";
}

/** Every two-sided agreement, expired ones included (they are reported, never rendered), in a stable order. */
export function buildSharingAgreements(
  platform: PlatformDeclaration,
  departments: readonly Sourced<DepartmentDeclaration>[],
  today: IsoDate,
  placements: RecordedPlacements = {},
): SharingAgreementModel[] {
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
      return {
        provider: { ...provider, port: declared.port!, dataClass: declared.dataClass, exposure: declared.exposure },
        consumer,
        purpose: offer.purpose,
        consumerPurpose: consumption.purpose,
        approval: offer.approval,
        expires: offer.expires,
        status: expiryStatus(offer.expires, today),
        route: provider.cluster === consumer.cluster ? ("direct" as const) : ("gateway" as const),
      };
    })
    .sort((a, b) => (agreementKey(a) < agreementKey(b) ? -1 : 1));
}

export function agreementKey(a: SharingAgreementModel): string {
  const address = (p: SharingParty) => `${p.department}/${p.environment}/${p.service}`;
  return `${address(a.provider)} -> ${address(a.consumer)}`;
}
