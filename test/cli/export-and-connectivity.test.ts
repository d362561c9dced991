import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../cli/main";

/** `govcloud connectivity` and `govcloud export` as a user runs them. */
async function govcloud(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}
/** Small manifest folders of our own; the analyzer's semantics are proven on the conformance corpus (`npm run test:conformance`). */
const MANIFESTS = join(__dirname, "..", "fixtures", "manifests");

describe("govcloud connectivity", () => {
  it("prints the connection list of any manifests folder", async () => {
    const run = await govcloud(["connectivity", join(MANIFESTS, "portal")]);
    expect(run.status).toBe(0);
    expect(run.out).toBe(
      [
        "0.0.0.0-255.255.255.255[External] => portal/web[Deployment] : All Connections",
        "portal/api[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
        "portal/api[Deployment] => portal/web[Deployment] : All Connections",
        "portal/web[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections",
        "portal/web[Deployment] => portal/api[Deployment] : TCP 8080",
        "",
      ].join("\n"),
    );
  });

  it("prints csv on request", async () => {
    const run = await govcloud(["connectivity", join(MANIFESTS, "portal"), "--format", "csv"]);
    expect(run.out.split("\n").slice(0, 2)).toEqual(["src,dst,conn", "0.0.0.0-255.255.255.255[External],portal/web[Deployment],All Connections"]);
  });

  it("rejects invalid manifests with exit code 1 and the file, object and field", async () => {
    const dir = join(MANIFESTS, "named-port-range");
    const run = await govcloud(["connectivity", dir]);
    expect(run.status).toBe(1);
    expect(run.err).toBe(
      `govcloud: the manifests cannot be analyzed (1 problem):\n  ${join(dir, "policy.yaml")}:13:20: NetworkPolicy portal/api-ports: spec.ingress[0].ports[0].endPort: cannot be used with the named port 'https'; endPort needs a numeric port\n`,
    );
  });

  it("on an export's folder, names the bad file of each cluster at once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "govcloud-export-"));
    for (const cluster of ["alpha", "beta"]) {
      mkdirSync(join(dir, cluster));
      writeFileSync(join(dir, cluster, "cluster-scoped.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: portal\n");
      cpSync(join(MANIFESTS, "named-port-range", "policy.yaml"), join(dir, cluster, "portal.yaml"));
    }
    const run = await govcloud(["connectivity", dir]);
    rmSync(dir, { recursive: true });
    expect(run.status).toBe(1);
    const problem = "13:20: NetworkPolicy portal/api-ports: spec.ingress[0].ports[0].endPort: cannot be used with the named port 'https'; endPort needs a numeric port";
    expect(run.err).toBe(`govcloud: the manifests cannot be analyzed (2 problems):\n  ${join(dir, "alpha", "portal.yaml")}:${problem}\n  ${join(dir, "beta", "portal.yaml")}:${problem}\n`);
  });

  it("refuses an unknown format", async () => {
    const run = await govcloud(["connectivity", MANIFESTS, "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.err).toBe('govcloud connectivity: --format must be one of txt, json, csv, md; got "xml"; see govcloud connectivity --help\n');
  });
});

describe("govcloud export", () => {
  it("reports an artifact it cannot read with exit code 1", async () => {
    const empty = mkdtempSync(join(tmpdir(), "govcloud-export-"));
    const run = await govcloud(["export", "--out", empty, "--to", join(empty, "manifests")]);
    expect(run.status).toBe(1);
    expect(readdirSync(empty)).toEqual([]);
    expect(run.err).toBe(
      `govcloud: cannot convert the artifact into Kubernetes objects (1 problem):\n  ${empty}: no synthesized output here (manifest.json is missing); run \`govcloud synth\` first\n`,
    );
  });
});
