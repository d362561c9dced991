import { ConnectivityResult, PortSet, formatConnectivity } from "../../../audit/connectivity";

const frontend = { type: "workload", namespace: "default", name: "frontend", kind: "Deployment", labels: { app: "frontend" } } as const;
const dns = { type: "workload", namespace: "kube-system", name: "coredns-5d78c9869d", kind: "ReplicaSet", labels: { k8s: "dns" } } as const;
const internet = { type: "external", range: { start: 0, end: 2 ** 32 - 1 }, first: "0.0.0.0", last: "255.255.255.255" } as const;

const result: ConnectivityResult = {
  workloads: [frontend, dns],
  connections: [
    { src: internet, dst: frontend, conn: PortSet.range("TCP", 8080, 8080) },
    { src: frontend, dst: dns, conn: PortSet.range("TCP", 53, 53).union(PortSet.range("UDP", 53, 53)) },
  ],
};
const empty: ConnectivityResult = { workloads: [frontend], connections: [] };

describe("formatConnectivity", () => {
  it("txt: one `src => dst : conn` line per flow", () => {
    expect(formatConnectivity(result, "txt")).toBe(
      [
        "0.0.0.0-255.255.255.255[External] => default/frontend[Deployment] : TCP 8080",
        "default/frontend[Deployment] => kube-system/coredns-5d78c9869d[ReplicaSet] : TCP 53,UDP 53",
      ].join("\n"),
    );
    expect(formatConnectivity(empty, "txt")).toBe("");
  });

  it("json: an array of {src, dst, conn}", () => {
    expect(JSON.parse(formatConnectivity(result, "json"))).toEqual([
      { src: "0.0.0.0-255.255.255.255[External]", dst: "default/frontend[Deployment]", conn: "TCP 8080" },
      { src: "default/frontend[Deployment]", dst: "kube-system/coredns-5d78c9869d[ReplicaSet]", conn: "TCP 53,UDP 53" },
    ]);
    expect(formatConnectivity(empty, "json")).toBe("[]");
  });

  it("csv: header src,dst,conn and quoted fields that hold commas", () => {
    expect(formatConnectivity(result, "csv")).toBe(
      [
        "src,dst,conn",
        "0.0.0.0-255.255.255.255[External],default/frontend[Deployment],TCP 8080",
        'default/frontend[Deployment],kube-system/coredns-5d78c9869d[ReplicaSet],"TCP 53,UDP 53"',
      ].join("\n"),
    );
    expect(formatConnectivity(empty, "csv")).toBe("src,dst,conn");
  });

  it("md: a table with a header and separator row", () => {
    expect(formatConnectivity(result, "md")).toBe(
      [
        "| src | dst | conn |",
        "|-----|-----|------|",
        "| 0.0.0.0-255.255.255.255[External] | default/frontend[Deployment] | TCP 8080 |",
        "| default/frontend[Deployment] | kube-system/coredns-5d78c9869d[ReplicaSet] | TCP 53,UDP 53 |",
      ].join("\n"),
    );
    expect(formatConnectivity(empty, "md")).toBe("| src | dst | conn |\n|-----|-----|------|");
  });

  it("refuses an unknown format with the valid ones", () => {
    expect(() => formatConnectivity(result, "dot" as never)).toThrow("unknown connectivity format 'dot'; use one of txt, json, csv, md");
  });
});
