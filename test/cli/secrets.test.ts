import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../cli/main";
import { synthesizeExample } from "../stacks/example-artifact";

/** `govcloud secrets` as a platform engineer runs it before the first apply of the bundled example. */
const example = synthesizeExample();

async function secrets(...args: string[]): Promise<{ status: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const status = await main(["secrets", "--out", example.outdir, ...args], { out: (t) => (out += t), err: (t) => (err += t) });
  return { status, out, err };
}

describe("govcloud secrets", () => {
  it("lists, per cluster and namespace, each Secret with its keys, its readers and who provides it", async () => {
    const run = await secrets();
    expect(run.status).toBe(0);
    expect(run.out).toMatch(/^\d+ Secrets read by the workloads: \d+ to create before the first apply, 0 from the secret store, 2 from cert-manager\n/);
    const prod = run.out.slice(run.out.indexOf("  namespace health-prod\n")).split("\n").slice(0, 5);
    expect(prod).toEqual([
      "  namespace health-prod",
      "    cache-credentials: keys password; read by StatefulSet cache; create before the first apply",
      "    db-backup-s3: keys AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; read by CronJob db-backup; create before the first apply",
      "    db-credentials: keys password, username; read by CronJob db-backup, StatefulSet db; create before the first apply",
      "    portal-tls: keys tls.crt, tls.key; read by Ingress portal; create before the first apply",
    ]);
    expect(run.out).toContain(
      "    population-api-sharing-client-tls: keys ca.crt, tls.crt, tls.key; read by Deployment population-api; written by cert-manager (Certificate population-api-sharing-client)\n",
    );
  });

  it("writes the same entries as JSON", async () => {
    const run = await secrets("--format", "json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.out);
    expect(json.passed).toBe(true);
    expect(json.secrets).toContainEqual({
      cluster: "shared-hz",
      namespace: "health-prod",
      name: "db-credentials",
      keys: ["password", "username"],
      readers: ["CronJob db-backup", "StatefulSet db"],
      provider: { kind: "prerequisite" },
    });
  });

  it("exits 1 and names the read when a stack no longer lists a Secret its pods read", async () => {
    const path = join(example.outdir, "stacks", "dept-health", "cdk.tf.json");
    const original = readFileSync(path, "utf8");
    const stack = JSON.parse(original);
    stack.output.required_secrets.value = stack.output.required_secrets.value.filter((e: any) => !(e.namespace === "health-prod" && e.name === "portal-tls"));
    writeFileSync(path, JSON.stringify(stack));
    try {
      const run = await secrets();
      expect(run.status).toBe(1);
      expect(run.out).toContain("    portal-tls: keys tls.crt, tls.key; read by Ingress portal; MISSING: nothing provides it\n");
      expect(run.out).toContain(
        "\n1 reads that nothing provides:\n  namespace health-prod on shared-hz: Ingress portal reads Secret portal-tls, which is neither declared as an ExternalSecret, created in the artifact, nor listed as a prerequisite\n",
      );
    } finally {
      writeFileSync(path, original);
    }
  });

  it("refuses a format it does not write", async () => {
    const run = await secrets("--format", "csv");
    expect(run.status).toBe(2);
    expect(run.err).toBe('govcloud secrets: --format must be one of txt, json; got "csv"; see govcloud secrets --help\n');
  });
});
