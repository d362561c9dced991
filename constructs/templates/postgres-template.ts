import type { Construct } from "constructs";
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
  readonly userEnv: string;
  readonly passwordEnv: string;
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
    userEnv: "POSTGRES_USER",
    passwordEnv: "POSTGRES_PASSWORD",
    portEnv: "PGPORT",
    scratch: { run: "/var/run/postgresql" },
    dumpTool: "pg_dumpall",
  },
  opengauss: {
    userId: 70,
    volumePath: "/var/lib/opengauss",
    userEnv: "GS_USERNAME",
    passwordEnv: "GS_PASSWORD",
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
 * `credentialsSecretName`, read from the environment, never written here; the exporter sidecar
 * (`exporterImage`, postgres_exporter-compatible) reads them the same way. With `backup`, a
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
    const credentials = (userEnv: string, passwordEnv: string): EnvVar[] => [
      secretEnv(userEnv, secret, CREDENTIALS_SECRET_KEYS.username),
      secretEnv(passwordEnv, secret, CREDENTIALS_SECRET_KEYS.password),
    ];
    super(scope, id, props, {
      component: "postgres",
      userId: engine.userId,
      portName: "postgres",
      port,
      dataPath: engine.volumePath,
      scratch: engine.scratch,
      env: [...credentials(engine.userEnv, engine.passwordEnv), { name: "PGDATA", value: `${engine.volumePath}/pgdata` }, { name: engine.portEnv, value: String(port) }],
      exporterArgs: [`--web.listen-address=:${props.metricsPort}`],
      exporterEnv: [
        { name: "DATA_SOURCE_URI", value: `localhost:${port}/postgres?sslmode=disable` },
        ...credentials("DATA_SOURCE_USER", "DATA_SOURCE_PASS"),
      ],
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
