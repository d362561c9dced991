import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
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
const corpus = join(__dirname, "..", "..", "..", "shared", "netpol-conformance");

describe("govcloud connectivity", () => {
  it("prints the connection list of any manifests folder", async () => {
    const run = await govcloud(["connectivity", join(corpus, "cases", "minimal_test_in_ns", "input")]);
    expect(run.status).toBe(0);
    expect(run.out).toBe(readFileSync(join(corpus, "cases", "minimal_test_in_ns", "expected.txt"), "utf8").trimEnd() + "\n");
  });

  it("prints csv on request", async () => {
    const run = await govcloud(["connectivity", join(corpus, "cases", "minimal_test_in_ns", "input"), "--format", "csv"]);
    expect(run.out.split("\n")[0]).toBe("src,dst,conn");
  });

  it("rejects invalid manifests with exit code 1 and the file, object and field", async () => {
    const run = await govcloud(["connectivity", join(corpus, "invalid", "np_bad_path_test_2")]);
    expect(run.status).toBe(1);
    expect(run.err).toMatch(/np_bad_path_test_2\/netpols\.yaml:14:16: NetworkPolicy default\/backend-netpol: spec\.ingress\[1\]\.ports\[0\]\.endPort: cannot be used with the named port 'http'/);
  });

  it("refuses an unknown format", async () => {
    const run = await govcloud(["connectivity", corpus, "--format", "xml"]);
    expect(run.status).toBe(2);
    expect(run.err).toMatch(/^govcloud: --format must be one of txt, json, csv, md; got "xml"/);
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
