import { EXAMPLE_TODAY, synthesizeExample } from "./example-artifact";

/**
 * Each kind of flow, as the exact NetworkPolicy Terraform will apply, read from the synthesized
 * bundled example. Selectors, ports and peers are asserted in full: a looser assertion would
 * let a policy that opens more than declared pass.
 */
const example = synthesizeExample();
const spec = (stack: string, namespace: string, name: string) => example.policy(stack, namespace, name).spec;
const ns = (name: string) => ({ namespace_selector: { match_labels: { "kubernetes.io/metadata.name": name } } });
const svc = (name: string) => ({ match_labels: { "govcloud/service": name, "app.kubernetes.io/name": name } });
const controller = {
  ...ns("govcloud-gateway"),
  pod_selector: { match_labels: { "app.kubernetes.io/component": "controller", "app.kubernetes.io/name": "ingress-nginx" } },
};
const tcp = (port: number) => ({ port: String(port), protocol: "TCP" });
const all = { match_labels: {} };

describe("tenant namespace flows", () => {
  it("dns: every pod reaches the cluster DNS on 53/UDP and 53/TCP, nothing else", () => {
    expect(spec("dept-health", "health-prod", "dns-egress")).toEqual({
      pod_selector: all,
      policy_types: ["Egress"],
      egress: [{ ports: [{ port: "53", protocol: "UDP" }, tcp(53)], to: [{ ...ns("kube-system"), pod_selector: { match_labels: { "k8s-app": "kube-dns" } } }] }],
    });
  });

  it("same-namespace: at level 2 the environment is open inside itself, both ways", () => {
    expect(spec("dept-health", "health-dev", "same-namespace-egress")).toEqual({ pod_selector: all, policy_types: ["Egress"], egress: [{ to: [{ pod_selector: all }] }] });
    expect(spec("dept-health", "health-dev", "same-namespace-ingress")).toEqual({ pod_selector: all, policy_types: ["Ingress"], ingress: [{ from: [{ pod_selector: all }] }] });
  });

  it("connects-to: at level 3 only the declared edge, on the target's port, enforced on both ends", () => {
    expect(spec("dept-health", "health-prod", "connect-portal-to-records-api-egress")).toEqual({
      pod_selector: svc("portal"),
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(8443)], to: [{ pod_selector: svc("records-api") }] }],
    });
    expect(spec("dept-health", "health-prod", "connect-portal-to-records-api-ingress")).toEqual({
      pod_selector: svc("records-api"),
      policy_types: ["Ingress"],
      ingress: [{ from: [{ pod_selector: svc("portal") }], ports: [tcp(8443)] }],
    });
    expect(() => example.policy("dept-health", "health-prod", "same-namespace-ingress")).toThrow("found 0");
  });

  it("exposure: the gateway's ingress controller reaches an internet-exposed service on its port only", () => {
    expect(spec("dept-health", "health-prod", "exposure-portal-ingress")).toEqual({
      pod_selector: svc("portal"),
      policy_types: ["Ingress"],
      ingress: [{ from: [controller], ports: [tcp(8080)] }],
    });
    // An internal service gets no exposure policy: the gateway reaches it only for an agreement.
    expect(() => example.policy("dept-health", "health-prod", "exposure-records-api-ingress")).toThrow("found 0");
  });

  it("management: collectors scrape the metrics port, workloads ship logs to the intake", () => {
    expect(spec("dept-health", "health-prod", "mgmt-metrics-ingress")).toEqual({
      pod_selector: all,
      policy_types: ["Ingress"],
      ingress: [{ from: [{ ...ns("govcloud-mgmt"), pod_selector: { match_labels: { "app.kubernetes.io/name": "prometheus" } } }], ports: [tcp(9090)] }],
    });
    expect(spec("dept-health", "health-prod", "log-intake-egress")).toEqual({
      pod_selector: all,
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(24224)], to: [{ ...ns("govcloud-mgmt"), pod_selector: { match_labels: { "app.kubernetes.io/name": "fluent-bit-aggregator" } } }] }],
    });
  });

  it("external egress: only the service that names the network, on the network's ports, private ranges cut out", () => {
    expect(spec("dept-ecology-environment", "ecology-environment-prod", "external-monitoring-api-to-internet-egress")).toEqual({
      pod_selector: svc("monitoring-api"),
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(443)], to: [{ ip_block: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] } }] }],
    });
    expect(spec("dept-market-regulation", "market-regulation-prod", "external-inspection-worker-to-gov-extranet-egress")).toEqual({
      pod_selector: svc("inspection-worker"),
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(443)], to: [{ ip_block: { cidr: "59.202.0.0/16" } }] }],
    });
  });
});

