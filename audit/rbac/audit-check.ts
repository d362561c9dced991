import type { ArtifactResource } from "../export";

/**
 * The shape every RBAC and tenancy check reports in: plain, serialisable data that a report can
 * render as it likes (html, markdown, json) without knowing how the check was decided.
 */
export type CheckStatus = "pass" | "fail" | "not-applicable";

/** What proves a statement: the objects of the artifact it was read from, as `stack: address`. */
export interface CheckEvidence {
  readonly statement: string;
  readonly objects: readonly string[];
}

/**
 * One way the artifact breaks a check. `stack` and `address` name the Terraform resource to fix
 * (absent when the problem is a missing object or the declaration itself), `object` the
 * Kubernetes object (`Kind namespace/name`), `field` its path in that object.
 */
export interface CheckFinding {
  readonly message: string;
  readonly stack?: string;
  readonly address?: string;
  readonly object?: string;
  readonly field?: string;
}

export interface AuditCheck {
  readonly id: string;
  readonly title: string;
  readonly status: CheckStatus;
  /** Why a check does not apply; only with status `not-applicable`. */
  readonly reason?: string;
  readonly evidence: readonly CheckEvidence[];
  readonly findings: readonly CheckFinding[];
}

/** `stack: address: object: field: message`, leaving out what a finding does not name. */
export function formatFinding(finding: CheckFinding): string {
  return [finding.stack, finding.address, finding.object, finding.field, finding.message].filter((part) => part !== undefined && part !== "").join(": ");
}

/** A check passes exactly when it found nothing wrong. */
export function decidedCheck(id: string, title: string, evidence: readonly CheckEvidence[], findings: readonly CheckFinding[]): AuditCheck {
  return { id, title, status: findings.length === 0 ? "pass" : "fail", evidence, findings };
}

export function notApplicable(id: string, title: string, reason: string, evidence: readonly CheckEvidence[] = []): AuditCheck {
  return { id, title, status: "not-applicable", reason, evidence, findings: [] };
}

/** How evidence and findings cite a resource of the artifact. */
export function resourceRef(resource: Pick<ArtifactResource, "stack" | "address">): string {
  return `${resource.stack}: ${resource.address}`;
}

/** `Kind namespace/name`, or `Kind name` for cluster-scoped objects. */
export function objectName(resource: Pick<ArtifactResource, "object" | "namespaced">): string {
  const { kind, metadata } = resource.object;
  return resource.namespaced ? `${kind} ${metadata.namespace ?? "default"}/${String(metadata.name)}` : `${kind} ${String(metadata.name)}`;
}

/** Where a finding about an existing object points. */
export function findingAt(resource: ArtifactResource, message: string, field?: string): CheckFinding {
  return { stack: resource.stack, address: resource.address, object: objectName(resource), ...(field !== undefined ? { field } : {}), message };
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${count} ${count === 1 ? word : pluralWord}`;
}
