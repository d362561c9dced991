import type { TerraformProvider } from "cdktf";
import type { Construct } from "constructs";
import type { EnvironmentModel, PlatformModel } from "../config/model/platform-model";
import { LABEL, MANAGED_LABELS, zoneOfLevel } from "../constructs/labels";
import { ExternalSecret } from "../constructs/secrets/external-secret";
import type { SecretRead } from "../constructs/templates/secret-reads";

/** Annotation on each ExternalSecret naming the objects that read its Secret, for whoever fills the store. */
export const SECRET_READERS_ANNOTATION = "govcloud/read-by";

/** A Secret the pods of one namespace read that nothing in the stack provides: it must exist before the first apply. */
export interface RequiredSecret {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  /** Sorted; undefined when the readers take every key. */
  readonly keys?: readonly string[];
  /** `<Kind> <name>` of each reader, sorted. */
  readonly readers: readonly string[];
  /** @default - Opaque */
  readonly type?: string;
}

/**
 * The remote key of a Secret in the platform's store: `<keyPrefix>/<department>/<environment>/<secret>`,
 * each key of the Secret a property of it. By Secret rather than by service, because one
 * Secret is one object of its namespace whoever reads it (a database's credentials are read by
 * the database, its exporter and its backup job).
 */
export function remoteKeyOf(keyPrefix: string, env: Pick<EnvironmentModel, "department" | "name">, secret: string): string {
  return `${keyPrefix}/${env.department}/${env.name}/${secret}`;
}

/** The reads of one namespace merged per Secret: keys united (every key wins), readers listed. */
export function requiredSecrets(cluster: string, namespace: string, reads: readonly SecretRead[]): RequiredSecret[] {
  const bySecret = new Map<string, { keys: Set<string> | undefined; readers: Set<string>; type?: string }>();
  for (const read of reads) {
    const entry = bySecret.get(read.secret) ?? { keys: new Set<string>(), readers: new Set<string>() };
    if (entry.type !== undefined && read.type !== undefined && entry.type !== read.type) {
      throw new Error(`Secret '${read.secret}' in namespace ${namespace} is read as type ${entry.type} and as ${read.type}: name one of them differently`);
    }
    entry.type = entry.type ?? read.type;
    entry.keys = read.keys === undefined || entry.keys === undefined ? undefined : new Set([...entry.keys, ...read.keys]);
    entry.readers.add(read.reader);
    bySecret.set(read.secret, entry);
  }
  return [...bySecret.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, e]) => ({
      cluster,
      namespace,
      name,
      ...(e.keys ? { keys: [...e.keys].sort() } : {}),
      readers: [...e.readers].sort(),
      ...(e.type ? { type: e.type } : {}),
    }));
}

/**
 * model → props for the Secrets one environment's workloads read, except those the stack itself
 * has made (cert-manager's client certificates): with the platform's secret store, an
 * ExternalSecret for each beside its readers; without one, nothing is created and the Secrets
 * are returned, for the stack to list as prerequisites.
 */
export function provisionSecrets(
  scope: Construct,
  model: PlatformModel,
  env: EnvironmentModel,
  namespace: string,
  provider: TerraformProvider,
  reads: readonly SecretRead[],
  madeByTheStack: ReadonlySet<string>,
): RequiredSecret[] {
  const needed = requiredSecrets(env.cluster, env.namespace, reads.filter((r) => !madeByTheStack.has(r.secret)));
  const store = model.secretStore;
  if (!store) return needed;
  for (const secret of needed) {
    new ExternalSecret(scope, `external-secret-${secret.name}`, {
      provider,
      namespace,
      secretName: secret.name,
      store: { kind: store.kind, name: store.name },
      remoteKey: remoteKeyOf(store.keyPrefix, env, secret.name),
      keys: secret.keys,
      refreshInterval: store.refreshInterval,
      secretType: secret.type,
      labels: {
        ...MANAGED_LABELS,
        [LABEL.name]: secret.name,
        [LABEL.component]: "external-secret",
        [LABEL.department]: env.department,
        [LABEL.environment]: env.name,
        [LABEL.level]: String(env.level),
        [LABEL.zone]: zoneOfLevel(env.level),
      },
      annotations: { [SECRET_READERS_ANNOTATION]: secret.readers.join(", ") },
    });
  }
  return [];
}
