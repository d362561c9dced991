import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { main } from "../../cli/main";
import { auditArtifact } from "../../cli/commands/audit";
import { synthesizeExample, EXAMPLE_TODAY } from "../stacks/example-artifact";
import { readTree } from "../artifact/example-project";

/** `govcloud audit` as a user runs it, on the bundled example's artifact, intact and tampered with. */
const example = synthesizeExample();
const root = dirname(example.outdir);

async function audit(): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(
    ["audit", "--config", join(root, "config"), "--out", example.outdir, "--report", join(root, "audit-report"), "--today", EXAMPLE_TODAY],
    { out: (t) => (out += t), err: (t) => (err += t) },
  );
  return { status, out, err };
}

describe("govcloud audit", () => {
  it("passes on the bundled example and writes the evidence pack with every result", async () => {
    const run = await audit();
    expect(run.status).toBe(0);
    const lines = run.out.split("\n");
    expect(lines[0]).toMatch(/^Audit of .*cdktf\.out \(江南省政务云\): 16 stacks, \d+ objects$/);
    expect(lines.slice(1, 10).map((l) => l.replace(/\d+/g, "N"))).toEqual([
      "  pass  schema        N objects checked against the Kubernetes OpenAPI schemas, N findings",
      "  pass  connectivity  secure-lN: N workloads, N allowed connections, N declared flows, N differences",
      "  pass  connectivity  shared-hz: N workloads, N allowed connections, N declared flows, N differences",
      "  pass  sharing       N cross-cluster routes with mutual TLS, N findings",
      "      shared-hz identity.prod.big-data.share.jiangnan.gov.cn -> big-data/prod/identity: admits public-security/core/population-api (CN=population-api.public-security-core)",
      "  pass  secrets       N Secrets read: N from ExternalSecrets, N from cert-manager, N listed prerequisites; N findings",
      "  pass  expiry        N agreements with an end, scheduled apply N N * * *, next N-N-N; N findings",
      "  pass  rbac          N checks: N pass, N fail, N not-applicable",
      "  pass  tenancy       N checks: N pass, N fail, N not-applicable",
    ]);
    expect(run.out).toContain("\nAudit passed.\n");
    const pack = JSON.parse(readFileSync(join(root, "audit-report", "report.json"), "utf8"));
    expect(pack.audit.passed).toBe(true);
    expect(Object.keys(pack.audit).sort()).toEqual(["flows", "objects", "passed", "platform", "rbac", "schema", "secrets", "sharingExpiry", "sharingRoutes", "stacks", "tenancy"]);
    expect(pack.controls.passed).toBe(true);
    expect(existsSync(join(root, "audit-report", "report.html"))).toBe(true);
    expect(readFileSync(join(root, "audit-report", "report.md"), "utf8")).toContain("```mermaid");
    // In a log, without --progress, nothing on stderr but the declaration's warnings.
    expect(run.err.split("\n").filter((line) => line !== "" && !/: warning: /.test(line))).toEqual([]);
  });

  it("reports its progress: each stack read, then each check, then the writing of the evidence pack", () => {
    const updates: string[] = [];
    const progress = { update: (done: number, total: number, note?: string) => void updates.push(`${done}/${total}${note ? ` ${note}` : ""}`), finish: () => {} };
    const { results } = auditArtifact({ outdir: example.outdir, reportDir: join(root, "audit-report-progress"), model: example.model, configDir: join(root, "config"), today: EXAMPLE_TODAY, progress });
    expect(results.passed).toBe(true);
    expect(updates).toEqual([
      ...Array.from({ length: 16 }, (_, i) => `${i + 1}/16`),
      ...["schema", "connectivity", "rbac", "tenancy", "mlps", "sharing", "secrets", "expiry"].map((check) => `16/16 checking ${check}`),
      "16/16 writing the evidence pack",
    ]);
  });

  it("fails, naming the connection and the missing policy, when the artifact loses a policy", async () => {
    const path = join(example.outdir, "stacks", "dept-civil-affairs", "cdk.tf.json");
    const stack = JSON.parse(readFileSync(path, "utf8"));
    const policies = stack.resource.kubernetes_network_policy_v1;
    const [address] = Object.keys(policies).filter((a) => policies[a].metadata.name === "exposure-portal-ingress" && a.includes("tenant_prod"));
    delete policies[address];
    writeFileSync(path, JSON.stringify(stack, null, 2));
    const run = await audit();
    expect(run.status).toBe(1);
    expect(run.out).toContain(
      '  FAIL  connectivity  shared-hz:',
    );
    expect(run.out).toContain(
      '      missing: govcloud-gateway/platform-ingress-controller[Pod] => civil-affairs-prod/portal[Deployment] : TCP 8080 (declared by the exposure flow "portal is exposed to the internet through the gateway", not allowed by the policies)',
    );
    expect(run.out).toContain("\nAudit FAILED.\n");
    expect(JSON.parse(readFileSync(join(root, "audit-report", "report.json"), "utf8")).audit.passed).toBe(false);
  });
});

