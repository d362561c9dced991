import { error, formatFieldPath, type FieldPath, type Problem } from "../declaration/problem";
import { dataClassesOf, effectiveDataClass } from "../model/data-class";
import type { DepartmentDeclaration, ShareAttribute } from "../schema/department";
import { dataClassLevels } from "./data-classes";
import { lookup } from "./sharing-agreements";
import type { DeclarationRule } from "./rule";

type Offer = DepartmentDeclaration["sharing"]["offers"][number];
type OfferField = "consumers" | "purpose" | "approval" | "granted" | "expires";
type WrittenDepartment = { sharing?: { offers?: Array<Record<string, unknown> | undefined> } } | undefined;

/**
 * What each share attribute of the 政务数据共享条例 asks of an offer. Conditional sharing is an
 * agreement: named consumers, an approval, its date and an end, and the basis of the condition.
 * Unconditional sharing is open to every department at the data's level, so an offer names no
 * consumer, approval or end (adding one would be a condition that blocks sharing). A resource
 * not shared names its legal basis, and nothing that would open it.
 */
const FIELDS: Record<ShareAttribute, { readonly required: readonly OfferField[]; readonly forbidden: readonly OfferField[]; readonly legalBasis: boolean }> = {
  conditional: { required: ["consumers", "purpose", "approval", "granted", "expires"], forbidden: [], legalBasis: true },
  unconditional: { required: ["purpose"], forbidden: ["consumers", "approval", "granted", "expires"], legalBasis: false },
  "not-shared": { required: [], forbidden: ["consumers", "purpose", "approval", "granted", "expires"], legalBasis: true },
};

const ATTRIBUTE_NAMES: Record<ShareAttribute, string> = {
  conditional: "conditional (有条件共享)",
  unconditional: "unconditional (无条件共享)",
  "not-shared": "not-shared (不予共享)",
};

/**
 * Every offer is an entry of the platform's data catalogue (政务数据目录). Entries are checked
 * across departments: one code per resource, one resource per service (a connection reaches all
 * of a service, so it cannot tell two entries apart), one source per resource (data obtainable
 * by sharing is not collected again), and a class never below the data the service holds.
 */
