import type { ArtifactStack } from "../export";
import { field, podTemplates, records } from "../tenancy/pod-templates";

/** One object of the artifact (or of a live snapshot) that reads a Secret of its namespace. */
export interface ArtifactSecretRead {
  readonly cluster: string;
  readonly namespace: string;
  readonly secret: string;
  /** Sorted; undefined when every key is read (`envFrom`, a whole secret volume). */
  readonly keys?: readonly string[];
  /** `<Kind> <name>` of the reader. */
  readonly reader: string;
  /** The reader's Terraform address, or where a live snapshot has it. */
  readonly address: string;
}

/** The keys an Ingress's controller reads from the certificate Secret of each TLS entry. */
const INGRESS_TLS_KEYS = ["tls.crt", "tls.key"];

/**
 * Every Secret each pod of the artifact reads, the way the kubelet resolves them before a
 * container starts: env `valueFrom.secretKeyRef` (unless `optional`), `envFrom.secretRef`
 * (unless `optional`), secret and projected volumes (unless `optional`) and `imagePullSecrets`,
 * in every container list; and the certificate Secret of every Ingress TLS entry. One entry per
 * reader and Secret, keys merged.
 */
export function artifactSecretReads(stacks: readonly ArtifactStack[]): ArtifactSecretRead[] {
  const reads: ArtifactSecretRead[] = [];
  for (const pod of podTemplates(stacks)) {
    const { resource, namespace, spec, containers } = pod;
    const keys = new Map<string, Set<string> | "every key">();
    const read = (secret: unknown, key: readonly string[] | "every key", optional: unknown) => {
      if (typeof secret !== "string" || secret === "" || optional === true) return;
      const known = keys.get(secret);
      if (known === "every key") return;
      if (key === "every key") keys.set(secret, "every key");
      else keys.set(secret, new Set([...(known ?? []), ...key]));
    };
    for (const { container } of containers) {
      for (const env of records(container.env)) {
        const ref = field(env, "valueFrom", "secretKeyRef");
        const key = field(ref, "key");
        if (ref !== undefined) read(field(ref, "name"), typeof key === "string" ? [key] : "every key", field(ref, "optional"));
      }
      for (const from of records(container.envFrom)) {
        const ref = field(from, "secretRef");
        if (ref !== undefined) read(field(ref, "name"), "every key", field(ref, "optional"));
      }
    }
    for (const volume of records(spec.volumes)) {
      const secret = field(volume, "secret");
      if (secret !== undefined) read(field(secret, "secretName"), itemKeys(field(secret, "items")), field(secret, "optional"));
      for (const source of records(field(volume, "projected", "sources"))) {
        const projected = field(source, "secret");
        if (projected !== undefined) read(field(projected, "name"), itemKeys(field(projected, "items")), field(projected, "optional"));
      }
    }
    for (const pull of records(spec.imagePullSecrets)) read(field(pull, "name"), [".dockerconfigjson"], false);
    for (const [secret, found] of [...keys.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      reads.push({
        cluster: resource.cluster,
        namespace,
        secret,
        ...(found === "every key" ? {} : { keys: [...found].sort() }),
        reader: `${resource.object.kind} ${resource.object.metadata.name}`,
        address: resource.address,
      });
    }
  }
  for (const resource of stacks.flatMap((s) => s.resources)) {
    if (resource.object.kind !== "Ingress") continue;
    const secrets = new Set(records(field(resource.object, "spec", "tls")).map((tls) => tls.secretName));
    for (const secret of [...secrets].filter((s): s is string => typeof s === "string" && s !== "").sort()) {
      reads.push({
        cluster: resource.cluster,
        namespace: resource.object.metadata.namespace ?? "default",
        secret,
        keys: INGRESS_TLS_KEYS,
        reader: `Ingress ${resource.object.metadata.name}`,
        address: resource.address,
      });
    }
  }
  return reads;
}

function itemKeys(items: unknown): readonly string[] | "every key" {
  const list = records(items);
  return list.length === 0 ? "every key" : list.map((item) => item.key).filter((key): key is string => typeof key === "string");
}