describe("govcloud synth and the MLPS rule pack", () => {
  it("refuses a synthesis with an expired waiver and replaces nothing", async () => {
    const before = readTree(example.outdir);
    let err = "";
    const status = await main(["synth", "--config", join(root, "config"), "--out", example.outdir, "--today", "2036-12-21"], {
      out: () => {},
      err: (t) => (err += t),
    });
    expect(status).toBe(1);
    // Refused by the declaration rules already, at the waiver's line, before anything is synthesized.
    expect(err).toContain(
      "config/waivers.yaml:15:5 waivers[0].expires: waiver JNDSJ-SEC-2026-0412 expired on 2036-12-20: fix the finding or renew the waiver with a new approval\n",
    );
    expect(readTree(example.outdir)).toEqual(before);
  });
});

describe("govcloud ledger and diff", () => {
  const run = async (argv: string[]) => {
    let out = "";
    let err = "";
    const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
    return { status, out, err };
  };

  it("prints the consolidation ledger of the synthesized example", async () => {
    const ledger = await run(["ledger", "--config", join(root, "config"), "--out", example.outdir, "--today", EXAMPLE_TODAY]);
    expect(ledger.status).toBe(0);
    expect(ledger.out.split("\n")[0]).toBe("Consolidation ledger: jiangnan (江南省政务云)");
    expect(ledger.out).toContain("Infrastructure avoided: 13 departments on 2 shared clusters instead of 13 standalone clusters");
  });

  it("prints no changes between an output and itself, and needs two outputs", async () => {
    expect(await run(["diff", example.outdir, example.outdir])).toEqual({ status: 0, out: "no changes\n", err: "" });
    expect((await run(["diff", example.outdir])).status).toBe(2);
  });
});

describe("govcloud synth --department", () => {
  // A fresh copy: the tests above tamper with the artifact, and the gate checks the partners' stacks too.
  const fresh = synthesizeExample();
  const freshRoot = dirname(fresh.outdir);

  it("checks the department, its sharing partners and the platform stacks, without flagging the partners' other agreements", async () => {
    let err = "";
    let out = "";
    const status = await main(
      ["synth", "--config", join(freshRoot, "config"), "--out", fresh.outdir, "--today", EXAMPLE_TODAY, "--department", "public-security"],
      { out: (t) => (out += t), err: (t) => (err += t) },
    );
    expect(err.split("\n").filter((l) => l !== "" && !l.startsWith("warning: ") && !l.includes(": warning: "))).toEqual([]);
    expect(status).toBe(0);
    expect(out).toMatch(/^Synthesized 1 stacks into .*cdktf\.out\/stacks in [\d.]+ s\.\n$/);
  });

  it("refuses when a partner's stack in the output breaks the rules (the gate reads the partners too)", async () => {
    const path = join(fresh.outdir, "stacks", "dept-civil-affairs", "cdk.tf.json");
    const stack = JSON.parse(readFileSync(path, "utf8"));
    const policies = stack.resource.kubernetes_network_policy_v1;
    const [address] = Object.keys(policies).filter((a) => policies[a].metadata.name === "exposure-portal-ingress" && a.includes("tenant_prod"));
    delete policies[address];
    writeFileSync(path, JSON.stringify(stack, null, 2));
    let err = "";
    const status = await main(
      ["synth", "--config", join(freshRoot, "config"), "--out", fresh.outdir, "--today", EXAMPLE_TODAY, "--department", "public-security"],
      { out: () => {}, err: (t) => (err += t) },
    );
    expect(status).toBe(1);
    expect(err).toContain(
      "  MLPS-NET-02 civil-affairs/prod: missing govcloud-gateway/platform-ingress-controller[Pod] => civil-affairs-prod/portal[Deployment] : TCP 8080.",
    );
  });
});
