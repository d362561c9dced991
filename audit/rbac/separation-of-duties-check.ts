import type { PlatformModel } from "../../config/model/platform-model";
import { type AuditCheck, type CheckEvidence, type CheckFinding, decidedCheck, notApplicable, plural } from "./audit-check";
import { ADMIN_DUTIES, type AdminDuty, hostsLevelThreeOrAbove } from "./declared-groups";
import { findingAtRef } from "./finding-at-ref";
import { CLUSTER_WIDE, type GroupPermissions, type Permission } from "./group-permissions";
import { ADMISSION_GROUP, allowedVerbs, CHANGE_VERBS, READ_VERBS, RBAC_GROUP, target, type Target } from "./permission-match";

export const SEPARATION_OF_DUTIES_CHECK = "rbac-separation-of-duties";
const TITLE = "Separation of duties (三权分立) between system, security and audit admins";

interface Forbidden {
  readonly targets: readonly Target[];
  readonly verbs: readonly string[];
}

const IMPERSONATION: Forbidden = { targets: [target("", "users"), target("", "groups"), target("", "serviceaccounts"), target("authentication.k8s.io", "userextras")], verbs: ["impersonate"] };

const WORKLOAD_TARGETS: readonly Target[] = [
  ...["pods", "pods/exec", "pods/attach", "pods/portforward", "pods/ephemeralcontainers", "replicationcontrollers"].map((r) => target("", r)),
  ...["deployments", "statefulsets", "daemonsets", "replicasets"].map((r) => target("apps", r)),
  ...["jobs", "cronjobs"].map((r) => target("batch", r)),
];

/**
 * What each duty must not be able to do, whatever the artifact binds to its groups. Any of
 * them impersonating would let it act as another duty.
 */
const FORBIDDEN: Readonly<Record<AdminDuty, { readonly why: string; readonly rules: readonly Forbidden[] }>> = {
  system: {
    why: "system admins must not change RBAC, network or admission policy",
    rules: [
      { targets: [target(RBAC_GROUP)], verbs: [...CHANGE_VERBS, "escalate", "bind"] },
      { targets: [target("networking.k8s.io", "networkpolicies"), target(ADMISSION_GROUP)], verbs: CHANGE_VERBS },
      IMPERSONATION,
    ],
  },
  security: {
    why: "security admins must not run workloads or read Secrets",
    rules: [{ targets: WORKLOAD_TARGETS, verbs: ["create", "update", "patch"] }, { targets: [target("", "secrets")], verbs: [...READ_VERBS] }, IMPERSONATION],
  },
  audit: {
    why: "audit admins only read, and never Secrets",
    rules: [{ targets: [target("", "secrets")], verbs: [...READ_VERBS] }],
  },
};

/**
 * Where the platform hosts level 3 or above: the declared system, security and audit groups
 * are disjoint, and what the artifact grants each stays within its duty. Judged on effective
 * permissions, so a group bound twice, or a broad role bound to a duty, is caught.
 */
export function checkSeparationOfDuties(model: PlatformModel, permissionsOf: (group: string) => GroupPermissions): AuditCheck {
  if (!hostsLevelThreeOrAbove(model)) {
    return notApplicable(SEPARATION_OF_DUTIES_CHECK, TITLE, "the platform hosts no protection level 3 or above, where MLPS requires separate system, security and audit administrators");
  }
  const findings: CheckFinding[] = [];
  const evidence: CheckEvidence[] = [];
  for (let i = 0; i < ADMIN_DUTIES.length; i++) {
    for (const other of ADMIN_DUTIES.slice(i + 1)) {
      const duty = ADMIN_DUTIES[i];
      for (const group of model.admins[duty].filter((g) => model.admins[other].includes(g)).sort()) {
        findings.push({ message: `group ${group} is declared as both ${duty} and ${other} admins; at level 3 and above the three duties need disjoint groups` });
      }
    }
  }
  for (const duty of ADMIN_DUTIES) {
    for (const group of [...model.admins[duty]].sort()) {
      const { permissions, unresolved } = permissionsOf(group);
      const { why, rules } = FORBIDDEN[duty];
      for (const row of permissions) {
        const verbs = forbiddenVerbs(duty, row, rules);
        if (verbs.length > 0) {
          findings.push(findingAtRef(row.binding, `${duty} admin group ${group} can ${verbs.join(", ")} ${rowLabel(row)} ${where(row)} (${row.role} rules[${row.rule}]): ${why}`));
        }
      }
      for (const grant of unresolved) {
        findings.push(findingAtRef(grant.binding, `binds ${duty} admin group ${group} to ${grant.roleRef}, which the artifact does not define: its permissions cannot be verified`));
      }
      evidence.push({
        statement: `${duty} admin group ${group}: ${plural(permissions.length, "permission row")} from ${plural(new Set(permissions.map((p) => p.binding)).size, "binding")}, none beyond its duty`,
        objects: [...new Set(permissions.flatMap((p) => [p.binding, p.role]))].sort(),
      });
    }
  }
  return decidedCheck(SEPARATION_OF_DUTIES_CHECK, TITLE, evidence, findings);
}

function forbiddenVerbs(duty: AdminDuty, row: Permission, rules: readonly Forbidden[]): string[] {
  if (row.nonResource) return [];
  const grant = { apiGroups: [row.apiGroup], resources: [row.resource], verbs: row.verbs };
  const verbs = new Set<string>();
  // An auditor's every verb must read; the others are judged target by target.
  if (duty === "audit") for (const verb of row.verbs) if (!READ_VERBS.has(verb)) verbs.add(verb);
  for (const rule of rules) for (const t of rule.targets) for (const verb of allowedVerbs(grant, t, rule.verbs)) verbs.add(verb);
  return [...verbs];
}

function rowLabel(row: Permission): string {
  return `${row.apiGroup === "" ? "core" : row.apiGroup}/${row.resource}`;
}

function where(row: Permission): string {
  return row.scope === CLUSTER_WIDE ? `cluster-wide on cluster ${row.cluster}` : `in namespace ${row.scope} on cluster ${row.cluster}`;
}
