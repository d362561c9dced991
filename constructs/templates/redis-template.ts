import type { Construct } from "constructs";
import { CREDENTIALS_PATH, credentialScratch, escapedFileValue, secretFiles } from "./credential-files";
import { hardenedContainer } from "./hardened-pod";
import { CREDENTIALS_SECRET_KEYS, StatefulStore, headlessServiceName, type StatefulStoreProps } from "./stateful-store";
import { SIDECAR_RESOURCES } from "./template-resources";

/** The official redis image's own non-root user (and group). */
export const REDIS_USER_ID = 999;
export const REDIS_DEFAULT_PORT = 6379;
/** Where the data volume is mounted; append-only files live there. */
export const REDIS_DATA_PATH = "/data";
/** The memory-backed folder holding the server's auth config and the exporter's password file. */
export const REDIS_AUTH_PATH = "/run/govcloud/redis-auth";
/** Included by the server: `requirepass` and `masterauth`. */
export const REDIS_AUTH_CONFIG = `${REDIS_AUTH_PATH}/auth.conf`;
/** redis_exporter's `REDIS_PASSWORD_FILE`: a JSON object from each Redis address to its password. */
export const EXPORTER_PASSWORD_FILE = `${REDIS_AUTH_PATH}/exporter-passwords.json`;

/** The port is the server's. @default 6379 */
export type RedisTemplateProps = StatefulStoreProps;

/**
 * A Redis cache or store (`app.kubernetes.io/component: redis`): a StatefulSet whose replicas keep
 * append-only data on their own volume at `/data` (`storage`, retained, Terraform
 * `prevent_destroy` on the StatefulSet). Ordinal 0 is the primary, which the client Service
 * reaches; further replicas replicate from it. The password is the `password` key of the
 * existing Secret `credentialsSecretName`, never written here and never on a command line or in
 * an environment: an init container (the server's image) reads the mounted Secret file and writes,
 * into a memory-backed volume, the server's config file (`requirepass`, `masterauth`) and the
 * redis_exporter sidecar's password file (`REDIS_PASSWORD_FILE`), both mode 0600, both mounted
 * read-only by their readers. The exporter publishes metrics on the metrics port and answers
 * HTTP probes there. The password must be one line of printable characters.
 *
 * Hardened by default: user, group and file-system group 999 (the image's `redis`), non-root,
 * RuntimeDefault seccomp, no service-account token, no privilege or capabilities, read-only root
 * with an emptyDir `/tmp`, limits equal to requests (the sidecar's fixed), TCP probes on `redis`.
 * At level 3 and above: at least 2 replicas, spread over nodes, a disruption budget, the dedicated
 * node pool when given, and every image pinned by digest.
 */
export class RedisTemplate extends StatefulStore {
  constructor(scope: Construct, id: string, props: RedisTemplateProps) {
    const port = props.port ?? REDIS_DEFAULT_PORT;
    const address = `redis://localhost:${port}`;
    const files = secretFiles("credentials", props.credentialsSecretName, [CREDENTIALS_SECRET_KEYS.password], CREDENTIALS_PATH);
    const auth = credentialScratch("redis-auth", REDIS_AUTH_PATH);
    const authReadOnly = { ...auth.mount, readOnly: true };
    // Quoted for both formats: redis config strings and JSON both take \\ and \" inside double quotes.
    const writeAuth = [
      "set -eu",
      "umask 077",
      `password="${escapedFileValue(files.file(CREDENTIALS_SECRET_KEYS.password), '"')}"`,
      `printf 'requirepass "%s"\\nmasterauth "%s"\\n' "$password" "$password" > ${REDIS_AUTH_CONFIG}`,
      `printf '{"%s": "%s"}\\n' '${address}' "$password" > ${EXPORTER_PASSWORD_FILE}`,
    ].join("\n");
    const primary = `${props.service}-0`;
    // The config file comes first, as redis-server takes it; replicas follow the primary by its stable name.
    const script = [
      `set -- ${REDIS_AUTH_CONFIG} --port ${port} --dir ${REDIS_DATA_PATH} --appendonly yes`,
      `if [ "$HOSTNAME" != "${primary}" ]; then set -- "$@" --replicaof ${primary}.${headlessServiceName(props.service)} ${port}; fi`,
      `exec redis-server "$@"`,
    ].join("\n");
    super(scope, id, props, {
      component: "redis",
      userId: REDIS_USER_ID,
      portName: "redis",
      port,
      dataPath: REDIS_DATA_PATH,
      command: ["sh", "-c", script],
      env: [],
      volumes: [files.volume, auth.volume],
      mounts: [authReadOnly],
      initContainers: [
        hardenedContainer({
          name: "redis-auth",
          image: props.image,
          resources: SIDECAR_RESOURCES,
          command: ["sh", "-c", writeAuth],
          mounts: [files.mount, auth.mount],
        }),
      ],
      exporterArgs: [`--web.listen-address=:${props.metricsPort}`],
      exporterEnv: [
        { name: "REDIS_ADDR", value: address },
        { name: "REDIS_PASSWORD_FILE", value: EXPORTER_PASSWORD_FILE },
      ],
      exporterMounts: [authReadOnly],
    });
  }
}
