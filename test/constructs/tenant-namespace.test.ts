import { Testing } from "cdktf";
import { LimitRangeV1 } from "@cdktf/provider-kubernetes/lib/limit-range-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ResourceQuotaV1 } from "@cdktf/provider-kubernetes/lib/resource-quota-v1";
import { RoleBindingV1 } from "@cdktf/provider-kubernetes/lib/role-binding-v1";
import type { ProtectionLevel } from "../../constructs/labels";
import { TenantNamespace } from "../../constructs/tenant/tenant-namespace";
import { resourcesOf, testProvider } from "./test-provider";

function synthTenant(level: ProtectionLevel, groups = { admin: ["health-admins"], developer: ["health-devs"], viewer: [] as string[] }) {
  return Testing.synthScope((scope) => {
    new TenantNamespace(scope, "prod", {
      department: "health",
      environment: "prod",
      name: "health-prod",
      level,
      displayName: "江南省卫生健康委员会",
      quota: { cpu: "24", memory: "64Gi", storage: "500Gi", pods: 80 },
      groups,
      provider: testProvider(scope),
    });
  });
}

describe("TenantNamespace", () => {
  it("labels the namespace with department, environment, level and zone, and keeps the Chinese name in an annotation", () => {
    expect(synthTenant(3)).toHaveResourceWithProperties(NamespaceV1, {
      metadata: {
        name: "health-prod",
        labels: expect.objectContaining({
          "govcloud/department": "health",
          "govcloud/environment": "prod",
          "govcloud/level": "3",
          "govcloud/zone": "level-3",
          "app.kubernetes.io/managed-by": "govcloud",
        }),
        annotations: { "govcloud/display-name": "江南省卫生健康委员会" },
      },
    });
  });

  it.each([
    [1, "baseline", "baseline"],
    [2, "baseline", "restricted"],
    [3, "restricted", "restricted"],
    [4, "restricted", "restricted"],
  ] as const)("enforces the pod security profile of level %i", (level, enforce, warn) => {
    const [namespace] = resourcesOf(synthTenant(level), "kubernetes_namespace_v1");
    expect(namespace.metadata.labels).toMatchObject({
      "pod-security.kubernetes.io/enforce": enforce,
      "pod-security.kubernetes.io/warn": warn,
      "pod-security.kubernetes.io/audit": warn,
    });
  });

  it("sets a hard quota that forbids NodePort and LoadBalancer services", () => {
    expect(synthTenant(2)).toHaveResourceWithProperties(ResourceQuotaV1, {
      spec: {
        hard: {
          "requests.cpu": "24",
          "limits.cpu": "24",
          "requests.memory": "64Gi",
          "limits.memory": "64Gi",
          "requests.storage": "500Gi",
          pods: "80",
          "services.nodeports": "0",
          "services.loadbalancers": "0",
        },
      },
    });
  });

  it("gives containers default requests and limits, capped by the quota", () => {
    expect(synthTenant(2)).toHaveResourceWithProperties(LimitRangeV1, {
      spec: {
        limit: [
          { type: "Container", default: { cpu: "500m", memory: "512Mi" }, default_request: { cpu: "100m", memory: "128Mi" }, max: { cpu: "24", memory: "64Gi" } },
          { type: "PersistentVolumeClaim", max: { storage: "500Gi" } },
        ],
      },
    });
  });

  it("binds only the department's groups, to the tenant roles, and skips roles without groups", () => {
    const synthesized = synthTenant(3);
    const bindings = resourcesOf(synthesized, "kubernetes_role_binding_v1");
    expect(bindings.map((b) => [b.metadata.name, b.role_ref.name, b.subject.map((s: any) => s.name)])).toEqual([
      ["govcloud-tenant-admin", "govcloud-tenant-admin", ["health-admins"]],
      ["govcloud-tenant-developer", "govcloud-tenant-developer", ["health-devs"]],
    ]);
    expect(synthesized).toHaveResourceWithProperties(RoleBindingV1, {
      role_ref: { api_group: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "govcloud-tenant-admin" },
      subject: [{ kind: "Group", name: "health-admins", api_group: "rbac.authorization.k8s.io" }],
    });
  });

  it("denies all ingress and egress by default; every flow is added explicitly", () => {
    const policies = resourcesOf(synthTenant(2), "kubernetes_network_policy_v1");
    expect(policies.map((p) => [p.metadata.name, p.metadata.labels["govcloud/flow"], p.spec])).toEqual([
      ["default-deny", "default-deny", { pod_selector: { match_labels: {} }, policy_types: ["Ingress", "Egress"] }],
    ]);
  });

  it("marks the namespace as a tenant, so platform zones can address all tenants", () => {
    const [namespace] = resourcesOf(synthTenant(1), "kubernetes_namespace_v1");
    expect(namespace.metadata.labels["govcloud/tenant"]).toBe("true");
  });
});
