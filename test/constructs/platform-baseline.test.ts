import { Testing } from "cdktf";
import { ClusterRoleBindingV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-binding-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { PlatformBaseline } from "../../constructs/platform/platform-baseline";
import { resourcesOf, testProvider } from "./test-provider";

const synthesized = Testing.synthScope((scope) => {
  new PlatformBaseline(scope, "baseline", {
    clusterName: "shared",
    levels: [3, 1, 2],
    gatewayNamespace: "govcloud-gateway",
    managementNamespace: "govcloud-mgmt",
    admins: { system: ["sys-admins"], security: ["sec-admins"], audit: ["audit-admins", "mlps-assessors"] },
    registries: ["harbor.example.gov.cn"],
    provider: testProvider(scope),
  });
});
type Rule = { api_groups: string[]; resources: string[]; verbs: string[] };
const clusterRoles: Record<string, Rule[]> = Object.fromEntries(
  resourcesOf(synthesized, "kubernetes_cluster_role_v1").map((r) => [r.metadata.name, r.rule as Rule[]]),
);
const grants = (role: string) =>
  clusterRoles[role].flatMap((rule) => rule.resources.flatMap((resource) => rule.verbs.map((verb) => `${resource}:${verb}`)));

describe("PlatformBaseline", () => {
  it("creates the gateway and management zone namespaces, labelled with their zone", () => {
    // The matcher is partial at the top level only; nested partial objects say so explicitly.
    expect(synthesized).toHaveResourceWithProperties(NamespaceV1, {
      metadata: expect.objectContaining({
        name: "govcloud-gateway",
        labels: expect.objectContaining({ "govcloud/zone": "gateway", "pod-security.kubernetes.io/enforce": "baseline" }),
      }),
    });
    expect(synthesized).toHaveResourceWithProperties(NamespaceV1, {
      metadata: expect.objectContaining({ name: "govcloud-mgmt", labels: expect.objectContaining({ "govcloud/zone": "mgmt" }) }),
    });
  });

  it("creates the tenant roles, the separated admin roles and the auditor role", () => {
    expect(Object.keys(clusterRoles).sort()).toEqual([
      "govcloud-auditor",
      "govcloud-security-admin",
      "govcloud-system-admin",
      "govcloud-tenant-admin",
      "govcloud-tenant-developer",
      "govcloud-tenant-viewer",
    ]);
  });

  it("never grants wildcards", () => {
    for (const rules of Object.values(clusterRoles)) {
      for (const rule of rules) {
        expect([...rule.api_groups, ...rule.resources, ...rule.verbs]).not.toContain("*");
      }
    }
  });

  it("lets the auditor read everything it lists but never Secrets, and change nothing", () => {
    const auditor = grants("govcloud-auditor");
    expect(auditor).toEqual(expect.arrayContaining(["pods:get", "networkpolicies:list", "clusterrolebindings:get", "resourcequotas:watch"]));
    expect(auditor.filter((g) => g.startsWith("secrets:"))).toEqual([]);
    expect(auditor.filter((g) => !/:(get|list|watch)$/.test(g))).toEqual([]);
  });

  it("keeps tenant roles away from quotas, limit ranges, network policies, namespaces and RBAC", () => {
    for (const role of ["govcloud-tenant-admin", "govcloud-tenant-developer", "govcloud-tenant-viewer"]) {
      const writes = grants(role).filter((g) => !/:(get|list|watch)$/.test(g));
      expect(writes.filter((g) => /^(resourcequotas|limitranges|networkpolicies|namespaces|roles|rolebindings|clusterroles|clusterrolebindings):/.test(g))).toEqual([]);
      expect(grants(role).filter((g) => /:(escalate|bind|impersonate)$/.test(g))).toEqual([]);
    }
    expect(grants("govcloud-tenant-developer").filter((g) => g.startsWith("secrets:"))).toEqual([]);
    expect(grants("govcloud-tenant-viewer").filter((g) => g.startsWith("secrets:"))).toEqual([]);
  });

  it("separates duties: the system admin cannot change security policy, the security admin cannot run workloads", () => {
    expect(grants("govcloud-system-admin").filter((g) => /^(networkpolicies|roles|rolebindings|clusterroles|clusterrolebindings|validatingadmissionpolicies):/.test(g))).toEqual([]);
    expect(grants("govcloud-security-admin").filter((g) => /^(pods|deployments|statefulsets|secrets):/.test(g))).toEqual([]);
  });

  it("binds each duty's groups to its role, audit admins to the auditor role", () => {
    expect(synthesized).toHaveResourceWithProperties(ClusterRoleBindingV1, {
      metadata: expect.objectContaining({ name: "govcloud-auditor" }),
      role_ref: { api_group: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "govcloud-auditor" },
      subject: [
        { kind: "Group", name: "audit-admins", api_group: "rbac.authorization.k8s.io" },
        { kind: "Group", name: "mlps-assessors", api_group: "rbac.authorization.k8s.io" },
      ],
    });
    expect(synthesized).toHaveResourceWithProperties(ClusterRoleBindingV1, {
      role_ref: expect.objectContaining({ name: "govcloud-system-admin" }),
      subject: [{ kind: "Group", name: "sys-admins", api_group: "rbac.authorization.k8s.io" }],
    });
  });

  it("creates one priority class per hosted level, higher levels first", () => {
    const classes = resourcesOf(synthesized, "kubernetes_priority_class_v1").map((p) => [p.metadata.name, p.value]);
    expect(classes).toEqual([
      ["govcloud-level-1", 1000],
      ["govcloud-level-2", 2000],
      ["govcloud-level-3", 3000],
    ]);
  });
});
