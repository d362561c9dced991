import { readArtifact } from "../../audit/export";
import { verifyFlows } from "../../audit/flows";
import { networkFlows } from "../../config/model/network-flows";
import { synthesizeExample } from "./example-artifact";

/**
 * The platform's own controllers keep working inside their default-deny zones: the ingress
 * controller and the collectors reach the API server's endpoints, the control plane reaches
 * the ingress controller's admission webhook, on exactly the declared addresses and ports.
 */
const example = synthesizeExample();
const apiServer = ["10.40.255.10/32", "10.40.255.11/32", "10.40.255.12/32"].map((cidr) => ({ ip_block: { cidr } }));

describe("control plane flows of the bundled example", () => {
  it("lets the ingress controller and the collectors reach the API server endpoints on 6443 only", () => {
    const controller = example.policy("platform-shared-hz", "govcloud-gateway", "ingress-controller-to-api-server-egress");
    expect(controller.metadata.labels["govcloud/flow"]).toBe("api-server");
    expect(controller.spec).toEqual({
      pod_selector: { match_labels: { "app.kubernetes.io/component": "controller", "app.kubernetes.io/name": "ingress-nginx" } },
      policy_types: ["Egress"],
      egress: [{ ports: [{ port: "6443", protocol: "TCP" }], to: apiServer }],
    });
    const collectors = example.policy("platform-shared-hz", "govcloud-mgmt", "collectors-to-api-server-egress");
    expect(collectors.spec.pod_selector).toEqual({ match_labels: { "app.kubernetes.io/name": "prometheus" } });
    expect(collectors.spec.egress).toEqual([{ ports: [{ port: "6443", protocol: "TCP" }], to: apiServer }]);
  });

  it("lets the control plane call the ingress controller's admission webhook on 8443 only", () => {
    const webhook = example.policy("platform-shared-hz", "govcloud-gateway", "admission-webhook-ingress");
    expect(webhook.metadata.labels["govcloud/flow"]).toBe("admission-webhook");
    expect(webhook.spec.ingress).toEqual([{ from: apiServer, ports: [{ port: "8443", protocol: "TCP" }] }]);
  });

  it("proves these flows on the artifact, and nothing undeclared besides", () => {
    const report = verifyFlows(readArtifact(example.outdir), example.model);
    for (const cluster of report.clusters) {
      expect({ cluster: cluster.cluster, differences: cluster.differences }).toEqual({ cluster: cluster.cluster, differences: [] });
      // Tenants never reach the API server, and only the gateway admits the control plane (80 and
      // 443 as anyone, 8443 as the webhook's caller).
      const cells = cluster.matrix.cells.map((c) => `${c.from} -> ${c.to}: ${c.effective}`);
      expect(cells.filter((c) => c.includes("control-plane"))).toEqual([
        `control-plane-${cluster.cluster} -> gateway: TCP 80,443,8443`,
        `gateway -> control-plane-${cluster.cluster}: TCP 6443`,
        `mgmt -> control-plane-${cluster.cluster}: TCP 6443`,
      ]);
    }
  });

  it("opens nothing for a cluster that declares no API server", () => {
    const model = { ...example.model, clusters: example.model.clusters.map((c) => ({ ...c, apiServer: undefined })) };
    const kinds = new Set(networkFlows(model).map((f) => f.kind));
    expect([kinds.has("api-server"), kinds.has("admission-webhook")]).toEqual([false, false]);
  });
});
