import type { ArtifactResource, ArtifactStack } from "../../../audit/export";
import { RbacGraph } from "../../../audit/rbac/rbac-graph";

/** Hand-made RBAC objects: the graph's lookups must answer as a search through its lists would. */
function resource(address: string, object: Record<string, unknown>, cluster = "shared-hz"): ArtifactResource {
  const kind = String(object.kind);
  return {
    stack: "platform-shared-hz",
    address,
    cluster,
    namespaced: kind === "Role" || kind === "RoleBinding",
    object: { apiVersion: "rbac.authorization.k8s.io/v1", kind, metadata: { name: address.split(".")[1] }, ...object } as ArtifactResource["object"],
  };
}

function binding(address: string, roleRef: { kind: string; name: string }, groups: string[], namespace?: string, cluster?: string): ArtifactResource {
  const kind = namespace === undefined ? "ClusterRoleBinding" : "RoleBinding";
  const made = resource(address, { kind, roleRef, subjects: groups.map((name) => ({ kind: "Group", name })) }, cluster);
  return namespace === undefined ? made : { ...made, object: { ...made.object, metadata: { ...made.object.metadata, namespace } } };
}

function role(address: string, kind: "Role" | "ClusterRole", verbs: string[], namespace?: string, cluster?: string): ArtifactResource {
  const made = resource(address, { kind, rules: [{ apiGroups: [""], resources: ["pods"], verbs }] }, cluster);
  return namespace === undefined ? made : { ...made, object: { ...made.object, metadata: { ...made.object.metadata, namespace } } };
}

function graphOf(resources: ArtifactResource[]): RbacGraph {
  const stacks: ArtifactStack[] = [{ name: "platform-shared-hz", resources }];
  return new RbacGraph(stacks);
}

describe("RbacGraph lookups", () => {
  test("the bindings of some groups come in the artifact's order, each once, whichever group names them", () => {
    const graph = graphOf([
      binding("kubernetes_role_binding_v1.c", { kind: "ClusterRole", name: "view" }, ["health-viewers", "system:authenticated"], "health-prod"),
      binding("kubernetes_cluster_role_binding_v1.a", { kind: "ClusterRole", name: "view" }, ["system:authenticated"]),
      binding("kubernetes_role_binding_v1.b", { kind: "ClusterRole", name: "view" }, ["health-viewers", "health-viewers"], "health-dev"),
      binding("kubernetes_role_binding_v1.d", { kind: "ClusterRole", name: "view" }, ["other-viewers"], "other-prod"),
    ]);
    expect(graph.bindingsOfGroups(["health-viewers", "system:authenticated"]).map((b) => b.ref)).toEqual([
      "platform-shared-hz: kubernetes_role_binding_v1.c",
      "platform-shared-hz: kubernetes_cluster_role_binding_v1.a",
      "platform-shared-hz: kubernetes_role_binding_v1.b",
    ]);
    expect(graph.bindingsOfGroups(["nobody"])).toEqual([]);
    expect(graph.binding("platform-shared-hz: kubernetes_role_binding_v1.d")?.namespace).toBe("other-prod");
    expect(graph.binding("platform-shared-hz: kubernetes_role_binding_v1.x")).toBeUndefined();
  });

  test("a binding's role is the first of its kind and name on its cluster, and a Role only in the binding's namespace", () => {
    const graph = graphOf([
      role("kubernetes_role_v1.reader", "Role", ["get"], "health-dev"),
      role("kubernetes_cluster_role_v1.reader", "ClusterRole", ["list"]),
      role("kubernetes_cluster_role_v1.reader_again", "ClusterRole", ["watch"]),
      role("kubernetes_cluster_role_v1.elsewhere", "ClusterRole", ["delete"], undefined, "shared-sh"),
    ]);
    // A role's name is its address's second part here.
    const [namespaced, first, second, elsewhere] = graph.roles;
    expect([namespaced.name, first.name, second.name, elsewhere.name]).toEqual(["reader", "reader", "reader_again", "elsewhere"]);
    const grantOf = (roleRef: { kind: string; name: string }, namespace?: string, cluster?: string) =>
      graph.roleOf(graphOf([binding("kubernetes_role_binding_v1.x", roleRef, ["g"], namespace, cluster)]).bindings[0])?.ref;
    expect(grantOf({ kind: "ClusterRole", name: "reader" }, "health-dev")).toBe("platform-shared-hz: kubernetes_cluster_role_v1.reader");
    expect(grantOf({ kind: "Role", name: "reader" }, "health-dev")).toBe("platform-shared-hz: kubernetes_role_v1.reader");
    expect(grantOf({ kind: "Role", name: "reader" }, "health-prod")).toBeUndefined();
    expect(grantOf({ kind: "Role", name: "reader" })).toBeUndefined();
    expect(grantOf({ kind: "ClusterRole", name: "elsewhere" })).toBeUndefined();
    expect(grantOf({ kind: "ClusterRole", name: "elsewhere" }, undefined, "shared-sh")).toBe("platform-shared-hz: kubernetes_cluster_role_v1.elsewhere");
    expect(grantOf({ kind: "ClusterRole", name: "cluster-admin" })).toBe("built-in ClusterRole cluster-admin");
  });

  test("of two roles with one name, the first in the artifact is the one granted", () => {
    const duplicate = role("kubernetes_cluster_role_v1.reader", "ClusterRole", ["list"]);
    const later = { ...duplicate, address: "kubernetes_cluster_role_v1.later" };
    const graph = graphOf([duplicate, later, binding("kubernetes_cluster_role_binding_v1.x", { kind: "ClusterRole", name: "reader" }, ["g"])]);
    expect(graph.roleOf(graph.bindings[0])?.ref).toBe("platform-shared-hz: kubernetes_cluster_role_v1.reader");
  });
});