describe("data sharing flows", () => {
  it("on one cluster: an ingress rule in the provider's namespace and an egress rule in the consumer's, on the provider's port", () => {
    const ingress = example.policy("dept-public-security", "public-security-prod", "share-civil-affairs-prod-benefits-api-to-household-check-ingress");
    expect(ingress.spec).toEqual({
      pod_selector: svc("household-check"),
      policy_types: ["Ingress"],
      ingress: [{ from: [{ ...ns("civil-affairs-prod"), pod_selector: svc("benefits-api") }], ports: [tcp(8443)] }],
    });
    expect(ingress.metadata.labels["govcloud/flow"]).toBe("sharing");
    expect(ingress.metadata.annotations).toMatchObject({
      "govcloud/approval": "JNDSJ-2026-031",
      "govcloud/expires": "2037-06-30",
      "govcloud/data-class": "personal",
      "govcloud/provider": "public-security/prod/household-check",
      "govcloud/consumer": "civil-affairs/prod/benefits-api",
    });
    expect(spec("dept-civil-affairs", "civil-affairs-prod", "share-benefits-api-to-public-security-prod-household-check-egress")).toEqual({
      pod_selector: svc("benefits-api"),
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(8443)], to: [{ ...ns("public-security-prod"), pod_selector: svc("household-check") }] }],
    });
  });

  it("across clusters: the consumer reaches the provider cluster's gateway range, and that gateway reaches the provider", () => {
    expect(spec("dept-public-security", "public-security-core", "share-population-api-to-big-data-prod-identity-egress")).toEqual({
      pod_selector: svc("population-api"),
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(80), tcp(443)], to: [{ ip_block: { cidr: "10.40.0.0/24" } }] }],
    });
    expect(spec("dept-big-data", "big-data-prod", "share-public-security-core-population-api-to-identity-ingress")).toEqual({
      pod_selector: svc("identity"),
      policy_types: ["Ingress"],
      ingress: [{ from: [controller], ports: [tcp(8443)] }],
    });
  });

  it("an expired agreement opens nothing", () => {
    const later = synthesizeExample("2036-12-16");
    expect(later.model.sharingAgreements.find((a) => a.approval === "JNDSJ-2025-118")?.status).toBe("expired");
    expect(() => later.policy("dept-housing", "housing-prod", "share-permit-api-to-natural-resources-prod-land-api-egress")).toThrow("found 0");
    expect(() => later.policy("dept-natural-resources", "natural-resources-prod", "share-housing-prod-permit-api-to-land-api-ingress")).toThrow("found 0");
    // On the pinned date it is in force.
    expect(example.model.sharingAgreements.find((a) => a.approval === "JNDSJ-2025-118")?.status).toBe("expiring");
    expect(EXAMPLE_TODAY).toBe("2036-11-27");
    expect(spec("dept-housing", "housing-prod", "share-permit-api-to-natural-resources-prod-land-api-egress").pod_selector).toEqual(svc("permit-api"));
  });
});

describe("platform zone flows", () => {
  it("gateway: the controller is the only entry, on its ports, and forwards to tenant namespaces", () => {
    expect(spec("platform-shared-hz", "govcloud-gateway", "gateway-entry-ingress")).toEqual({
      pod_selector: { match_labels: controller.pod_selector.match_labels },
      policy_types: ["Ingress"],
      ingress: [{ from: [{ ip_block: { cidr: "0.0.0.0/0" } }], ports: [tcp(80), tcp(443)] }],
    });
    expect(spec("platform-shared-hz", "govcloud-gateway", "gateway-to-tenants-egress")).toEqual({
      pod_selector: { match_labels: controller.pod_selector.match_labels },
      policy_types: ["Egress"],
      egress: [{ to: [{ namespace_selector: { match_labels: { "govcloud/tenant": "true" } } }] }],
    });
  });

  it("mgmt: collectors scrape tenants on the metrics port, the log intake admits tenants on its port, the controllers reach the API server; nothing else", () => {
    expect(spec("platform-secure-l4", "govcloud-mgmt", "mgmt-scrape-egress")).toEqual({
      pod_selector: { match_labels: { "app.kubernetes.io/name": "prometheus" } },
      policy_types: ["Egress"],
      egress: [{ ports: [tcp(9090)], to: [{ namespace_selector: { match_labels: { "govcloud/tenant": "true" } } }] }],
    });
    expect(spec("platform-secure-l4", "govcloud-mgmt", "mgmt-log-intake-ingress")).toEqual({
      pod_selector: { match_labels: { "app.kubernetes.io/name": "fluent-bit-aggregator" } },
      policy_types: ["Ingress"],
      ingress: [{ from: [{ namespace_selector: { match_labels: { "govcloud/tenant": "true" } } }], ports: [tcp(24224)] }],
    });
    const names = example.resources("platform-secure-l4", "kubernetes_network_policy_v1").map((p) => p.metadata.name).sort();
    expect(names).toEqual([
      "admission-webhook-ingress",
      "collectors-to-api-server-egress",
      "default-deny",
      "default-deny",
      "dns-egress",
      "dns-egress",
      "gateway-entry-ingress",
      "gateway-to-tenants-egress",
      "ingress-controller-to-api-server-egress",
      "mgmt-log-intake-ingress",
      "mgmt-scrape-egress",
    ]);
  });
});
