import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseAllDocuments } from "yaml";
import { main } from "../../../cli/main";
import { EXAMPLE_TODAY, synthesizeExample } from "../../stacks/example-artifact";
import { ExampleSnapshot } from "./example-snapshot";

/** `govcloud audit --live` as an auditor runs it, on a real-shaped snapshot of the bundled example. */
const example = synthesizeExample();
const root = dirname(example.outdir);

async function auditLive(snapshotDir: string, report: string): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(
    ["audit", "--live", snapshotDir, "--config", join(root, "config"), "--out", example.outdir, "--report", report, "--today", EXAMPLE_TODAY],
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { status, out, err };
}

describe("govcloud audit --live on the unmutated snapshot of the bundled example", () => {
  const snapshotDir = new ExampleSnapshot(example.outdir).write();
  const report = join(root, "live-report");
  let run: { status: number; out: string; err: string };
  beforeAll(async () => {
    run = await auditLive(snapshotDir, report);
  });

  it("passes every check on what runs, with no drift", () => {
    expect(run.err).not.toContain("govcloud:");
    expect(run.status).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^Audit of the live snapshot of secure-l4 taken at 2026-11-27T08:30:00Z, of shared-hz taken at 2026-11-27T08:30:00Z \\(${snapshotDir}\\) \\(江南省政务云\\): \\d+ stacks, \\d+ objects$`),
    );
    expect(lines.slice(1, 11).map((l) => l.replace(/\d+/g, "N"))).toEqual([
      "  pass  schema        N objects checked against the Kubernetes OpenAPI schemas, N findings",
      "  pass  connectivity  secure-lN: N workloads, N allowed connections, N declared flows, N differences",
      "  pass  connectivity  shared-hz: N workloads, N allowed connections, N declared flows, N differences",
      "  pass  sharing       N cross-cluster routes with mutual TLS, N findings",
      "      shared-hz identity.prod.big-data.share.jiangnan.gov.cn -> big-data/prod/identity: admits public-security/core/population-api (CN=population-api.public-security-core)",
      "  pass  secrets       N Secrets read: N from ExternalSecrets, N from cert-manager, N listed prerequisites; N findings",
      "  pass  expiry        N agreements with an end, scheduled apply N N * * *, next N-N-N; N findings",
      "  pass  rbac          N checks: N pass, N fail, N not-applicable",
      "  pass  tenancy       N checks: N pass, N fail, N not-applicable",
      "  pass  mlps          N findings on N rules: N met, N waived, N violated, N not provable from the artifact (check by hand); N errors, N warnings",
    ]);
    expect(run.out).toContain("\nDrift: none; the clusters hold what the artifact declares.\n\nAudit passed.\n");
  });

  it("stamps the evidence pack as a live snapshot on its first screen, with the drift section", () => {
    const html = readFileSync(join(report, "report.html"), "utf8");
    const header = html.slice(html.indexOf('<header class="report">'), html.indexOf("</header>"));
    expect(header).toContain("<h1>江南省政务云 等保测评证据包（运行态快照）</h1>");
    expect(header).toContain("<dt>来源 source</dt><dd>live snapshot of secure-l4 taken at 2026-11-27T08:30:00Z, of shared-hz taken at 2026-11-27T08:30:00Z</dd>");
    expect(html).toContain("<h2>2. 运行态偏差 Drift against the artifact</h2>");
    const markdown = readFileSync(join(report, "report.md"), "utf8").split("\n");
    expect(markdown[2]).toBe("Evidence pack from a live snapshot of secure-l4 taken at 2026-11-27T08:30:00Z, of shared-hz taken at 2026-11-27T08:30:00Z: jiangnan, 江南省大数据管理局");
    const pack = JSON.parse(readFileSync(join(report, "report.json"), "utf8"));
    expect(pack.drift).toEqual({ findings: [], weakensIsolation: false });
    expect(pack.live.clusters.map((c: { cluster: string; takenAt: string }) => `${c.cluster} ${c.takenAt}`)).toEqual(["secure-l4 2026-11-27T08:30:00Z", "shared-hz 2026-11-27T08:30:00Z"]);
  });

  it("writes a PolicyReport per namespace and a ClusterPolicyReport per cluster, with nothing failing", () => {
    const documents = parseAllDocuments(readFileSync(join(report, "policy-reports", "shared-hz.yaml"), "utf8")).map((d) => d.toJS());
    expect(documents[0].kind).toBe("ClusterPolicyReport");
    const namespaced = documents.slice(1);
    expect(namespaced.every((d) => d.kind === "PolicyReport" && d.metadata.name === "govcloud-live-audit")).toBe(true);
    expect(namespaced.map((d) => d.metadata.namespace)).toContain("health-prod");
    expect(documents.map((d) => d.summary.fail)).toEqual(documents.map(() => 0));
    expect(namespaced.find((d) => d.metadata.namespace === "health-prod").summary.pass).toBeGreaterThan(0);
  });

  it("skips, in each cluster's own report only, the control-plane rules a snapshot cannot prove", () => {
    const controlPlane = (cluster: string) =>
      parseAllDocuments(readFileSync(join(report, "policy-reports", `${cluster}.yaml`), "utf8"))
        .map((d) => d.toJS())[0]
        .results.filter((r: { policy: string }) => r.policy.startsWith("MLPS-CPL-"))
        .map((r: { policy: string; rule: string; result: string }) => `${r.policy} ${r.rule} ${r.result}`);
    // shared-hz is registered; Cluster API provisions secure-l4, whose KubeadmControlPlane is on shared-hz, outside any snapshot.
    // One result per level the cluster hosts (1-3) and the rule covers: CPL-01 and -04 from level 2, CPL-02 from 3, CPL-03 all.
    expect(controlPlane("shared-hz")).toEqual(
      [["01", 2], ["02", 1], ["03", 3], ["04", 2]].flatMap(([n, levels]) => Array.from({ length: levels as number }, () => `MLPS-CPL-${n} cluster/shared-hz skip`)),
    );
    expect(controlPlane("secure-l4")).toEqual(["01", "02", "03", "04"].map((n) => `MLPS-CPL-${n} cluster/secure-l4 skip`));
  });
});
