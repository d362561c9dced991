import type { ArtifactResource } from "../export";
import { field } from "../tenancy/pod-templates";

/** What in the artifact needs a Kubernetes release, and from which one. */
export interface VersionNeed {
  readonly minimum: string;
  readonly reason: string;
}

/**
 * The features of the objects the stacks apply that older API servers refuse or ignore, each
 * with the release that serves it by default: the floor of a cluster is the highest of those its
 * objects use.
 */
const FEATURES: ReadonlyArray<{ readonly minimum: string; readonly reason: string; readonly uses: (r: ArtifactResource) => boolean }> = [
  {
    minimum: "1.30",
    reason: "ValidatingAdmissionPolicy and its bindings (admissionregistration.k8s.io/v1, GA in 1.30)",
    uses: (r) => r.object.apiVersion === "admissionregistration.k8s.io/v1" && r.object.kind.startsWith("ValidatingAdmissionPolicy"),
  },
  {
    minimum: "1.27",
    reason: "StatefulSet persistentVolumeClaimRetentionPolicy (on by default from 1.27; older servers drop it and delete nothing, but keep no promise)",
    uses: (r) => r.object.kind === "StatefulSet" && field(r.object, "spec", "persistentVolumeClaimRetentionPolicy") !== undefined,
  },
  {
    minimum: "1.23",
    reason: "HorizontalPodAutoscaler autoscaling/v2 (GA in 1.23)",
    uses: (r) => r.object.apiVersion === "autoscaling/v2",
  },
  {
    minimum: "1.21",
    reason: "CronJob batch/v1 and PodDisruptionBudget policy/v1 (GA in 1.21)",
    uses: (r) => (r.object.apiVersion === "batch/v1" && r.object.kind === "CronJob") || r.object.apiVersion === "policy/v1",
  },
];

/** The lowest Kubernetes release that serves everything `resources` apply, with every reason at that floor. */
export function kubernetesVersionFloor(resources: readonly ArtifactResource[]): { minimum?: string; reasons: string[] } {
  const needs = FEATURES.filter((f) => resources.some(f.uses));
  if (needs.length === 0) return { reasons: [] };
  const minimum = needs.map((n) => n.minimum).sort(compareReleases).at(-1)!;
  return { minimum, reasons: needs.filter((n) => n.minimum === minimum).map((n) => n.reason) };
}

/** Orders `1.30` and `1.33.4` by minor release. */
export function compareReleases(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}
