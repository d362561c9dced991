import type { Declaration } from "../declaration/load-declaration";
import type { Problem } from "../declaration/problem";
import { capacity } from "./capacity";
import { nodePoolCapacity } from "./node-pool-capacity";
import { applyScheduleRule } from "./apply-schedule";
import { dataCatalogue } from "./data-catalogue";
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
import { waiverRules } from "./waiver-rules";
import { allNamed } from "./salvaged-names";
import { clusterProvisioningRules } from "./cluster-provisioning-rules";
import { recordedWorkloadClustersRule } from "./recorded-workload-clusters";

const statefulLock: DeclarationRule = ({ lock, departments, complete }) => {
  // A department file that failed to read may be the one still declaring a locked object.
  if (!complete && !departments.every((d) => allNamed(d.data.environments) && d.data.environments.every((e) => allNamed(e.services)))) return [];
  if (!complete && !allNamed(departments.map((d) => d.data))) return [];
  return checkStatefulLock(lock.data.entries, lock.file, departments.map((d) => d.data));
};

/** Every cross-field and cross-file rule; each runs on its own so all problems are found in one pass. */
export const DECLARATION_RULES: readonly DeclarationRule[] = [
  uniqueNames,
  references,
  placementRules,
  clusterProvisioningRules,
  dataClasses,
  capacity,
  nodePoolCapacity,
  platformPolicy,
  namespaceNames,
  externalNetworks,
  externalEgress,
  dataCatalogue,
  sharingAgreements,
  applyScheduleRule,
  images,
  serviceTemplates,
  quotaAccounting,
  statefulLock,
  recordedPlacement,
  recordedWorkloadClustersRule,
  waiverRules,
];

/**
 * Runs every rule. On a salvaged declaration (some file failed its schema) a field a rule reads
 * may be missing; a rule that then throws could not decide, and stays quiet rather than
 * guessing, while every other rule still reports. On a complete declaration a throw is a bug.
 */
export function checkDeclaration(declaration: Declaration, context: RuleContext): Problem[] {
  return DECLARATION_RULES.flatMap((rule) => {
    if (declaration.complete) return rule(declaration, context);
    try {
      return rule(declaration, context);
    } catch {
      return [];
    }
  });
}
