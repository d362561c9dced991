import type { ArtifactStack } from "../export";
import { artifactSecretReads, type ArtifactSecretRead } from "./secret-reads";
import { providedSecretKey, providedSecrets, type SecretProvider } from "./secret-sources";

/** One Secret that objects of the artifact read, with its readers and what provides it. */
export interface SecretEntry {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  /** Every key read, sorted; undefined when a reader takes every key. */
  readonly keys?: readonly string[];
  /** `<Kind> <name>` of each reader, sorted. */
  readonly readers: readonly string[];
  /** Undefined when nothing provides it: then the audit fails. */
  readonly provider?: SecretProvider;
}

export interface SecretReport {
  /** Sorted by cluster, namespace and name. */
  readonly secrets: readonly SecretEntry[];
  /** Every read that nothing provides, one line each. */
  readonly findings: readonly string[];
  readonly passed: boolean;
}

const PROVIDERS: Readonly<Record<SecretProvider["kind"], string>> = {
  "external-secret": "its ExternalSecret does not fetch",
  "cert-manager": "cert-manager does not write",
  prerequisite: "its prerequisite entry does not list",
};

/**
 * Every Secret a pod or an Ingress of `stacks` reads must be declared as an ExternalSecret in
 * its namespace, made by cert-manager there, or listed as a prerequisite by a stack of
 * `prerequisiteStacks` (the artifact's, for a live snapshot too), with every key read; otherwise
 * the first apply leaves the pod waiting for it.
 */
export function verifySecretReads(
  stacks: readonly ArtifactStack[],
  prerequisiteStacks: readonly ArtifactStack[] = stacks,
  /** Which reads are checked. @default - every read */
  checked: (read: ArtifactSecretRead) => boolean = () => true,
): SecretReport {
  const provided = providedSecrets(stacks, prerequisiteStacks);
  const findings: string[] = [];
  const entries = new Map<string, { cluster: string; namespace: string; name: string; keys: Set<string> | undefined; readers: Set<string> }>();
  for (const read of artifactSecretReads(stacks).filter(checked)) {
    const where = `namespace ${read.namespace} on ${read.cluster}: ${read.reader} reads Secret ${read.secret}`;
    const source = provided.get(providedSecretKey({ ...read, name: read.secret }));
    if (!source) {
      findings.push(`${where}, which is neither declared as an ExternalSecret, created in the artifact, nor listed as a prerequisite`);
    } else if (source.keys !== undefined) {
      // A reader of every key (envFrom, a whole volume) needs only the Secret; a named key must be in it.
      const missing = (read.keys ?? []).filter((k) => !source.keys!.includes(k));
      if (missing.length > 0) findings.push(`${where} with ${missing.length === 1 ? "key" : "keys"} ${missing.join(", ")}, which ${PROVIDERS[source.provider.kind]}`);
    }
    const id = providedSecretKey({ ...read, name: read.secret });
    const entry = entries.get(id) ?? { cluster: read.cluster, namespace: read.namespace, name: read.secret, keys: new Set<string>(), readers: new Set<string>() };
    entry.keys = read.keys === undefined || entry.keys === undefined ? undefined : new Set([...entry.keys, ...read.keys]);
    entry.readers.add(read.reader);
    entries.set(id, entry);
  }
  const secrets = [...entries.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, e]) => ({
      cluster: e.cluster,
      namespace: e.namespace,
      name: e.name,
      ...(e.keys ? { keys: [...e.keys].sort() } : {}),
      readers: [...e.readers].sort(),
      ...(provided.has(id) ? { provider: provided.get(id)!.provider } : {}),
    }));
  return { secrets, findings: [...new Set(findings)].sort(), passed: findings.length === 0 };
}
