import { didYouMean } from "../declaration/did-you-mean";
import { error, warning, type Problem } from "../declaration/problem";
import { daysBetween, expiryStatus } from "../model/calendar";
import { MLPS_RULE_IDS } from "./mlps-rule-ids";
import type { DeclarationRule } from "./rule";

/**
 * A waiver names a rule of the pack and has a life: granted, then valid until its expiry.
 * Checked with the declaration, so `validate` says what `synth` would refuse, with a position.
 * Whether a waiver matches a finding is known only from the artifact: the audit reports that.
 */
export const waiverRules: DeclarationRule = ({ waivers }, { today }) => {
  const problems: Problem[] = [];
  const known = new Set(MLPS_RULE_IDS);
  (waivers.data.waivers ?? []).forEach((waiver, wi) => {
    const at = (field: string) => ["waivers", wi, field];
    const name = waiver.ticket ?? `waivers[${wi}]`;
    if (waiver.rule !== undefined && !known.has(waiver.rule)) {
      // Ids differ in one place by design (NET-01, NET-02): only a one-character slip is a typo.
      const suggestion = didYouMean(waiver.rule, known, 1) || ` (the rule pack has ${[...known].sort().join(", ")})`;
      problems.push(error(waivers.file, at("rule"), `unknown rule "${waiver.rule}": the waiver would waive nothing${suggestion}`));
    }
    if (waiver.expires === undefined) return;
    if (waiver.granted !== undefined) {
      if (waiver.granted > waiver.expires) {
        problems.push(error(waivers.file, at("granted"), `waiver ${name} is granted on ${waiver.granted}, after it expires on ${waiver.expires}`));
      }
    }
    const status = expiryStatus(waiver.expires, today);
    if (status === "expired") {
      problems.push(error(waivers.file, at("expires"), `waiver ${name} expired on ${waiver.expires}: fix the finding or renew the waiver with a new approval`));
    } else if (status === "expiring") {
      problems.push(warning(waivers.file, at("expires"), `waiver ${name} expires on ${waiver.expires}, in ${daysBetween(today, waiver.expires)} days: renew it or fix the finding in time`));
    }
  });
  return problems;
};
