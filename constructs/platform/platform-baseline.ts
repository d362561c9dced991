import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { ClusterRoleBindingV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-binding-v1";
import { ClusterRoleV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-v1";
import { PriorityClassV1 } from "@cdktf/provider-kubernetes/lib/priority-class-v1";
import { MANAGED_LABELS, type ProtectionLevel } from "../labels";
import {
  ADMIN_DUTIES,
  ADMIN_ROLE_RULES,
  adminClusterRoleName,
  TENANT_ROLE_RULES,
  TENANT_ROLES,
  tenantClusterRoleName,
  type AdminDuty,
  type PolicyRule,
} from "./rbac-rules";
import { AdmissionPolicies } from "./admission-policies";
import { ZoneNamespace } from "./zone-namespace";

export interface PlatformBaselineProps {
  /** Name of the cluster this baseline is applied to. */
  readonly clusterName: string;
  /** Protection levels the cluster hosts; one priority class is created per level. */
  readonly levels: readonly ProtectionLevel[];
  /** Namespace of the gateway zone (DMZ), where the platform team runs the ingress controller. */
  readonly gatewayNamespace: string;
  /** Namespace of the management zone (monitoring, logging, bastion). */
  readonly managementNamespace: string;
  /** Groups holding each administrative duty (三权分立). */
  readonly admins: Readonly<Record<AdminDuty, readonly string[]>>;
  /** Registries tenant pods may pull from, enforced at admission. */
  readonly registries: readonly string[];
  readonly provider: TerraformProvider;
}

/** Higher levels are scheduled and kept first when the cluster runs short. */
export function levelPriorityClassName(level: ProtectionLevel): string {
  return `govcloud-level-${level}`;
}

/**
 * What every cluster has before any department arrives: the gateway and management zones,
 * the roles tenants are bound to, the separated admin roles and the auditor role, a
 * priority class per hosted level, and admission policies that hold tenants to the catalog's
 * rules (registries, pinning by level, no NodePort or LoadBalancer).
 */
export class PlatformBaseline extends Construct {
  readonly gateway: ZoneNamespace;
  readonly management: ZoneNamespace;
  readonly admission: AdmissionPolicies;

  constructor(scope: Construct, id: string, props: PlatformBaselineProps) {
    super(scope, id);
    const { provider } = props;
    this.gateway = new ZoneNamespace(this, "zone-gateway", {
      name: props.gatewayNamespace,
      zone: "gateway",
      description: "Gateway zone (DMZ): the only entry from the internet and the government extranet",
      provider,
    });
    this.management = new ZoneNamespace(this, "zone-mgmt", {
      name: props.managementNamespace,
      zone: "mgmt",
      description: "Management zone (security management centre): monitoring, logging, bastion",
      provider,
    });

    for (const role of TENANT_ROLES) {
      this.clusterRole(`tenant-${role}`, tenantClusterRoleName(role), TENANT_ROLE_RULES[role], provider);
    }
    for (const duty of ADMIN_DUTIES) {
      const name = adminClusterRoleName(duty);
      this.clusterRole(`admin-${duty}`, name, ADMIN_ROLE_RULES[duty], provider);
      new ClusterRoleBindingV1(this, `admin-${duty}-binding`, {
        provider,
        metadata: { name, labels: MANAGED_LABELS },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
        subject: [...props.admins[duty]].sort().map((group) => ({
          apiGroup: "rbac.authorization.k8s.io",
          kind: "Group",
          name: group,
        })),
      });
    }

    this.admission = new AdmissionPolicies(this, "admission", { registries: props.registries, provider });

    for (const level of [...props.levels].sort()) {
      new PriorityClassV1(this, `priority-level-${level}`, {
        provider,
        metadata: { name: levelPriorityClassName(level), labels: MANAGED_LABELS },
        value: level * 1000,
        globalDefault: false,
        preemptionPolicy: "PreemptLowerPriority",
        description: `Workloads of protection level ${level}`,
      });
    }
  }

  private clusterRole(id: string, name: string, rules: readonly PolicyRule[], provider: TerraformProvider): ClusterRoleV1 {
    return new ClusterRoleV1(this, id, {
      provider,
      metadata: { name, labels: MANAGED_LABELS },
      rule: rules.map((r) => ({ apiGroups: [...r.apiGroups], resources: [...r.resources], verbs: [...r.verbs] })),
    });
  }
}
