import type { TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { LimitRangeV1 } from "@cdktf/provider-kubernetes/lib/limit-range-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ResourceQuotaV1 } from "@cdktf/provider-kubernetes/lib/resource-quota-v1";
import { RoleBindingV1 } from "@cdktf/provider-kubernetes/lib/role-binding-v1";
import { ANNOTATION, LABEL, MANAGED_LABELS, zoneOfLevel, type ProtectionLevel } from "../labels";
import { NamespaceFirewall } from "../network/namespace-firewall";
import { TENANT_ROLES, tenantClusterRoleName, type TenantRole } from "../platform/rbac-rules";
import { podSecurityLabelsForLevel } from "../pod-security";

export interface TenantNamespaceProps {
  readonly department: string;
  readonly environment: string;
  /** Namespace name, `<department>-<environment>`. */
  readonly name: string;
  readonly level: ProtectionLevel;
  /** Department's official name, kept as an annotation (labels cannot hold Chinese text). */
  readonly displayName: string;
  /** Hard limits of the namespace, as Kubernetes quantities. */
  readonly quota: {
    readonly cpu: string;
    readonly memory: string;
    readonly storage: string;
    readonly pods: number;
  };
  /** Groups bound to each tenant role in this namespace. Roles with no groups get no binding. */
  readonly groups: Readonly<Record<TenantRole, readonly string[]>>;
  /**
   * The namespace holds stateful data: Terraform refuses to destroy it (deleting a namespace
   * deletes its volumes); it leaves only by being retired. @default false
   */
  readonly holdsData?: boolean;
  readonly provider: TerraformProvider;
}

/**
 * One environment of a department: a namespace graded by its protection level, with a hard
 * quota (no NodePort or LoadBalancer services: the gateway is the only entry), default
 * container limits, default-deny networking (its flows are added to `firewall`), and the
 * department's groups bound to the tenant roles, which cannot change any of this.
 */
export class TenantNamespace extends Construct {
  readonly namespace: NamespaceV1;
  readonly firewall: NamespaceFirewall;
  /** The namespace name as a Terraform reference, so dependants are created after it. */
  readonly namespaceName: string;
  readonly labels: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: TenantNamespaceProps) {
    super(scope, id);
    const { provider } = props;
    this.labels = {
      ...MANAGED_LABELS,
      [LABEL.department]: props.department,
      [LABEL.environment]: props.environment,
      [LABEL.level]: String(props.level),
      [LABEL.zone]: zoneOfLevel(props.level),
      [LABEL.tenant]: "true",
    };
    this.namespace = new NamespaceV1(this, "namespace", {
      provider,
      metadata: {
        name: props.name,
        labels: { ...this.labels, ...podSecurityLabelsForLevel(props.level) },
        annotations: { [ANNOTATION.displayName]: props.displayName },
      },
      ...(props.holdsData ? { lifecycle: { preventDestroy: true } } : {}),
    });
    this.namespaceName = this.namespace.metadata.name;
    const metadata = (name: string) => ({ name, namespace: this.namespaceName, labels: { ...MANAGED_LABELS } });

    new ResourceQuotaV1(this, "quota", {
      provider,
      metadata: metadata("govcloud-quota"),
      spec: {
        hard: {
          "requests.cpu": props.quota.cpu,
          "limits.cpu": props.quota.cpu,
          "requests.memory": props.quota.memory,
          "limits.memory": props.quota.memory,
          "requests.storage": props.quota.storage,
          pods: String(props.quota.pods),
          "services.nodeports": "0",
          "services.loadbalancers": "0",
        },
      },
    });

    // Containers that state no resources still count against the quota, with modest defaults.
    new LimitRangeV1(this, "limits", {
      provider,
      metadata: metadata("govcloud-limits"),
      spec: {
        limit: [
          {
            type: "Container",
            default: { cpu: "500m", memory: "512Mi" },
            defaultRequest: { cpu: "100m", memory: "128Mi" },
            max: { cpu: props.quota.cpu, memory: props.quota.memory },
          },
          { type: "PersistentVolumeClaim", max: { storage: props.quota.storage } },
        ],
      },
    });

    this.firewall = new NamespaceFirewall(this, "firewall", { namespace: this.namespaceName, provider });

    for (const role of TENANT_ROLES) {
      const groups = [...props.groups[role]].sort();
      if (groups.length === 0) continue;
      new RoleBindingV1(this, `binding-${role}`, {
        provider,
        metadata: metadata(`govcloud-tenant-${role}`),
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: tenantClusterRoleName(role) },
        subject: groups.map((group) => ({ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: group })),
      });
    }
  }
}
