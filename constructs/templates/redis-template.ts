import type { Construct } from "constructs";
import { secretEnv } from "./hardened-pod";
import { CREDENTIALS_SECRET_KEYS, StatefulStore, headlessServiceName, type StatefulStoreProps } from "./stateful-store";

/** The official redis image's own non-root user (and group). */
export const REDIS_USER_ID = 999;
export const REDIS_DEFAULT_PORT = 6379;
/** Where the data volume is mounted; append-only files live there. */
export const REDIS_DATA_PATH = "/data";

/** The port is the server's. @default 6379 */
export type RedisTemplateProps = StatefulStoreProps;

/**
 * A Redis cache or store (`app.kubernetes.io/component: redis`): a StatefulSet whose replicas keep
 * append-only data on their own volume at `/data` (`storage`, retained, Terraform
 * `prevent_destroy` on the StatefulSet). Ordinal 0 is the primary, which the client Service
 * reaches; further replicas replicate from it. The password is the `password` key of the
 * existing Secret `credentialsSecretName`, read from the environment, never written here. A
 * redis_exporter sidecar (`exporterImage`) publishes metrics on the metrics port.
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
    const password = secretEnv("REDIS_PASSWORD", props.credentialsSecretName, CREDENTIALS_SECRET_KEYS.password);
    const primary = `${props.service}-0`;
    // The password reaches the server through its environment; replicas follow the primary by its stable name.
    const script = [
      `set -- --port ${port} --dir ${REDIS_DATA_PATH} --appendonly yes --requirepass "$REDIS_PASSWORD" --masterauth "$REDIS_PASSWORD"`,
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
      env: [password],
      exporterArgs: [`--web.listen-address=:${props.metricsPort}`],
      exporterEnv: [{ name: "REDIS_ADDR", value: `redis://localhost:${port}` }, password],
    });
  }
}
