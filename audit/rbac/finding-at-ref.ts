import type { ArtifactResource } from "../export";
import { type CheckFinding, objectName } from "./audit-check";

/**
 * A finding about a resource known by its `stack: address` reference (permission rows carry
 * references, not resources). Terraform addresses never contain ": ", so the split is exact.
 */
export function findingAtRef(ref: string, message: string, resource?: ArtifactResource, field?: string): CheckFinding {
  const at = ref.indexOf(": ");
  const located = at < 0 ? {} : { stack: ref.slice(0, at), address: ref.slice(at + 2) };
  return { ...located, ...(resource ? { object: objectName(resource) } : {}), ...(field !== undefined ? { field } : {}), message };
}
