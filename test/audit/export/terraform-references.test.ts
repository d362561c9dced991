import { convertStackDocument } from "../../../audit/export";

/** Hand-written cdk.tf.json snippets: the shapes cdktf may write and the references it may leave. */
const namespace = { provider: "kubernetes.shared-hz", metadata: { name: "health-prod" } };

function stack(resource: Record<string, Record<string, unknown>>) {
  return convertStackDocument("dept-health", { resource: { kubernetes_namespace_v1: { ns: namespace }, ...resource } });
}

describe("references, template escapes and block shapes", () => {
  it("resolves a namespace reference written with a one-item list or as an object, and unescapes $${ and %%{", () => {
    const result = stack({
      kubernetes_config_map_v1: {
        cm: {
          provider: "kubernetes.shared-hz",
          metadata: [{ name: "settings", namespace: "${kubernetes_namespace_v1.ns.metadata[0].name}" }],
          data: { greeting: "hello from ${kubernetes_namespace_v1.ns.metadata.name}", script: "echo $${HOME} %%{x}" },
        },
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.resources.find((r) => r.address === "kubernetes_config_map_v1.cm")).toEqual({
      stack: "dept-health",
      address: "kubernetes_config_map_v1.cm",
      cluster: "shared-hz",
      namespaced: true,
      object: {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "settings", namespace: "health-prod" },
        data: { greeting: "hello from health-prod", script: "echo ${HOME} %{x}" },
      },
    });
  });

  it("names the stack, address and field of every reference it cannot resolve", () => {
    const result = stack({
      kubernetes_service_account_v1: {
        sa: {
          provider: "kubernetes.shared-hz",
          metadata: { name: "${var.name}", namespace: "${kubernetes_namespace_v1.gone.metadata[0].name}", labels: { uid: "${kubernetes_namespace_v1.ns.metadata[0].uid}" } },
        },
      },
    });
    expect(result.problems).toEqual([
      { stack: "dept-health", address: "kubernetes_service_account_v1.sa", field: "metadata.name", message: "cannot resolve ${var.name}: only references to kubernetes_* resources of the same stack can be resolved" },
      { stack: "dept-health", address: "kubernetes_service_account_v1.sa", field: "metadata.namespace", message: "cannot resolve ${kubernetes_namespace_v1.gone.metadata[0].name}: no resource kubernetes_namespace_v1.gone in this stack" },
      {
        stack: "dept-health",
        address: "kubernetes_service_account_v1.sa",
        field: "metadata.labels.uid",
        message: "cannot resolve ${kubernetes_namespace_v1.ns.metadata[0].uid}: kubernetes_namespace_v1.ns sets no metadata[0].uid in its configuration (a value computed at apply time)",
      },
    ]);
  });

  it("reports unknown resource types, unmapped blocks and a missing provider alias instead of guessing", () => {
    const result = stack({
      kubernetes_secret_v1: { s: { provider: "kubernetes.shared-hz", metadata: { name: "s" } } },
      kubernetes_deployment_v1: {
        d: { metadata: { name: "d" }, spec: { template: { spec: { container: [{ name: "c", image: "i", mystery_block: { a: 1 } }] } } } },
      },
    });
    expect(result.problems).toEqual([
      { stack: "dept-health", address: "kubernetes_deployment_v1.d", field: "provider", message: "must name a kubernetes provider alias (kubernetes.<cluster>), got null" },
      {
        stack: "dept-health",
        address: "kubernetes_deployment_v1.d",
        field: "spec.template.spec.container[0].mystery_block",
        message: "has no mapping to a Kubernetes field (a nested block or map the conversion table does not know)",
      },
      { stack: "dept-health", address: "kubernetes_secret_v1.s", field: "", message: "resource type kubernetes_secret_v1 has no conversion to a Kubernetes object" },
    ]);
  });

  it("takes a single block written as an object or as a one-item list alike, and a repeated block written as one object as a list", () => {
    const policy = (spec: unknown) =>
      stack({ kubernetes_network_policy_v1: { p: { provider: "kubernetes.shared-hz", metadata: { name: "p", namespace: "x" }, spec } } }).resources.find((r) => r.address === "kubernetes_network_policy_v1.p")?.object;
    const asObject = policy({ pod_selector: { match_labels: { a: "b" } }, ingress: { ports: { port: "8080" } } });
    const asLists = policy([{ pod_selector: [{ match_labels: { a: "b" } }], ingress: [{ ports: [{ port: "8080" }] }] }]);
    expect(asObject).toEqual(asLists);
    expect(asObject).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "p", namespace: "x" },
      spec: { podSelector: { matchLabels: { a: "b" } }, ingress: [{ ports: [{ port: 8080 }] }] },
    });
  });
});

describe("what resolving leaves alone", () => {
  it("keeps the configuration it was given unchanged, and a key named __proto__ a key", () => {
    const document = {
      resource: {
        kubernetes_namespace_v1: { ns: namespace },
        kubernetes_config_map_v1: {
          cm: {
            provider: "kubernetes.shared-hz",
            metadata: [{ name: "settings", namespace: "${kubernetes_namespace_v1.ns.metadata[0].name}", labels: { team: "a" } }],
            data: JSON.parse('{"__proto__": "kept", "where": "${kubernetes_namespace_v1.ns.metadata.name}"}'),
          },
        },
      },
    };
    const before = JSON.stringify(document);
    const result = convertStackDocument("dept-health", document);
    expect(JSON.stringify(document)).toBe(before);
    const data = result.resources.find((r) => r.address === "kubernetes_config_map_v1.cm")!.object.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(["__proto__", "where"]);
    expect(data.where).toBe("health-prod");
    expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
  });
});
