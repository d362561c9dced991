import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PostgresTemplate } from "../../../constructs/templates/postgres-template";
import { RedisTemplate } from "../../../constructs/templates/redis-template";
import { resourcesOf } from "../test-provider";
import { DIGEST, synth, workloadProps } from "./template-fixtures";

/**
 * The shell the templates run to turn mounted Secret files into the files their programs read,
 * run for real (sh, bash, sed) on a password made of the characters each format must escape.
 */
const PASSWORD = 'pa"ss\\wo:rd $(id) %s';
const USER = "rec:ords";

/** What the kubelet hands the container: `$$` is its escape for a literal `$`. */
const asRun = (command: string) => command.replace(/\$\$/g, "$");

function sandbox(): { root: string; relocate: (text: string) => string } {
  const root = mkdtempSync(join(tmpdir(), "govcloud-credential-files-"));
  return { root, relocate: (text) => text.replaceAll("/var/run/secrets/govcloud", join(root, "secrets")).replaceAll("/run/govcloud", join(root, "run")) };
}

function secretFile(path: string, value: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  // As `kubectl create secret --from-file` often stores it: with the editor's final newline.
  writeFileSync(path, `${value}\n`);
  chmodSync(path, 0o440);
}

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** A redis config string, read the way redis-server reads a quoted argument. */
function redisQuoted(line: string, directive: string): string {
  const match = new RegExp(`^${directive} "((?:[^"\\\\]|\\\\.)*)"$`).exec(line);
  if (!match) throw new Error(`not a quoted ${directive}: ${line}`);
  return match[1].replace(/\\(.)/g, "$1");
}

/** One line of a libpq password file, split and unescaped as libpq does. */
function pgpassFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\\" && i + 1 < line.length) current += line[++i];
    else if (line[i] === ":") {
      fields.push(current);
      current = "";
    } else current += line[i];
  }
  return [...fields, current];
}

describe("credential files, by the templates' own scripts", () => {
  it("redis: the init container writes the server's auth config and the exporter's JSON password file, 0600", () => {
    const synthesized = synth(
      (scope) =>
        new RedisTemplate(scope, "sessions", {
          ...workloadProps(scope, 2, "sessions"),
          storage: "10Gi",
          credentialsSecretName: "sessions-credentials",
          exporterImage: `registry.gov.example/platform/redis-exporter${DIGEST}`,
        }),
    );
    const pod = resourcesOf(synthesized, "kubernetes_stateful_set_v1")[0].spec.template.spec;
    const { root, relocate } = sandbox();
    secretFile(join(root, "secrets", "credentials", "password"), PASSWORD);
    mkdirSync(join(root, "run", "redis-auth"), { recursive: true });
    execFileSync("sh", ["-c", relocate(asRun(pod.init_container[0].command[2]))]);

    const config = readFileSync(join(root, "run", "redis-auth", "auth.conf"), "utf8").split("\n");
    expect(config.map((line, i) => (i < 2 ? redisQuoted(line, ["requirepass", "masterauth"][i]) : line))).toEqual([PASSWORD, PASSWORD, ""]);
    const exporterFile = join(root, "run", "redis-auth", "exporter-passwords.json");
    expect(JSON.parse(readFileSync(exporterFile, "utf8"))).toEqual({ "redis://localhost:6379": PASSWORD });
    expect(pod.container[1].env).toContainEqual({ name: "REDIS_ADDR", value: "redis://localhost:6379" });
    expect([mode(exporterFile), mode(join(root, "run", "redis-auth", "auth.conf"))]).toEqual(["600", "600"]);
    // The server names its config file first and has no password on its command line.
    expect(pod.container[0].command[2]).toMatch(/^set -- \/run\/govcloud\/redis-auth\/auth\.conf --port 6379 /);
    expect(pod.container[0].command[2]).not.toMatch(/requirepass|masterauth|PASSWORD/);
  });

  it("postgres backup: the job writes a 0600 libpq password file and the aws CLI's credentials file, and dumps with them", () => {
    const synthesized = synth(
      (scope) =>
        new PostgresTemplate(scope, "records", {
          ...workloadProps(scope, 2, "records"),
          engine: "postgresql",
          storage: "100Gi",
          metricsPort: 9187,
          credentialsSecretName: "records-db-credentials",
          exporterImage: `registry.gov.example/platform/postgres-exporter${DIGEST}`,
          backup: {
            schedule: "30 1 * * *",
            image: `registry.gov.example/platform/pg-backup${DIGEST}`,
            target: { kind: "s3", bucket: "health-backups", endpoint: "https://oss.gov.example", secretName: "health-backup-s3" },
          },
        }),
    );
    const [container] = resourcesOf(synthesized, "kubernetes_cron_job_v1")[0].spec.job_template.spec.template.spec.container;
    const { root, relocate } = sandbox();
    secretFile(join(root, "secrets", "credentials", "username"), USER);
    secretFile(join(root, "secrets", "credentials", "password"), PASSWORD);
    secretFile(join(root, "secrets", "s3", "AWS_ACCESS_KEY_ID"), "AKIDEXAMPLE");
    secretFile(join(root, "secrets", "s3", "AWS_SECRET_ACCESS_KEY"), "wJalr/XUtnFEMI+K7MDENG");
    mkdirSync(join(root, "run", "client"), { recursive: true });
    // Stand-ins for the backup image's tools: each records what it was given.
    const bin = join(root, "bin");
    mkdirSync(bin);
    writeFileSync(join(bin, "pg_dumpall"), `#!/bin/sh\necho "dump as $PGUSER@$PGHOST:$PGPORT with $PGPASSFILE"\n`, { mode: 0o755 });
    writeFileSync(join(bin, "aws"), `#!/bin/sh\ncat > ${join(root, "uploaded.gz")}\necho "$@" > ${join(root, "aws-args")}\n`, { mode: 0o755 });
    const env = Object.fromEntries((container.env as Array<{ name: string; value: string }>).map((e) => [e.name, relocate(e.value)]));
    execFileSync("bash", ["-c", relocate(asRun(container.command[2]))], { env: { ...env, PATH: `${bin}:${process.env.PATH}` } });

    const pgpass = env.PGPASSFILE;
    expect(mode(pgpass)).toBe("600");
    const lines = readFileSync(pgpass, "utf8").split("\n");
    expect(lines).toHaveLength(2);
    expect(pgpassFields(lines[0])).toEqual(["*", "*", "*", USER, PASSWORD]);
    expect(mode(env.AWS_SHARED_CREDENTIALS_FILE)).toBe("600");
    expect(readFileSync(env.AWS_SHARED_CREDENTIALS_FILE, "utf8")).toBe("[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = wJalr/XUtnFEMI+K7MDENG\n");
    expect(execFileSync("gzip", ["-dc", join(root, "uploaded.gz")]).toString()).toBe(`dump as ${USER}@records:5432 with ${pgpass}\n`);
    expect(readFileSync(join(root, "aws-args"), "utf8")).toMatch(/^s3 cp - s3:\/\/health-backups\/records\/records-\d{8}T\d{6}Z\.sql\.gz --endpoint-url https:\/\/oss\.gov\.example\n$/);
  });
});
