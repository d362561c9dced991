import { REQUIRED_SECRETS_OUTPUT } from "../../config/model/stack-names";
import type { ArtifactStack } from "../export";
import { isRecord } from "../export/kubernetes-object";
import { field, records } from "../tenancy/pod-templates";

/** What puts a Secret in its namespace. */
export type SecretProvider =
  | { readonly kind: "external-secret"; readonly store: string; readonly remoteKeys: readonly string[] }
  | { readonly kind: "cert-manager"; readonly certificate: string }
  | { readonly kind: "prerequisite" };

/** A Secret that something in the artifact provides, or that a stack lists as a prerequisite. */
export interface ProvidedSecret {
  readonly cluster: string;
  readonly namespace: string;
  readonly name: string;
  /** Sorted; undefined when it holds whatever keys the source has (`dataFrom`, a prerequisite of every key). */
  readonly keys?: readonly string[];
  readonly provider: SecretProvider;
}


/** The keys cert-manager writes into a Certificate's Secret. */
const CERTIFICATE_KEYS = ["ca.crt", "tls.crt", "tls.key"];

const key = (s: { cluster: string; namespace: string; name: string }) => `${s.cluster}\u0000${s.namespace}\u0000${s.name}`;

/**
 * Every Secret the artifact itself has made: the target of each External Secrets Operator
 * ExternalSecret (its `data` keys and template keys; every key with `dataFrom`) and the
 * Secret of each cert-manager Certificate. Prerequisites come from `prerequisiteStacks`' outputs.
 */
export function providedSecrets(stacks: readonly ArtifactStack[], prerequisiteStacks: readonly ArtifactStack[] = stacks): Map<string, ProvidedSecret> {
  const provided = new Map<string, ProvidedSecret>();
  const add = (secret: ProvidedSecret) => {
    if (!provided.has(key(secret))) provided.set(key(secret), secret);
  };
  for (const resource of stacks.flatMap((s) => s.resources)) {
    const { object } = resource;
    const namespace = object.metadata.namespace ?? "default";
    if (object.kind === "ExternalSecret" && object.apiVersion.startsWith("external-secrets.io/")) {
      const name = field(object, "spec", "target", "name") ?? object.metadata.name;
      if (typeof name !== "string") continue;
      const data = records(field(object, "spec", "data"));
      const template = field(object, "spec", "target", "template", "data");
      const keys = [...data.map((d) => d.secretKey), ...(isRecord(template) ? Object.keys(template) : [])].filter((k): k is string => typeof k === "string");
      const everyKey = records(field(object, "spec", "dataFrom")).length > 0;
      const store = field(object, "spec", "secretStoreRef", "name");
      const remoteKeys = [...data.map((d) => field(d, "remoteRef", "key")), ...records(field(object, "spec", "dataFrom")).map((d) => field(d, "extract", "key"))];
      add({
        cluster: resource.cluster,
        namespace,
        name,
        ...(everyKey ? {} : { keys: [...new Set(keys)].sort() }),
        provider: {
          kind: "external-secret",
          store: typeof store === "string" ? store : "",
          remoteKeys: [...new Set(remoteKeys.filter((k): k is string => typeof k === "string"))].sort(),
        },
      });
    }
    if (object.kind === "Certificate" && object.apiVersion.startsWith("cert-manager.io/")) {
      const name = field(object, "spec", "secretName");
      if (typeof name === "string") add({ cluster: resource.cluster, namespace, name, keys: CERTIFICATE_KEYS, provider: { kind: "cert-manager", certificate: object.metadata.name ?? "" } });
    }
  }
  for (const stack of prerequisiteStacks) {
    for (const entry of records(stack.outputs?.[REQUIRED_SECRETS_OUTPUT])) {
      const { cluster, namespace, name, keys } = entry;
      if (typeof cluster !== "string" || typeof namespace !== "string" || typeof name !== "string") continue;
      add({
        cluster,
        namespace,
        name,
        ...(Array.isArray(keys) ? { keys: keys.filter((k): k is string => typeof k === "string").sort() } : {}),
        provider: { kind: "prerequisite" },
      });
    }
  }
  return provided;
}

export function providedSecretKey(s: { cluster: string; namespace: string; name: string }): string {
  return key(s);
}
