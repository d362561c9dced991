import { readTree } from "./example-project";
import { synthesizeExample } from "../stacks/example-artifact";

/**
 * No secret values anywhere: the whole synthesized output of the bundled example (what goes to
 * Terraform and so into its state) is scanned for anything that looks like a credential.
 */
const example = synthesizeExample();
const files = readTree(example.outdir);

interface Finding {
  readonly file: string;
  readonly path: string;
  readonly why: string;
}

/** Annotations whose value names an existing Secret (`<namespace>/<name>`), never holds one. */
const SECRET_REFERENCE_ANNOTATIONS: ReadonlySet<string> = new Set(["nginx.ingress.kubernetes.io/auth-tls-secret"]);
const SECRET_KEY = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential)/i;
/** Where pods find credentials as files (mounted Secrets, files derived from them in memory): a path, never a value. */
const CREDENTIAL_FILE_PATH = /\/(var\/)?run\/(secrets|govcloud)\/[A-Za-z0-9_./-]+/g;
const SECRET_VALUE: Array<[RegExp, string]> = [
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a PEM private key"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an access key id"],
  [/\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/, "a JSON web token"],
  [/:\/\/[^/\s:@]+:[^/\s@]+@/, "credentials in a URL"],
];

function scan(file: string, value: unknown, path: string, found: Finding[]): void {
  if (typeof value === "string") {
    for (const [pattern, why] of SECRET_VALUE) if (pattern.test(value)) found.push({ file, path, why });
    // Long random-looking strings, other than image digests and Terraform references and addresses.
    const bare = value
      .replace(/sha256:[a-f0-9]{64}/g, "")
      .replace(/\$\{[^}]*\}/g, "")
      .replace(/\bkubernetes_[a-z0-9_]+\.[A-Za-z0-9_-]+/g, "")
      .replace(CREDENTIAL_FILE_PATH, "");
    if (/[A-Za-z0-9+/=_-]{40,}/.test(bare) && /[0-9]/.test(bare) && /[A-Z]/.test(bare) && /[a-z]/.test(bare)) {
      found.push({ file, path, why: "a long random-looking string" });
    }
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => scan(file, item, `${path}[${i}]`, found));
    return;
  }
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    // An env var that carries a credential must take it from a Secret, never inline; one that names its file holds a path.
    const namesAFile = typeof record.name === "string" && /_FILE$/.test(record.name) && typeof record.value === "string" && new RegExp(`^${CREDENTIAL_FILE_PATH.source}$`).test(record.value);
    if (typeof record.name === "string" && SECRET_KEY.test(record.name) && "value" in record && !namesAFile) {
      found.push({ file, path, why: `env ${record.name} has an inline value` });
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === "//") continue;
      if (SECRET_KEY.test(key) && typeof child === "string" && !/(_name|_ref|name)$/i.test(key) && !SECRET_REFERENCE_ANNOTATIONS.has(key)) {
        found.push({ file, path: `${path}.${key}`, why: `a literal under a key named ${key}` });
      }
      scan(file, child, `${path}.${key}`, found);
    }
  }
}

describe("no secret values in the synthesized output", () => {
  it("creates no Secret objects: templates reference existing ones by name", () => {
    const types = [...files.entries()]
      .filter(([name]) => name.endsWith("cdk.tf.json"))
      .flatMap(([, bytes]) => Object.keys(JSON.parse(bytes).resource ?? {}));
    expect(types.filter((t) => /secret/.test(t))).toEqual([]);
  });

  it("finds nothing that looks like a credential in any file", () => {
    const found: Finding[] = [];
    for (const [file, bytes] of files) {
      if (!file.endsWith(".json")) continue;
      scan(file, JSON.parse(bytes), "", found);
    }
    expect(found).toEqual([]);
  });

  it("takes every password from a mounted Secret's file", () => {
    const health = JSON.parse(files.get("stacks/dept-health/cdk.tf.json")!);
    const [db] = Object.values(health.resource.kubernetes_stateful_set_v1).filter(
      (s: any) => s.metadata.name === "db" && s.metadata.namespace.includes("tenant_prod"),
    ) as any[];
    const env = db.spec.template.spec.container.flatMap((c: any) => c.env ?? []);
    const passwords = env.filter((e: any) => /PASS/.test(e.name));
    expect(passwords.map((e: any) => e.name)).toEqual(["POSTGRES_PASSWORD_FILE", "DATA_SOURCE_PASS_FILE"]);
    for (const variable of passwords) expect(variable).toEqual({ name: variable.name, value: "/var/run/secrets/govcloud/credentials/password" });
    expect(db.spec.template.spec.volume).toContainEqual({
      name: "credentials",
      secret: { secret_name: "db-credentials", default_mode: "0440", items: ["password", "username"].map((key) => ({ key, path: key })) },
    });
  });

  it("would notice an inline password (the scanner is not blind)", () => {
    const found: Finding[] = [];
    scan(
      "x.json",
      { env: [{ name: "POSTGRES_PASSWORD", value: "hunter2" }, { name: "POSTGRES_PASSWORD_FILE", value: "hunter2" }], url: "https://admin:s3cret@db.local" },
      "",
      found,
    );
    expect(found.map((f) => f.why)).toEqual(["env POSTGRES_PASSWORD has an inline value", "env POSTGRES_PASSWORD_FILE has an inline value", "credentials in a URL"]);
  });
});
