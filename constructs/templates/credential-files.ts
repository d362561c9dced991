import type { ContainerOptions, Volume } from "./hardened-pod";

/**
 * Credentials reach containers as files, never as environment variables: a process's environment
 * is copied into every child it starts, shown in `/proc/<pid>/environ`, in crash dumps and in
 * `kubectl describe`, and flagged by Checkov (CKV_K8S_35).
 */

/** Where a pod mounts its store's credentials Secret, one file per key. */
export const CREDENTIALS_PATH = "/var/run/secrets/govcloud/credentials";
/**
 * Secret files belong to root; the pod's fsGroup makes them the process's group, which reads them
 * (0440). The kubelet adds group read to fsGroup volumes anyway, so 0400 would not stick.
 */
export const CREDENTIAL_FILE_MODE = "0440";

export type Mount = NonNullable<ContainerOptions["mounts"]>[number];

/** A Secret mounted read-only, only the keys named, each as the file of its name. */
export interface SecretFiles {
  readonly volume: Volume;
  readonly mount: Mount;
  /** The path of one key's file. */
  file(key: string): string;
}

export function secretFiles(volumeName: string, secretName: string, keys: readonly string[], mountPath: string): SecretFiles {
  return {
    volume: { name: volumeName, secret: { secretName, defaultMode: CREDENTIAL_FILE_MODE, items: keys.map((key) => ({ key, path: key })) } },
    mount: { name: volumeName, mountPath, readOnly: true },
    file: (key) => `${mountPath}/${key}`,
  };
}

/** Size cap of a memory-backed scratch volume for files derived from credentials at start. */
export const CREDENTIAL_SCRATCH_SIZE = "1Mi";

/**
 * A memory-backed scratch volume (tmpfs, never on the node's disk) for files a container derives
 * from its credentials when it starts: a libpq password file, a server's config include.
 */
export function credentialScratch(volumeName: string, mountPath: string, readOnly = false): { volume: Volume; mount: Mount } {
  return {
    volume: { name: volumeName, emptyDir: { medium: "Memory", sizeLimit: CREDENTIAL_SCRATCH_SIZE } },
    mount: { name: volumeName, mountPath, ...(readOnly ? { readOnly: true } : {}) },
  };
}

/**
 * A shell fragment reading one credential file with `\` and each of `specials` escaped by a
 * backslash, for the quoted or separated formats credentials are written into. `$$(` is
 * Kubernetes' escape for a literal `$(` in a command: the shell, not the kubelet, runs it.
 */
export function escapedFileValue(path: string, specials: string): string {
  return `$$(sed -e 's/[\\\\${specials}]/\\\\&/g' ${path})`;
}
