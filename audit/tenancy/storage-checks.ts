import type { PlatformModel } from "../../config/model/platform-model";
import type { ArtifactResource, ArtifactStack } from "../export";
import { type CheckFinding, decidedCheck, findingAt, liveDepartments, notApplicable, plural, resourceRef } from "../rbac";
import { asMtbCheck, MTB, type TenancyCheck } from "./mtb-catalog";
import { field, type PodTemplate, records } from "./pod-templates";
import type { TenantNamespace } from "./tenant-namespaces";

/** Volume sources that are not storage a tenant could share with, or take from, another. */
const POD_LOCAL_VOLUMES: ReadonlySet<string> = new Set(["emptyDir", "configMap", "secret", "projected", "downwardAPI", "ephemeral"]);
const SERVICE_LABEL = "govcloud/service";

interface Storage {
  readonly claims: readonly ArtifactResource[];
  readonly claimTemplates: ReadonlyArray<{ readonly resource: ArtifactResource; readonly path: string; readonly template: Record<string, unknown> }>;
  readonly volumes: readonly ArtifactResource[];
  readonly classes: readonly ArtifactResource[];
}

function storageOf(stacks: readonly ArtifactStack[], inTenant: (r: ArtifactResource) => boolean): Storage {
  const resources = stacks.flatMap((s) => s.resources);
  return {
    claims: resources.filter((r) => r.object.kind === "PersistentVolumeClaim" && inTenant(r)),
    claimTemplates: resources
      .filter((r) => r.object.kind === "StatefulSet" && inTenant(r))
      .flatMap((resource) => records(field(resource.object, "spec", "volumeClaimTemplates")).map((template, i) => ({ resource, path: `spec.volumeClaimTemplates[${i}]`, template }))),
    volumes: resources.filter((r) => r.object.kind === "PersistentVolume"),
    classes: resources.filter((r) => r.object.kind === "StorageClass"),
  };
}

/**
 * Storage of tenants comes only through claims: pods mount no storage directly (no nfs, iscsi,
 * hostPath, …), every claim a pod mounts is declared in the artifact, and every declared claim
 * belongs to a service the department declared. StatefulSets claim through their templates.
 */
function requirePvcs(pods: readonly PodTemplate[], storage: Storage, model: PlatformModel): TenancyCheck {
  const findings: CheckFinding[] = [];
  const claimKey = (cluster: string, namespace: string, name: string) => `${cluster}\u0000${namespace}\u0000${name}`;
  const declaredClaims = new Set(storage.claims.map((c) => claimKey(c.cluster, c.object.metadata.namespace ?? "default", String(c.object.metadata.name))));
  let mounted = 0;
  for (const pod of pods) {
    records(pod.spec.volumes).forEach((volume, i) => {
      const source = Object.keys(volume).find((key) => key !== "name") ?? "(none)";
      const at = `${pod.path}.volumes[${i}]`;
      if (source === "persistentVolumeClaim") {
        const claim = String(field(volume, "persistentVolumeClaim", "claimName") ?? "");
        if (declaredClaims.has(claimKey(pod.resource.cluster, pod.namespace, claim))) mounted++;
        else findings.push(findingAt(pod.resource, `mounts PersistentVolumeClaim ${claim}, which the artifact does not declare in namespace ${pod.namespace}`, `${at}.persistentVolumeClaim.claimName`));
      } else if (!POD_LOCAL_VOLUMES.has(source)) {
        findings.push(findingAt(pod.resource, `mounts ${source} storage directly as volume ${String(volume.name)}; tenant storage comes only through PersistentVolumeClaims`, `${at}.${source}`));
      }
    });
  }
  const services = new Map<string, ReadonlySet<string>>();
  for (const department of liveDepartments(model)) {
    for (const environment of department.environments) services.set(`${environment.cluster}\u0000${environment.namespace}`, new Set(environment.services.map((s) => s.name)));
  }
  for (const claim of storage.claims) {
    const service = claim.object.metadata.labels?.[SERVICE_LABEL];
    const declared = services.get(`${claim.cluster}\u0000${claim.object.metadata.namespace ?? "default"}`);
    if (!service || !declared?.has(service)) {
      findings.push(findingAt(claim, `belongs to no service declared for namespace ${claim.object.metadata.namespace ?? "default"} (label ${SERVICE_LABEL} is ${service ?? "missing"})`, `metadata.labels["${SERVICE_LABEL}"]`));
    }
  }
  const evidence = [
    { statement: `${plural(storage.claimTemplates.length, "StatefulSet volume claim template")}; ${plural(storage.claims.length, "declared PersistentVolumeClaim")}, each of a declared service, mounted ${plural(mounted, "time")}; no pod mounts storage directly`, objects: storage.claims.map(resourceRef).sort() },
  ];
  return asMtbCheck(MTB.requirePvcs, decidedCheck(MTB.requirePvcs.id, MTB.requirePvcs.title, evidence, findings));
}

