/**
 * The platform's own labels. Auditors, network policies and admission policies select on
 * these, so their keys are defined once. Label values must be label-safe; free text such as
 * Chinese display names goes into annotations instead.
 */
export const LABEL = {
  managedBy: "app.kubernetes.io/managed-by",
  partOf: "app.kubernetes.io/part-of",
  name: "app.kubernetes.io/name",
  instance: "app.kubernetes.io/instance",
  component: "app.kubernetes.io/component",
  department: "govcloud/department",
  environment: "govcloud/environment",
  level: "govcloud/level",
  zone: "govcloud/zone",
  dataClass: "govcloud/data-class",
  /** The pod label templates set; flows select a service's pods by it. */
  service: "govcloud/service",
  /** On every tenant namespace, so platform zones can address all tenants at once. */
  tenant: "govcloud/tenant",
} as const;

export const ANNOTATION = {
  displayName: "govcloud/display-name",
  description: "govcloud/description",
} as const;

/** Labels every object govcloud creates carries. */
export const MANAGED_LABELS: Readonly<Record<string, string>> = {
  [LABEL.managedBy]: "govcloud",
  [LABEL.partOf]: "govcloud",
};

export type ProtectionLevel = 1 | 2 | 3 | 4;

/** Zones: the gateway (DMZ), the management zone and one zone per protection level. */
export type ZoneName = "gateway" | "mgmt" | `level-${ProtectionLevel}`;

export function zoneOfLevel(level: ProtectionLevel): ZoneName {
  return `level-${level}`;
}

/** The label Kubernetes puts on every namespace; the only one a policy can trust for its name. */
export const NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";
