import type { ProtectionLevel } from "./labels";

/** The Pod Security Admission profiles Kubernetes enforces per namespace. */
export type PodSecurityProfile = "privileged" | "baseline" | "restricted";

/**
 * PSA labels for a protection level: baseline at levels 1–2 (level 2 also warns and audits
 * against restricted, so teams see what level 3 will demand), restricted from level 3.
 */
export function podSecurityLabelsForLevel(level: ProtectionLevel): Record<string, string> {
  if (level >= 3) return podSecurityLabels("restricted", "restricted");
  if (level === 2) return podSecurityLabels("baseline", "restricted");
  return podSecurityLabels("baseline", "baseline");
}

export function podSecurityLabels(enforce: PodSecurityProfile, warnAndAudit: PodSecurityProfile): Record<string, string> {
  return {
    "pod-security.kubernetes.io/enforce": enforce,
    "pod-security.kubernetes.io/enforce-version": "latest",
    "pod-security.kubernetes.io/warn": warnAndAudit,
    "pod-security.kubernetes.io/warn-version": "latest",
    "pod-security.kubernetes.io/audit": warnAndAudit,
    "pod-security.kubernetes.io/audit-version": "latest",
  };
}