/** No claim may pick an existing volume (by name or selector), and the artifact creates no volumes to pick. */
function existingPvs(storage: Storage): TenancyCheck {
  const findings: CheckFinding[] = storage.volumes.map((pv) => findingAt(pv, "is a PersistentVolume created outside dynamic provisioning; a tenant's claim could bind another tenant's data"));
  const claims = [
    ...storage.claims.map((resource) => ({ resource, path: "spec", spec: field(resource.object, "spec") })),
    ...storage.claimTemplates.map(({ resource, path, template }) => ({ resource, path: `${path}.spec`, spec: template.spec })),
  ];
  for (const { resource, path, spec } of claims) {
    if (field(spec, "volumeName") !== undefined) findings.push(findingAt(resource, `binds the existing PersistentVolume ${String(field(spec, "volumeName"))}`, `${path}.volumeName`));
    if (field(spec, "selector") !== undefined) findings.push(findingAt(resource, "selects existing PersistentVolumes by label", `${path}.selector`));
  }
  const evidence = [{ statement: `no PersistentVolume in the artifact; ${plural(claims.length, "claim")} (objects and StatefulSet templates), none with volumeName or selector`, objects: [] }];
  return asMtbCheck(MTB.existingPvs, decidedCheck(MTB.existingPvs.id, MTB.existingPvs.title, evidence, findings));
}

/**
 * Decidable only for volumes and classes the artifact declares. Dynamically provisioned volumes
 * take the reclaim policy of the cluster's StorageClass, which lives outside Terraform here.
 */
function reclaimPolicy(storage: Storage): TenancyCheck {
  if (storage.volumes.length === 0 && storage.classes.length === 0) {
    return asMtbCheck(
      MTB.reclaimPolicy,
      notApplicable(
        MTB.reclaimPolicy.id,
        MTB.reclaimPolicy.title,
        "the artifact declares no PersistentVolume and no StorageClass: volumes are provisioned dynamically and take the reclaim policy of the cluster's StorageClass, which the platform does not manage; verify it on the cluster",
      ),
    );
  }
  const findings: CheckFinding[] = [
    ...storage.volumes.flatMap((pv) => {
      const policy = field(pv.object, "spec", "persistentVolumeReclaimPolicy") ?? "Retain";
      return policy === "Delete" ? [] : [findingAt(pv, `is ${String(policy)}, not Delete: a released volume keeps a tenant's data for the next claim`, "spec.persistentVolumeReclaimPolicy")];
    }),
    ...storage.classes.flatMap((sc) => {
      const policy = field(sc.object, "reclaimPolicy") ?? "Delete";
      return policy === "Delete" ? [] : [findingAt(sc, `is ${String(policy)}, not Delete: a released volume keeps a tenant's data for the next claim`, "reclaimPolicy")];
    }),
  ];
  const evidence = [{ statement: "reclaim policy Delete on every PersistentVolume and StorageClass of the artifact", objects: [...storage.volumes, ...storage.classes].map(resourceRef).sort() }];
  return asMtbCheck(MTB.reclaimPolicy, decidedCheck(MTB.reclaimPolicy.id, MTB.reclaimPolicy.title, evidence, findings));
}

export function storageChecks(stacks: readonly ArtifactStack[], pods: readonly PodTemplate[], namespaces: readonly TenantNamespace[], model: PlatformModel): TenancyCheck[] {
  const tenant = new Set(namespaces.map((n) => `${n.cluster}\u0000${n.name}`));
  const storage = storageOf(stacks, (r) => r.namespaced && tenant.has(`${r.cluster}\u0000${r.object.metadata.namespace ?? "default"}`));
  return [requirePvcs(pods, storage, model), existingPvs(storage), reclaimPolicy(storage)];
}