export const dataCatalogue: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const levels = dataClassLevels(platform.data.dataClasses);
  const entries = new Map<string, { file: string; at: FieldPath; department: string; offer: Offer }>();
  const resources = new Map<string, { department: string; id: string }>();
  const entryOfService = new Map<string, { id: string; at: FieldPath }>();
  const find = lookup(departments);

  for (const department of departments) {
    department.data.sharing.offers.forEach((offer, oi) => {
      const entry = offer.catalogue;
      if (entry?.share === undefined) return; // its schema problem is reported
      const at: FieldPath = ["sharing", "offers", oi];
      const rules = FIELDS[entry.share];
      const attribute = ATTRIBUTE_NAMES[entry.share];
      // A field salvage dropped was invalid and is reported as such; only one left out is missing here.
      const writtenOffer = department.written === undefined ? offer : (department.written as WrittenDepartment)?.sharing?.offers?.[oi];
      const missing = (field: string, within: Record<string, unknown> | undefined) => within === undefined || within[field] === undefined;
      for (const field of rules.required) {
        if (missing(field, writtenOffer)) problems.push(error(department.file, at, `catalogue entry ${entry.id} is ${attribute}: give ${field}${REQUIRED_WHY[field]}`));
      }
      for (const field of rules.forbidden) {
        if (offer[field] !== undefined) problems.push(error(department.file, [...at, field], `catalogue entry ${entry.id} is ${attribute}: ${FORBIDDEN_WHY[entry.share]}; remove ${field}`));
      }
      if (rules.legalBasis && missing("legalBasis", writtenOffer?.catalogue as Record<string, unknown> | undefined)) {
        problems.push(error(department.file, [...at, "catalogue"], `catalogue entry ${entry.id} is ${attribute}: give legalBasis, the law, regulation or policy the attribute rests on (依据)`));
      }

      const service = offer.service === undefined ? undefined : find(`${department.data.name}/${offer.service}`)?.service;
      if (service?.dataClass !== undefined && entry.dataClass !== undefined && dataClassesOf(service.dataClass).every((c) => levels[c] !== undefined)) {
        const held = effectiveDataClass(service.dataClass, levels);
        if (levels[entry.dataClass] === undefined) {
          problems.push(error(department.file, [...at, "catalogue", "dataClass"], `unknown data class "${entry.dataClass}"; known classes: ${Object.keys(levels).sort().join(", ")}`));
        } else if (levels[entry.dataClass] < levels[held]) {
          problems.push(error(department.file, [...at, "catalogue", "dataClass"], `catalogue entry ${entry.id} declares '${entry.dataClass}' data (level ${levels[entry.dataClass]}), but service "${offer.service}" holds '${held}' data (level ${levels[held]}) and a consumer reaches all of the service: declare the entry '${held}', or offer a service that holds only '${entry.dataClass}' data`));
        }
      }

      const serviceKey = `${department.data.name}/${offer.service}`;
      const earlierOfService = entryOfService.get(serviceKey);
      if (offer.service !== undefined && earlierOfService && earlierOfService.id !== entry.id) {
        problems.push(error(department.file, [...at, "catalogue", "id"], `service "${offer.service}" is already catalogued as entry ${earlierOfService.id} at ${formatFieldPath(earlierOfService.at)}; a connection reaches the whole service, so one service serves one catalogue entry (give each resource its own service)`));
      } else if (offer.service !== undefined && !earlierOfService) {
        entryOfService.set(serviceKey, { id: entry.id, at });
      }

      if (entry.id === undefined || entry.resource === undefined) return; // its schema problem is reported
      const first = entries.get(entry.id);
      if (first) {
        const where = `${first.file} ${formatFieldPath(first.at)}`;
        if (first.department !== department.data.name || first.offer.service !== offer.service) {
          problems.push(error(department.file, [...at, "catalogue", "id"], `catalogue code ${entry.id} is already used by ${first.department}/${first.offer.service} (${where}); each data resource has its own code`));
        } else if (entry.share !== "conditional") {
          problems.push(error(department.file, [...at, "catalogue", "id"], `catalogue entry ${entry.id} is already declared at ${formatFieldPath(first.at)}; an ${attribute} entry is declared once (several offers of one entry are conditional agreements)`));
        } else if (!sameEntry(first.offer.catalogue, entry)) {
          problems.push(error(department.file, [...at, "catalogue"], `catalogue entry ${entry.id} differs from its declaration at ${formatFieldPath(first.at)}; the agreements of one entry repeat it unchanged (resource, share, legalBasis, dataClass)`));
        }
      } else {
        entries.set(entry.id, { file: department.file, at, department: department.data.name, offer });
        const source = resources.get(entry.resource);
        if (source && source.id !== entry.id) {
          problems.push(error(department.file, [...at, "catalogue", "resource"], `data resource "${entry.resource}" is already catalogued by ${source.department} as ${source.id}: data obtainable by sharing is not collected again (consume ${source.id} instead, or name what differs)`));
        } else if (!source) {
          resources.set(entry.resource, { department: department.data.name, id: entry.id });
        }
      }
    });
  }
  return problems;
};

const REQUIRED_WHY: Record<OfferField, string> = {
  consumers: ", the consumers the agreement admits",
  purpose: ", what the shared data is used for",
  approval: ", the approval reference of the agreement",
  granted: ", the day the agreement was approved",
  expires: ", the last day the agreement is valid",
};

const FORBIDDEN_WHY: Record<ShareAttribute, string> = {
  conditional: "",
  unconditional: "every department whose environment meets the data's level may use it by declaring the consumption, without an agreement",
  "not-shared": "nothing of it is shared",
};

function sameEntry(a: Offer["catalogue"], b: Offer["catalogue"]): boolean {
  return a.resource === b.resource && a.share === b.share && a.legalBasis === b.legalBasis && a.dataClass === b.dataClass;
}
