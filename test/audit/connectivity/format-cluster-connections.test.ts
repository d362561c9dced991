import { ConnectivityResult, PortSet, formatClusterConnectivity } from "../../../audit/connectivity";

const web = { type: "workload", namespace: "portal", name: "web", kind: "Deployment", labels: { app: "web" } } as const;
const api = { type: "workload", namespace: "portal", name: "api", kind: "Deployment", labels: { app: "api" } } as const;
const shared: ConnectivityResult = { workloads: [web, api], connections: [{ src: web, dst: api, conn: PortSet.range("TCP", 53, 53).union(PortSet.range("UDP", 53, 53)) }] };
const secure: ConnectivityResult = { workloads: [web], connections: [] };
const clusters = [
  { cluster: "secure-l4", result: secure },
  { cluster: "shared-hz", result: shared },
];

describe("formatClusterConnectivity", () => {
  it("txt: each cluster headed by its name, a cluster with no connection still shown", () => {
    expect(formatClusterConnectivity(clusters, "txt")).toBe("# cluster secure-l4\n\n# cluster shared-hz\nportal/web[Deployment] => portal/api[Deployment] : TCP 53,UDP 53");
  });

  it("csv: one table with a leading cluster column", () => {
    expect(formatClusterConnectivity(clusters, "csv")).toBe('cluster,src,dst,conn\nshared-hz,portal/web[Deployment],portal/api[Deployment],"TCP 53,UDP 53"');
  });

  it("json: the connections of each cluster under its name", () => {
    expect(JSON.parse(formatClusterConnectivity(clusters, "json"))).toEqual([
      { cluster: "secure-l4", connections: [] },
      { cluster: "shared-hz", connections: [{ src: "portal/web[Deployment]", dst: "portal/api[Deployment]", conn: "TCP 53,UDP 53" }] },
    ]);
  });

  it("md: a heading and a table per cluster", () => {
    expect(formatClusterConnectivity(clusters, "md")).toBe(
      "## cluster secure-l4\n\n| src | dst | conn |\n|-----|-----|------|\n\n## cluster shared-hz\n\n| src | dst | conn |\n|-----|-----|------|\n| portal/web[Deployment] | portal/api[Deployment] | TCP 53,UDP 53 |",
    );
  });
});
