import { stringify } from "yaml";
import type { BootstrapFile, HostPathMount, NamedArgument } from "./cluster-api-types";

/**
 * The API server settings MLPS asks of the platform itself, as kubeadm control plane pieces:
 * an audit policy and an audit log kept as long as the platform keeps logs, Secrets encrypted at
 * rest, anonymous requests refused outside the health endpoints, and the admission plugins the
 * platform's guarantees rest on. Each configuration file is a typed object written as YAML.
 */
export interface ControlPlaneHardeningProps {
  /** Days rotated audit log files are kept (`--audit-log-maxage`): the platform's log retention. */
  readonly auditLogMaxAgeDays: number;
  /**
   * Where the key that encrypts Secrets comes from: an EncryptionConfiguration held in a Secret
   * of the management cluster (the key never enters the declaration, the artifact or the state),
   * or a KMS v2 plugin listening on the control plane machines.
   */
  readonly secretsEncryption:
    | { readonly provider: "aescbc"; readonly secret: string }
    | { readonly provider: "kms"; readonly name: string; readonly endpoint: string };
}

export interface ControlPlaneHardening {
  readonly extraArgs: readonly NamedArgument[];
  readonly extraVolumes: readonly HostPathMount[];
  readonly files: readonly BootstrapFile[];
}

/** Folder of govcloud's API server configuration files on every control plane machine. */
export const CONFIG_DIR = "/etc/kubernetes/govcloud";
export const AUDIT_LOG_DIR = "/var/log/kubernetes/audit";
export const AUDIT_POLICY_FILE = `${CONFIG_DIR}/audit-policy.yaml`;
export const AUTHENTICATION_CONFIG_FILE = `${CONFIG_DIR}/authentication-config.yaml`;
export const ENCRYPTION_CONFIG_FILE = `${CONFIG_DIR}/encryption-config.yaml`;
/** The key of the encryption Secret that holds the EncryptionConfiguration. */
export const ENCRYPTION_SECRET_KEY = "encryption-config.yaml";

/**
 * Admission plugins the platform relies on, enabled explicitly so a kubeadm or distribution
 * default cannot drop them: quotas and limit ranges (tenant isolation), Pod Security (the level's
 * profile), ValidatingAdmissionPolicy (registries, pinned images, services), NodeRestriction
 * (a kubelet cannot relabel or retaint other nodes).
 */
export const REQUIRED_ADMISSION_PLUGINS = ["LimitRanger", "NodeRestriction", "PodSecurity", "ResourceQuota", "ValidatingAdmissionPolicy"] as const;

/** Health endpoints the kubelet's probes of the API server call without credentials. */
export const ANONYMOUS_HEALTH_PATHS = ["/healthz", "/livez", "/readyz"] as const;

const WRITE_VERBS = ["create", "update", "patch", "delete", "deletecollection"];

interface AuditPolicyRule {
  readonly level: "None" | "Metadata" | "Request" | "RequestResponse";
  readonly verbs?: readonly string[];
  readonly resources?: ReadonlyArray<{ readonly group: string; readonly resources?: readonly string[] }>;
  readonly nonResourceURLs?: readonly string[];
}

/** audit.k8s.io/v1 Policy: every request is recorded, changes with their content, secrets never. */
export function auditPolicy(): { apiVersion: "audit.k8s.io/v1"; kind: "Policy"; omitStages: string[]; rules: AuditPolicyRule[] } {
  return {
    apiVersion: "audit.k8s.io/v1",
    kind: "Policy",
    // The request is recorded again when its response starts; the first stage adds only volume.
    omitStages: ["RequestReceived"],
    rules: [
      // Probes every few seconds, no identity, nothing to account for.
      { level: "None", nonResourceURLs: ANONYMOUS_HEALTH_PATHS.map((path) => `${path}*`) },
      // Who touched secrets and tokens, never their values (a log must not become a key store).
      {
        level: "Metadata",
        resources: [
          { group: "", resources: ["secrets", "configmaps", "serviceaccounts/token"] },
          { group: "authentication.k8s.io", resources: ["tokenreviews"] },
        ],
      },
      // Changes to who may do what and what may talk to what, with the full before/after.
      {
        level: "RequestResponse",
        verbs: WRITE_VERBS,
        resources: [
          { group: "rbac.authorization.k8s.io" },
          { group: "admissionregistration.k8s.io" },
          { group: "networking.k8s.io", resources: ["networkpolicies"] },
          { group: "", resources: ["namespaces", "resourcequotas", "limitranges"] },
        ],
      },
      { level: "Request", verbs: WRITE_VERBS },
      { level: "Metadata" },
    ],
  };
}

