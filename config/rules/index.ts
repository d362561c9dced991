import type { Declaration } from "../declaration/load-declaration";
import type { Problem } from "../declaration/problem";
import { capacity } from "./capacity";
import { dataClasses } from "./data-classes";
import { namespaceNames } from "./namespace-names";
import { placementRules } from "./placement-rules";
import { platformPolicy } from "./platform-policy";
import { references } from "./references";
import type { DeclarationRule, RuleContext } from "./rule";
import { sharingAgreements } from "./sharing-agreements";
import { externalEgress } from "./external-egress";
import { externalNetworks } from "./external-networks";
import { images } from "./images";
import { quotaAccounting } from "./quota-accounting";
import { serviceTemplates } from "./service-templates";
import { uniqueNames } from "./unique-names";
import { checkStatefulLock } from "./stateful-lock-rule";
import { recordedPlacement } from "./recorded-placement";

const statefulLock: DeclarationRule = ({ lock, departments }) => checkStatefulLock(lock.data.entries, lock.file, departments.map((d) => d.data));

/** Every cross-field and cross-file rule; each runs on its own so all problems are found in one pass. */
export const DECLARATION_RULES: readonly DeclarationRule[] = [
  uniqueNames,
  references,
  placementRules,
  dataClasses,
  capacity,
  platformPolicy,
  namespaceNames,
  externalNetworks,
  externalEgress,
  sharingAgreements,
  images,
  serviceTemplates,
  quotaAccounting,
  statefulLock,
  recordedPlacement,
];

export function checkDeclaration(declaration: Declaration, context: RuleContext): Problem[] {
  return DECLARATION_RULES.flatMap((rule) => rule(declaration, context));
}
