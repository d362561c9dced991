import type { Construct } from "constructs";
import { CREDENTIALS_PATH, secretFiles } from "./credential-files";
import { secretEnv, type EnvVar } from "./hardened-pod";
import { PostgresBackup } from "./postgres-backup";
import { CREDENTIALS_SECRET_KEYS, StatefulStore, type StatefulStoreProps } from "./stateful-store";
import type { BackupProps } from "./workload-props";

export type PostgresEngine = "postgresql" | "opengauss";
export const POSTGRES_DEFAULT_PORT = 5432;

/** What differs between the PostgreSQL-family images the catalog runs. */
interface EngineImage {
  /** The image's own non-root user (and group). */
  readonly userId: number;
  /** Where the data volume is mounted; the cluster lives in `pgdata` below it, clear of the volume's `lost+found`. */
  readonly volumePath: string;
  /**
   * How the image's entrypoint takes the superuser's name and password: each from a file named by
   * a `*_FILE` variable, or (the name only, where the entrypoint has no `*_FILE` for it) from the
   * environment.
   */
  readonly user: { readonly fileEnv: string } | { readonly env: string };
  readonly passwordFileEnv: string;
  /** Variable the image's entrypoint reads the listening port from. */
  readonly portEnv: string;
  /** Writable directories besides `/tmp` and the data volume (sockets, lock files). */
  readonly scratch: Readonly<Record<string, string>>;
  readonly dumpTool: string;
}

/** The PostgreSQL-family engines: the official postgres image, and openGauss (enmotech/opengauss-compatible). */
export const POSTGRES_ENGINES: Readonly<Record<PostgresEngine, EngineImage>> = {
  postgresql: {
    userId: 999,
    volumePath: "/var/lib/postgresql/data",
    // docker-entrypoint.sh: file_env 'POSTGRES_USER', file_env 'POSTGRES_PASSWORD'.
    user: { fileEnv: "POSTGRES_USER_FILE" },
    passwordFileEnv: "POSTGRES_PASSWORD_FILE",
    portEnv: "PGPORT",
    scratch: { run: "/var/run/postgresql" },
    dumpTool: "pg_dumpall",
  },
  opengauss: {
    userId: 70,
    volumePath: "/var/lib/opengauss",
    // The openGauss image's entrypoint runs file_env 'GS_PASSWORD' but reads GS_USERNAME, a name
    // and not a credential, only from the environment.
    user: { env: "GS_USERNAME" },
    passwordFileEnv: "GS_PASSWORD_FILE",
    portEnv: "GS_PORT",
    scratch: { run: "/var/run/opengauss" },
    dumpTool: "gs_dumpall",
  },
};

export interface PostgresTemplateProps extends StatefulStoreProps {
  /** Which PostgreSQL-family server the image runs. */
  readonly engine: PostgresEngine;
  /** Scheduled dumps to a volume or an S3-compatible bucket. @default - no backup job (the data volumes are still retained) */
  readonly backup?: BackupProps;
}

/**
 * A PostgreSQL or openGauss database (`app.kubernetes.io/component: postgres`): a StatefulSet
 * whose replicas keep their cluster on their own volume (`storage`, retained, Terraform
 * `prevent_destroy` on the StatefulSet). The client Service reaches the primary, ordinal 0;
 * streaming replication to further ordinals is not configured by this template, so at level 3
 * and above they run as independent, empty servers that receive no client traffic. The
 * superuser and password are the `username` and `password` keys of the existing Secret
 * `credentialsSecretName`, mounted read-only at `/var/run/secrets/govcloud/credentials` and read
 * through the image's `*_FILE` variables (`POSTGRES_USER_FILE`, `POSTGRES_PASSWORD_FILE`;
 * openGauss `GS_PASSWORD_FILE`, its entrypoint taking `GS_USERNAME` from the environment only),
 * never written here; the exporter sidecar (`exporterImage`, postgres_exporter-compatible) reads
 * the same files (`DATA_SOURCE_USER_FILE`, `DATA_SOURCE_PASS_FILE`) and answers HTTP probes on
 * the metrics port. With `backup`, a
 * scheduled dump job (see {@link PostgresBackup}).
 *
 * Hardened by default: the image's own user, group and file-system group (postgres 999,
 * openGauss `omm` 70), non-root, RuntimeDefault seccomp, no service-account token, no privilege
 * or capabilities, read-only root with emptyDirs for `/tmp` and the socket directory, limits
 * equal to requests (the sidecar's fixed), TCP probes on `postgres`. At level 3 and above: at
 * least 2 replicas, spread over nodes, a disruption budget, the dedicated node pool when given,
 * and every image pinned by digest.
 */
export class PostgresTemplate extends StatefulStore {
  /** Present when a backup is declared. */
  readonly backup?: PostgresBackup;

  constructor(scope: Construct, id: string, props: PostgresTemplateProps) {
    const engine = POSTGRES_ENGINES[props.engine];
    if (!engine) throw new Error(`'engine' must be one of ${Object.keys(POSTGRES_ENGINES).join(", ")}, got '${props.engine}'`);
    const port = props.port ?? POSTGRES_DEFAULT_PORT;
    const secret = props.credentialsSecretName;
    const { username, password } = CREDENTIALS_SECRET_KEYS;
    const files = secretFiles("credentials", secret, [password, username], CREDENTIALS_PATH);
    const userEnv: EnvVar =
      "fileEnv" in engine.user ? { name: engine.user.fileEnv, value: files.file(username) } : secretEnv(engine.user.env, secret, username);
    super(scope, id, props, {
      component: "postgres",
      userId: engine.userId,
      portName: "postgres",
      port,
      dataPath: engine.volumePath,
      scratch: engine.scratch,
      env: [
        userEnv,
        { name: engine.passwordFileEnv, value: files.file(password) },
        { name: "PGDATA", value: `${engine.volumePath}/pgdata` },
        { name: engine.portEnv, value: String(port) },
      ],
      volumes: [files.volume],
      mounts: [files.mount],
      exporterArgs: [`--web.listen-address=:${props.metricsPort}`],
      // postgres_exporter reads the user name and password from DATA_SOURCE_USER_FILE and DATA_SOURCE_PASS_FILE.
      exporterEnv: [
        { name: "DATA_SOURCE_URI", value: `localhost:${port}/postgres?sslmode=disable` },
        { name: "DATA_SOURCE_USER_FILE", value: files.file(username) },
        { name: "DATA_SOURCE_PASS_FILE", value: files.file(password) },
      ],
      exporterMounts: [files.mount],
    });
    if (props.backup) {
      this.backup = new PostgresBackup(this, "backup", {
        workload: props,
        backup: props.backup,
        host: props.service,
        port,
        credentialsSecretName: secret,
        dumpTool: engine.dumpTool,
        serviceAccount: this.serviceAccount,
      });
      if (this.backup.volume) this.statefulResources.push(this.backup.volume);
      this.secretReads.push(...this.backup.secretReads);
    }
  }
}
