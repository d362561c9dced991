import type { IResolvable } from "cdktf";
import type { Container, PodSpec } from "./hardened-pod";

/** The Secret type of an Ingress's certificate: the controller reads `tls.crt` and `tls.key`. */
export const TLS_SECRET_TYPE = "kubernetes.io/tls";
export const TLS_SECRET_KEYS = ["tls.crt", "tls.key"] as const;

/**
 * One object's use of a Secret in its namespace, by name: what has to exist before the object
 * can start (a pod whose Secret is missing stays in `CreateContainerConfigError` or
 * `ContainerCreating`; an Ingress without its certificate falls back to the controller's own).
 */
export interface SecretRead {
  /** The Secret's name, in the reader's namespace. */
  readonly secret: string;
  /** The keys read, sorted; undefined when every key is (`envFrom`, a secret volume without `items`). */
  readonly keys?: readonly string[];
  /** Who reads it: `<Kind> <name>` of the workload or Ingress. */
  readonly reader: string;
  /** The Secret type the reader needs. @default - Opaque */
  readonly type?: string;
}

/**
 * Every Secret a pod spec reads, found in the spec itself rather than in a list kept beside it:
 * env `valueFrom.secretKeyRef`, `envFrom.secretRef`, secret and projected volumes, and
 * `imagePullSecrets`, of every container. One entry per Secret, keys merged.
 */
export function secretReadsOfPod(reader: string, spec: PodSpec): SecretRead[] {
  const keysBySecret = new Map<string, Set<string> | "every key">();
  const read = (secret: string | undefined, keys: readonly string[] | "every key") => {
    if (!secret) return;
    const known = keysBySecret.get(secret);
    if (known === "every key") return;
    if (keys === "every key") {
      keysBySecret.set(secret, "every key");
      return;
    }
    const set = known ?? new Set<string>();
    for (const key of keys) set.add(key);
    keysBySecret.set(secret, set);
  };
  const containers: Container[] = [...list(spec.container), ...list<Container>(spec.initContainer as Container[] | undefined)];
  for (const container of containers) {
    for (const env of list(container.env)) {
      const ref = env.valueFrom?.secretKeyRef;
      if (ref) read(ref.name, ref.key ? [ref.key] : "every key");
    }
    for (const from of list(container.envFrom)) read(from.secretRef?.name, "every key");
  }
  for (const volume of list(spec.volume)) {
    if (volume.secret) read(volume.secret.secretName, itemKeys(list(volume.secret.items)));
    for (const projected of list(volume.projected)) {
      for (const source of list(projected.sources)) {
        for (const secret of list(source.secret)) read(secret.name, itemKeys(list(secret.items)));
      }
    }
  }
  for (const pull of list(spec.imagePullSecrets)) read(pull.name, [".dockerconfigjson"]);
  return [...keysBySecret.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([secret, keys]) => ({ secret, reader, ...(keys === "every key" ? {} : { keys: [...keys].sort() }) }));
}

function itemKeys(items: ReadonlyArray<{ readonly key?: string }>): readonly string[] | "every key" {
  return items.length === 0 ? "every key" : items.flatMap((item) => (item.key === undefined ? [] : [item.key]));
}

/** A block list of the pod spec; templates build plain arrays, never Terraform tokens, so a token here is a programming error. */
function list<T>(value: readonly T[] | IResolvable | undefined): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error("secret references cannot be read from a Terraform token: build the pod spec from plain values");
  return value;
}
