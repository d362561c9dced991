import { ValidatingAdmissionPolicy } from "kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy";
import { ValidatingAdmissionPolicyBinding } from "kubernetes-models/admissionregistration.k8s.io/v1/ValidatingAdmissionPolicyBinding";
import { DaemonSet } from "kubernetes-models/apps/v1/DaemonSet";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { ReplicaSet } from "kubernetes-models/apps/v1/ReplicaSet";
import { StatefulSet } from "kubernetes-models/apps/v1/StatefulSet";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import { CronJob } from "kubernetes-models/batch/v1/CronJob";
import { Job } from "kubernetes-models/batch/v1/Job";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1/Ingress";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1/PodDisruptionBudget";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { PriorityClass } from "kubernetes-models/scheduling.k8s.io/v1/PriorityClass";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { LimitRange } from "kubernetes-models/v1/LimitRange";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import { Pod } from "kubernetes-models/v1/Pod";
import { ResourceQuota } from "kubernetes-models/v1/ResourceQuota";
import { Service } from "kubernetes-models/v1/Service";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { Certificate } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";
import { ClusterIssuer } from "@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer";
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret";

/** A kubernetes-models class: its `validate` runs the kind's compiled OpenAPI schema on `this`. */
export interface SchemaModel {
  readonly prototype: { validate(): void };
}

/**
 * The OpenAPI schema of each kind the platform applies or a live snapshot holds, from kubernetes-models (generated from
 * the Kubernetes API's OpenAPI document) and, for cert-manager's kinds, @kubernetes-models/cert-manager
 * (generated from cert-manager's CRDs), by `apiVersion` and `kind`.
 */
export const KIND_SCHEMAS: ReadonlyMap<string, SchemaModel> = new Map<string, SchemaModel>(
  [
    Namespace,
    ResourceQuota,
    LimitRange,
    Service,
    ServiceAccount,
    PersistentVolumeClaim,
    ConfigMap,
    Deployment,
    StatefulSet,
    // What a live snapshot holds besides what the platform applies.
    Pod,
    ReplicaSet,
    DaemonSet,
    CronJob,
    Job,
    HorizontalPodAutoscaler,
    PodDisruptionBudget,
    NetworkPolicy,
    Ingress,
    Role,
    RoleBinding,
    ClusterRole,
    ClusterRoleBinding,
    PriorityClass,
    ValidatingAdmissionPolicy,
    ValidatingAdmissionPolicyBinding,
    Certificate,
    ClusterIssuer,
    ExternalSecret,
  ]
    .map((model): [string, SchemaModel] => [kindKey(model.apiVersion, model.kind), model])
    // External Secrets Operator's `v1` kept the `v1beta1` ExternalSecret schema field for field; the typed models stop at `v1beta1`.
    .concat([[kindKey("external-secrets.io/v1", ExternalSecret.kind), underVersion(ExternalSecret)]]),
);

/**
 * The schema of `model` for an object of a later version that kept it: validated as if it said
 * `model`'s apiVersion, every other field read as it is (so unknown fields are still found).
 */
function underVersion(model: SchemaModel & { readonly apiVersion: string }): SchemaModel {
  return {
    prototype: {
      validate(this: Record<string, unknown>) {
        const object = this;
        const asOlder = new Proxy(object, {
          get: (target, key, receiver) => {
            const value = Reflect.get(target, key, receiver);
            return key === "apiVersion" ? model.apiVersion : value;
          },
        });
        model.prototype.validate.call(asOlder);
      },
    },
  };
}

export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

/**
 * Known fields that a generated validator never reads, so the unknown-field check must not flag
 * them: the generator strips `description` from schemas as if it were documentation, which also
 * drops PriorityClass's real `description` property.
 */
export const UNREAD_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([[kindKey(PriorityClass.apiVersion, PriorityClass.kind), new Set(["description"])]]);
