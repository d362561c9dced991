import { ConnectivityInputError, analyzeObjects, formatConnectivity } from "../../../audit/connectivity";

type Labels = Record<string, string>;
type Ports = { name?: string; containerPort: number; protocol?: string }[];

const namespace = (name: string, labels: Labels = {}) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

const deployment = (ns: string, name: string, labels: Labels, ports: Ports = []) => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name, namespace: ns },
  spec: { template: { metadata: { labels }, spec: { containers: [{ name: "main", image: "x", ports }] } } },
});

const policy = (ns: string, name: string, spec: Record<string, unknown>) => ({
  apiVersion: "networking.k8s.io/v1",
  kind: "NetworkPolicy",
  metadata: { name, namespace: ns },
  spec,
});

const lines = (objects: unknown[]) => formatConnectivity(analyzeObjects(objects), "txt").split("\n").filter((l) => l !== "");

describe("connectivity semantics", () => {
  it("allows everything, both ways and with the outside, when no policy selects anything", () => {
    expect(lines([deployment("a", "web", { app: "web" }), deployment("a", "db", { app: "db" })])).toEqual([
      "0.0.0.0-255.255.255.255[External] => a/db[Deployment] : All Connections",
      "0.0.0.0-255.255.255.255[External] => a/web[Deployment] : All Connections",
      "a/db[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
      "a/db[Deployment] => a/web[Deployment] : All Connections",
      "a/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
      "a/web[Deployment] => a/db[Deployment] : All Connections",
    ]);
  });

  it("returns structured peers: workloads with namespace, name, kind and labels; externals with a range", () => {
    const result = analyzeObjects([
      deployment("a", "web", { app: "web" }),
      policy("a", "web-in", { podSelector: { matchLabels: { app: "web" } }, ingress: [{ ports: [{ port: 8080 }] }] }),
    ]);
    const inbound = result.connections.find((c) => c.src.type === "external");
    expect(inbound?.src).toEqual({ type: "external", range: { start: 0, end: 4294967295 }, first: "0.0.0.0", last: "255.255.255.255" });
    expect(inbound?.dst).toEqual({ type: "workload", namespace: "a", name: "web", kind: "Deployment", labels: { app: "web" } });
    expect(inbound?.conn.toString()).toBe("TCP 8080");
    expect(inbound?.conn.ports("TCP")).toEqual([{ start: 8080, end: 8080 }]);
    expect(result.workloads.map((w) => `${w.namespace}/${w.name}`)).toEqual(["a/web"]);
  });

  it("denies all ingress with `ingress: []`, and leaves egress alone when policyTypes is omitted", () => {
    const objects = [
      deployment("a", "web", { app: "web" }),
      deployment("a", "db", { app: "db" }),
      policy("a", "deny-db", { podSelector: { matchLabels: { app: "db" } }, ingress: [] }),
    ];
    expect(lines(objects)).toEqual([
      "0.0.0.0-255.255.255.255[External] => a/web[Deployment] : All Connections",
      "a/db[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
      "a/db[Deployment] => a/web[Deployment] : All Connections",
      "a/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
    ]);
  });

  it("intersects the source's egress with the destination's ingress", () => {
    const objects = [
      deployment("a", "web", { app: "web" }),
      deployment("a", "db", { app: "db" }),
      policy("a", "web-out", { podSelector: { matchLabels: { app: "web" } }, policyTypes: ["Egress"], egress: [{ ports: [{ port: 5000, endPort: 5010 }] }] }),
      policy("a", "db-in", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ podSelector: {} }], ports: [{ port: 5005, endPort: 6000 }, { port: 53, protocol: "UDP" }] }] }),
    ];
    expect(lines(objects).filter((l) => l.startsWith("a/web"))).toEqual([
      "a/web[Deployment] => 0.0.0.0-255.255.255.255[External] : TCP 5000-5010",
      "a/web[Deployment] => a/db[Deployment] : TCP 5005-5010",
    ]);
  });

  it("matches podSelector alone only in the policy's namespace, and namespaceSelector by namespace labels", () => {
    const objects = [
      namespace("prod", { env: "prod" }),
      deployment("prod", "api", { app: "api" }),
      deployment("prod", "client", { role: "client" }),
      deployment("other", "client", { role: "client" }),
      policy("prod", "api-in", {
        podSelector: { matchLabels: { app: "api" } },
        ingress: [
          { from: [{ podSelector: { matchLabels: { role: "client" } } }], ports: [{ port: 80 }] },
          // `other` was never declared, yet it has its kubernetes.io/metadata.name label.
          { from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "other" } } }], ports: [{ port: 443 }] },
        ],
      }),
    ];
    expect(lines(objects).filter((l) => l.includes("=> prod/api"))).toEqual([
      "other/client[Deployment] => prod/api[Deployment] : TCP 443",
      "prod/client[Deployment] => prod/api[Deployment] : TCP 80",
    ]);
  });

  it("cuts external sources at ipBlock boundaries and never lets an ipBlock match pods", () => {
    const objects = [
      deployment("a", "web", { app: "web" }),
      deployment("a", "db", { app: "db" }),
      policy("a", "db-in", { podSelector: { matchLabels: { app: "db" } }, ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["10.1.0.0/16"] } }] }] }),
    ];
    expect(lines(objects).filter((l) => l.includes("=> a/db"))).toEqual([
      "10.0.0.0-10.0.255.255[External] => a/db[Deployment] : All Connections",
      "10.2.0.0-10.255.255.255[External] => a/db[Deployment] : All Connections",
    ]);
  });

  it("accepts IPv6 ipBlocks, which match no IPv4 range", () => {
    const objects = [
      deployment("a", "db", { app: "db" }),
      policy("a", "db-in", { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: "2001:db8::/32", except: ["2001:db8:1::/48"] } }] }] }),
    ];
    expect(lines(objects)).toEqual(["a/db[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections"]);
  });

  it("lets a rule without from/to allow external addresses too", () => {
    const objects = [
      deployment("a", "db", { app: "db" }),
      policy("a", "db-out", { podSelector: {}, policyTypes: ["Egress"], egress: [{ ports: [{ protocol: "SCTP" }] }] }),
    ];
    expect(lines(objects)).toContain("a/db[Deployment] => 0.0.0.0-255.255.255.255[External] : SCTP 1-65535");
  });

  it("resolves named ports against each destination's containerPorts, name and protocol both matching", () => {
    const objects = [
      deployment("a", "client", { role: "client" }),
      deployment("a", "api-v1", { app: "api", v: "1" }, [{ name: "http", containerPort: 8080 }]),
      deployment("a", "api-v2", { app: "api", v: "2" }, [{ name: "http", containerPort: 9090 }, { name: "dns", containerPort: 53, protocol: "UDP" }]),
      deployment("a", "api-v3", { app: "api", v: "3" }, [{ name: "http", containerPort: 7070, protocol: "UDP" }]),
      policy("a", "client-out", {
        podSelector: { matchLabels: { role: "client" } },
        policyTypes: ["Egress"],
        egress: [{ ports: [{ port: "http" }, { port: "dns", protocol: "UDP" }] }],
      }),
    ];
    expect(lines(objects).filter((l) => l.startsWith("a/client"))).toEqual([
      "a/client[Deployment] => a/api-v1[Deployment] : TCP 8080",
      "a/client[Deployment] => a/api-v2[Deployment] : TCP 9090,UDP 53",
    ]);
  });

  it("names pods by their controlling owner, and bare or Node-owned pods by themselves", () => {
    const pod = (name: string, owner?: { kind: string; name: string }) => ({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: "a", labels: { app: "x" }, ownerReferences: owner ? [{ ...owner, controller: true }] : undefined },
      spec: { containers: [] },
    });
    const result = analyzeObjects([pod("web-abc-1", { kind: "ReplicaSet", name: "web-abc" }), pod("web-abc-2", { kind: "ReplicaSet", name: "web-abc" }), pod("etcd-node1", { kind: "Node", name: "node1" }), pod("debug")]);
    expect(result.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`)).toEqual(["a/web-abc[ReplicaSet]", "a/etcd-node1[Pod]", "a/debug[Pod]"]);
  });

  it("takes objects out of Lists and typed lists whose items carry no kind", () => {
    const result = analyzeObjects([
      { kind: "List", items: [deployment("a", "web", { app: "web" }), { kind: "Service", metadata: { name: "svc" } }] },
      { kind: "PodList", items: [{ metadata: { name: "p", namespace: "b" }, spec: {} }] },
    ]);
    expect(result.workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`)).toEqual(["a/web[Deployment]", "b/p[Pod]"]);
  });
});