/** apiserver.config.k8s.io/v1beta1 AuthenticationConfiguration: anonymous requests reach the health endpoints only. */
export function authenticationConfiguration() {
  return {
    apiVersion: "apiserver.config.k8s.io/v1beta1",
    kind: "AuthenticationConfiguration",
    anonymous: { enabled: true, conditions: ANONYMOUS_HEALTH_PATHS.map((path) => ({ path })) },
  };
}

/** apiserver.config.k8s.io/v1 EncryptionConfiguration for a KMS v2 plugin (no key material: it stays in the KMS). */
export function kmsEncryptionConfiguration(name: string, endpoint: string) {
  return {
    apiVersion: "apiserver.config.k8s.io/v1",
    kind: "EncryptionConfiguration",
    resources: [
      {
        resources: ["secrets"],
        // identity last: Secrets written before encryption was turned on stay readable until rewritten.
        providers: [{ kms: { apiVersion: "v2", name, endpoint, timeout: "3s" } }, { identity: {} }],
      },
    ],
  };
}

const yamlFile = (path: string, document: unknown): BootstrapFile => ({
  path,
  owner: "root:root",
  permissions: "0600",
  content: stringify(document, { lineWidth: 0, aliasDuplicateObjects: false }),
});

export function controlPlaneHardening(props: ControlPlaneHardeningProps): ControlPlaneHardening {
  if (!Number.isInteger(props.auditLogMaxAgeDays) || props.auditLogMaxAgeDays < 1) {
    throw new Error(`'auditLogMaxAgeDays' should be a whole number of days of at least 1, got '${props.auditLogMaxAgeDays}'`);
  }
  const encryption = props.secretsEncryption;
  const encryptionFile: BootstrapFile =
    encryption.provider === "aescbc"
      ? { path: ENCRYPTION_CONFIG_FILE, owner: "root:root", permissions: "0600", contentFrom: { secret: { name: encryption.secret, key: ENCRYPTION_SECRET_KEY } } }
      : yamlFile(ENCRYPTION_CONFIG_FILE, kmsEncryptionConfiguration(encryption.name, encryption.endpoint));
  const kmsSocketDir = encryption.provider === "kms" ? encryption.endpoint.replace(/^unix:\/\//, "").replace(/\/[^/]*$/, "") : undefined;
  return {
    extraArgs: [
      { name: "audit-log-maxage", value: String(props.auditLogMaxAgeDays) },
      // Rotated at 100 MiB; files are removed only when older than the retention, never by count.
      { name: "audit-log-maxbackup", value: "0" },
      { name: "audit-log-maxsize", value: "100" },
      { name: "audit-log-path", value: `${AUDIT_LOG_DIR}/audit.log` },
      { name: "audit-policy-file", value: AUDIT_POLICY_FILE },
      // Replaces --anonymous-auth, which cannot be combined with an authentication configuration.
      { name: "authentication-config", value: AUTHENTICATION_CONFIG_FILE },
      { name: "enable-admission-plugins", value: REQUIRED_ADMISSION_PLUGINS.join(",") },
      { name: "encryption-provider-config", value: ENCRYPTION_CONFIG_FILE },
    ],
    extraVolumes: [
      { name: "govcloud-config", hostPath: CONFIG_DIR, mountPath: CONFIG_DIR, readOnly: true, pathType: "Directory" },
      { name: "audit-log", hostPath: AUDIT_LOG_DIR, mountPath: AUDIT_LOG_DIR, readOnly: false, pathType: "DirectoryOrCreate" },
      ...(kmsSocketDir ? [{ name: "kms-socket", hostPath: kmsSocketDir, mountPath: kmsSocketDir, readOnly: false, pathType: "DirectoryOrCreate" as const }] : []),
    ],
    files: [yamlFile(AUDIT_POLICY_FILE, auditPolicy()), yamlFile(AUTHENTICATION_CONFIG_FILE, authenticationConfiguration()), encryptionFile],
  };
}
