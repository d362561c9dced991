import type { DepartmentDeclaration, ShareAttribute } from "../schema/department";
import { catalogueDataClass } from "./sharing-agreement";

/**
 * The platform's government data catalogue (政务数据目录): every data resource a department's
 * service provides, with its share attribute and basis, as the departments declared them. One
 * entry per catalogue code; several conditional agreements of one entry are one entry here.
 */
export interface DataCatalogueEntry {
  readonly id: string;
  readonly resource: string;
  readonly share: ShareAttribute;
  readonly legalBasis?: string;
  readonly dataClass: string;
  /** The providing service, department/environment/service. */
  readonly provider: string;
  readonly department: string;
}

export function buildDataCatalogue(departments: readonly DepartmentDeclaration[], levels: Readonly<Record<string, number>>): DataCatalogueEntry[] {
  const entries = new Map<string, DataCatalogueEntry>();
  for (const department of departments) {
    if (department.retired) continue;
    for (const offer of department.sharing.offers) {
      const [environment, name] = offer.service.split("/");
      const service = department.environments.find((e) => e.name === environment)?.services.find((s) => s.name === name);
      if (!service || entries.has(offer.catalogue.id)) continue;
      const { id, resource, share, legalBasis } = offer.catalogue;
      entries.set(id, {
        id,
        resource,
        share,
        ...(legalBasis !== undefined ? { legalBasis } : {}),
        dataClass: catalogueDataClass(offer.catalogue, service.dataClass, levels),
        provider: `${department.name}/${offer.service}`,
        department: department.name,
      });
    }
  }
  return [...entries.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