describe("input that cannot be analyzed", () => {
  const messageOf = (objects: unknown[], sourceName?: string) => {
    try {
      analyzeObjects(objects, sourceName);
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectivityInputError);
      return (error as ConnectivityInputError).message;
    }
    throw new Error("expected a ConnectivityInputError");
  };

  it("reports every problem at once, naming the source, object and field", () => {
    const objects = [
      policy("a", "bad", {
        podSelector: {},
        policyTypes: ["Ingress", "Sideways"],
        ingress: [{ from: [{ ipBlock: { cidr: "10.0.0.0/8", except: ["192.168.0.0/16"] } }], ports: [{ port: 70000 }, { protocol: "ICMP" }] }],
      }),
      deployment("a", "web", {}),
      deployment("a", "web", {}),
    ];
    expect(messageOf(objects, "cdk.tf.json")).toBe(
      [
        "the manifests cannot be analyzed (5 problems):",
        "  cdk.tf.json[2]: Deployment a/web: metadata.name: Deployment a/web is also defined at cdk.tf.json[1]",
        "  cdk.tf.json[0]: NetworkPolicy a/bad: spec.ingress[0].from[0].ipBlock.except[0]: '192.168.0.0/16' is not inside the cidr '10.0.0.0/8'",
        "  cdk.tf.json[0]: NetworkPolicy a/bad: spec.ingress[0].ports[0].port: must be a port number 1-65535 or a port name, got '70000'",
        "  cdk.tf.json[0]: NetworkPolicy a/bad: spec.ingress[0].ports[1].protocol: must be TCP, UDP or SCTP, got 'ICMP'",
        "  cdk.tf.json[0]: NetworkPolicy a/bad: spec.policyTypes[1]: must be Ingress or Egress, got 'Sideways'",
      ].join("\n"),
    );
  });

  it("refuses pods of one owner whose labels a policy tells apart", () => {
    const pod = (name: string, labels: Labels) => ({
      kind: "Pod",
      metadata: { name, namespace: "a", labels, ownerReferences: [{ kind: "ReplicaSet", name: "web-abc", controller: true }] },
      spec: {},
    });
    const objects = [pod("web-abc-1", { app: "web", canary: "yes" }), pod("web-abc-2", { app: "web" })];
    expect(() => analyzeObjects(objects)).not.toThrow();
    const splitting = policy("a", "canary-only", { podSelector: { matchLabels: { canary: "yes" } }, ingress: [] });
    expect(messageOf([...objects, splitting])).toBe(
      "the manifests cannot be analyzed (1 problem):\n" +
        "  objects[0]: ReplicaSet a/web-abc: its pods have different labels and NetworkPolicy a/canary-only selects some of them but not all; pods of one owner must be selected alike",
    );
  });
});
