import { createHash } from "node:crypto";

/**
 * What a Kubernetes API server (1.31) does to the objects Terraform applies, for building
 * real-shaped snapshots without a cluster. Modelled on `kubectl get -o yaml` of real objects:
 * every object gains uid, resourceVersion, creationTimestamp and managedFields (and generation
 * where it has a spec), the defaults of its kind's defaulting functions (apps/v1, batch/v1,
 * core/v1, networking/v1, rbac/v1, admissionregistration/v1, scheduling/v1), and a status;
 * controllers create ReplicaSets and Pods; the cluster itself holds its system namespaces,
 * roles, bindings, service accounts and DNS. Nothing here is read by the code under test.
 */

type Json = Record<string, any>;

export const CREATED_AT = "2026-11-20T02:14:07Z";

export function uidOf(...parts: string[]): string {
  const h = createHash("sha256").update(parts.join("/")).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function suffix(length: number, ...parts: string[]): string {
  const alphabet = "bcdfghjklmnpqrstvwxz2456789";
  const h = createHash("sha256").update(parts.join("/")).digest();
  return [...h.subarray(0, length)].map((b) => alphabet[b % alphabet.length]).join("");
}

let version = 100_000;

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

const HAS_GENERATION = new Set([
  "Deployment",
  "ReplicaSet",
  "StatefulSet",
  "DaemonSet",
  "CronJob",
  "Job",
  "NetworkPolicy",
  "PodDisruptionBudget",
  "HorizontalPodAutoscaler",
  "Ingress",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "PriorityClass",
]);

/** The bookkeeping every stored object carries. */
function stored(object: Json, cluster: string, manager: { name: string; operation: "Update" | "Apply" }): Json {
  const out = clone(object);
  const meta = out.metadata;
  const key = [cluster, out.kind, meta.namespace ?? "", meta.name];
  meta.uid = uidOf(...key);
  meta.resourceVersion = String(version++);
  meta.creationTimestamp = CREATED_AT;
  if (HAS_GENERATION.has(out.kind)) meta.generation = 1;
  const fields: Json = { "f:metadata": { ...(meta.labels ? { "f:labels": Object.fromEntries(Object.keys(meta.labels).map((k) => [`f:${k}`, {}])) } : {}) } };
  if (out.spec) fields["f:spec"] = {};
  meta.managedFields = [
    { apiVersion: out.apiVersion, fieldsType: "FieldsV1", fieldsV1: fields, manager: manager.name, operation: manager.operation, time: CREATED_AT },
  ];
  return out;
}

function podSpecDefaults(spec: Json, forPod: boolean): void {
  spec.dnsPolicy ??= "ClusterFirst";
  spec.restartPolicy ??= "Always";
  spec.schedulerName ??= "default-scheduler";
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  if (forPod) spec.enableServiceLinks ??= true;
  for (const list of ["initContainers", "containers"]) {
    for (const c of spec[list] ?? []) {
      c.terminationMessagePath ??= "/dev/termination-log";
      c.terminationMessagePolicy ??= "File";
      c.imagePullPolicy ??= /:latest$|^[^:]*$/.test(c.image) ? "Always" : "IfNotPresent";
      c.resources ??= {};
      if (c.resources.limits && !c.resources.requests) c.resources.requests = { ...c.resources.limits };
      for (const p of c.ports ?? []) p.protocol ??= "TCP";
      for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
        const pr = c[probe];
        if (!pr) continue;
        pr.timeoutSeconds ??= 1;
        pr.periodSeconds ??= 10;
        pr.successThreshold ??= 1;
        pr.failureThreshold ??= 3;
        if (pr.httpGet) pr.httpGet.scheme ??= "HTTP";
      }
      for (const e of c.env ?? []) {
        if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= "v1";
      }
    }
  }
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= 420;
    if (v.secret) v.secret.defaultMode ??= 420;
    if (v.projected) v.projected.defaultMode ??= 420;
  }
}

function templateDefaults(template: Json | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  template.metadata.creationTimestamp = null;
  podSpecDefaults(template.spec, false);
}

/** The defaults the API server's defaulting functions add, by kind. */
export function applyDefaults(object: Json): Json {
  const o = clone(object);
  const spec = o.spec;
  switch (o.kind) {
    case "Namespace":
      o.metadata.labels = { ...o.metadata.labels, "kubernetes.io/metadata.name": o.metadata.name };
      o.spec = { finalizers: ["kubernetes"] };
      o.status = { phase: "Active" };
      break;
    case "Deployment":
      spec.replicas ??= 1;
      spec.progressDeadlineSeconds ??= 600;
      spec.revisionHistoryLimit ??= 10;
      spec.strategy ??= {};
      spec.strategy.type ??= "RollingUpdate";
      if (spec.strategy.type === "RollingUpdate") spec.strategy.rollingUpdate = { maxSurge: "25%", maxUnavailable: "25%", ...spec.strategy.rollingUpdate };
      templateDefaults(spec.template);
      o.metadata.annotations = { ...o.metadata.annotations, "deployment.kubernetes.io/revision": "1" };
      o.status = { availableReplicas: spec.replicas, observedGeneration: 1, readyReplicas: spec.replicas, replicas: spec.replicas, updatedReplicas: spec.replicas };
      break;
    case "StatefulSet":
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= "OrderedReady";
      spec.revisionHistoryLimit ??= 10;
      spec.updateStrategy ??= { type: "RollingUpdate" };
      if (spec.updateStrategy.type === "RollingUpdate") spec.updateStrategy.rollingUpdate = { partition: 0, ...spec.updateStrategy.rollingUpdate };
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: "Retain", whenScaled: "Retain" };
      templateDefaults(spec.template);
      for (const claim of spec.volumeClaimTemplates ?? []) {
        claim.apiVersion ??= "v1";
        claim.kind ??= "PersistentVolumeClaim";
        claim.spec.volumeMode ??= "Filesystem";
        claim.status = { phase: "Pending" };
      }
      o.status = { availableReplicas: spec.replicas, collisionCount: 0, currentReplicas: spec.replicas, observedGeneration: 1, readyReplicas: spec.replicas, replicas: spec.replicas, updatedReplicas: spec.replicas };
      break;
    case "CronJob":
      spec.concurrencyPolicy ??= "Allow";
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      spec.jobTemplate.metadata ??= {};
      spec.jobTemplate.metadata.creationTimestamp = null;
      templateDefaults(spec.jobTemplate.spec.template);
      o.status = { lastScheduleTime: "2026-11-27T01:00:00Z", lastSuccessfulTime: "2026-11-27T01:02:41Z" };
      break;
    case "Service":
      spec.type ??= "ClusterIP";
      spec.sessionAffinity ??= "None";
      spec.internalTrafficPolicy ??= "Cluster";
      spec.ipFamilyPolicy ??= "SingleStack";
      spec.ipFamilies ??= ["IPv4"];
      if (spec.clusterIP !== "None") {
        const ip = `10.96.${createHash("sha256").update(`${o.metadata.namespace}/${o.metadata.name}`).digest()[0]}.${createHash("sha256").update(o.metadata.name).digest()[1]}`;
        spec.clusterIP ??= ip;
      }
      spec.clusterIPs ??= [spec.clusterIP];
      for (const p of spec.ports ?? []) {
        p.protocol ??= "TCP";
        p.targetPort ??= p.port;
      }
      o.status = { loadBalancer: {} };
      break;
    case "Ingress":
      o.status = { loadBalancer: { ingress: [{ ip: "10.20.0.10" }] } };
      break;
    case "NetworkPolicy":
      spec.policyTypes ??= ["Ingress", ...(spec.egress ? ["Egress"] : [])];
      for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const p of rule.ports ?? []) p.protocol ??= "TCP";
      break;
    case "RoleBinding":
    case "ClusterRoleBinding":
      for (const s of o.subjects ?? []) if (s.kind !== "ServiceAccount") s.apiGroup ??= "rbac.authorization.k8s.io";
      break;
    case "PersistentVolumeClaim":
      spec.volumeMode ??= "Filesystem";
      spec.storageClassName ??= "csi-ceph-rbd";
      spec.volumeName = `pvc-${o.metadata.uid ?? uidOf(o.metadata.namespace, o.metadata.name)}`;
      o.metadata.annotations = {
        ...o.metadata.annotations,
        "pv.kubernetes.io/bind-completed": "yes",
        "pv.kubernetes.io/bound-by-controller": "yes",
        "volume.beta.kubernetes.io/storage-provisioner": "rbd.csi.ceph.com",
        "volume.kubernetes.io/storage-provisioner": "rbd.csi.ceph.com",
      };
      o.metadata.finalizers = ["kubernetes.io/pvc-protection"];
      o.status = { accessModes: spec.accessModes, capacity: { storage: spec.resources?.requests?.storage }, phase: "Bound" };
      break;
    case "PriorityClass":
      o.preemptionPolicy ??= "PreemptLowerPriority";
      break;
    case "ValidatingAdmissionPolicy":
      spec.failurePolicy ??= "Fail";
      spec.matchConstraints ??= {};
      spec.matchConstraints.matchPolicy ??= "Equivalent";
      spec.matchConstraints.namespaceSelector ??= {};
      spec.matchConstraints.objectSelector ??= {};
      for (const r of spec.matchConstraints.resourceRules ?? []) r.scope ??= "*";
      o.status = { observedGeneration: 1, typeChecking: {} };
      break;
    case "ValidatingAdmissionPolicyBinding":
      spec.matchResources ??= {};
      spec.matchResources.matchPolicy ??= "Equivalent";
      spec.matchResources.namespaceSelector ??= {};
      spec.matchResources.objectSelector ??= {};
      break;
    case "ResourceQuota":
      o.status = { hard: { ...spec.hard }, used: Object.fromEntries(Object.keys(spec.hard ?? {}).map((k) => [k, "0"])) };
      break;
    case "HorizontalPodAutoscaler":
      o.status = { currentMetrics: null, currentReplicas: spec.minReplicas ?? 1, desiredReplicas: spec.minReplicas ?? 1 };
      break;
    case "PodDisruptionBudget":
      o.status = { currentHealthy: 2, desiredHealthy: 1, disruptionsAllowed: 1, expectedPods: 2, observedGeneration: 1 };
      break;
    case "Pod":
      podSpecDefaults(spec, true);
      break;
  }
  return o;
}

const TERRAFORM = { name: "HashiCorp", operation: "Update" as const };
const TERRAFORM_MANIFEST = { name: "Terraform", operation: "Apply" as const };
const CONTROLLER = (name: string) => ({ name, operation: "Update" as const });

/** An object Terraform applied, as the API server stores it. */
export function storedByTerraform(object: Json, cluster: string): Json {
  const manager = object.kind.startsWith("ValidatingAdmissionPolicy") ? TERRAFORM_MANIFEST : TERRAFORM;
  return applyDefaults(stored(object, cluster, manager));
}

function ownerRef(owner: Json): Json {
  return { apiVersion: owner.apiVersion, blockOwnerDeletion: true, controller: true, kind: owner.kind, name: owner.metadata.name, uid: owner.metadata.uid };
}

function runningPod(name: string, owner: Json, template: Json, extraLabels: Record<string, string>, cluster: string, node: string): Json {
  const pod = stored(
    {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name, namespace: owner.metadata.namespace, labels: { ...template.metadata.labels, ...extraLabels }, ownerReferences: [ownerRef(owner)] },
      spec: clone(template.spec),
    },
    cluster,
    { name: "kubelet", operation: "Update" },
  );
  if (template.metadata.annotations) pod.metadata.annotations = clone(template.metadata.annotations);
  const spec = pod.spec;
  podSpecDefaults(spec, true);
  spec.nodeName = node;
  spec.preemptionPolicy = "PreemptLowerPriority";
  spec.priority = spec.priorityClassName ? 1_000_000 : 0;
  spec.tolerations = [
    ...(spec.tolerations ?? []),
    { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
    { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
  ];
  const ip = createHash("sha256").update(`${cluster}/${pod.metadata.namespace}/${name}`).digest();
  pod.status = {
    conditions: [{ lastProbeTime: null, lastTransitionTime: CREATED_AT, status: "True", type: "Ready" }],
    containerStatuses: spec.containers.map((c: Json) => ({ image: c.image, imageID: c.image, name: c.name, ready: true, restartCount: 0, started: true, state: { running: { startedAt: CREATED_AT } } })),
    hostIP: "10.10.1.21",
    phase: "Running",
    podIP: `10.244.${ip[0]}.${ip[1]}`,
    podIPs: [{ ip: `10.244.${ip[0]}.${ip[1]}` }],
    qosClass: "Guaranteed",
    startTime: CREATED_AT,
  };
  return pod;
}

/** What the Deployment, StatefulSet and ReplicaSet controllers create for a stored controller. */
export function controllerChildren(controller: Json, cluster: string): Json[] {
  const node = `${cluster}-node-${suffix(3, controller.metadata.name)}`;
  if (controller.kind === "Deployment") {
    const hash = suffix(10, cluster, controller.metadata.namespace, controller.metadata.name, "template");
    const template = clone(controller.spec.template);
    const rs = stored(
      {
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: {
          name: `${controller.metadata.name}-${hash}`,
          namespace: controller.metadata.namespace,
          labels: { ...template.metadata.labels, "pod-template-hash": hash },
          annotations: { "deployment.kubernetes.io/desired-replicas": String(controller.spec.replicas), "deployment.kubernetes.io/max-replicas": String(controller.spec.replicas + 1), "deployment.kubernetes.io/revision": "1" },
          ownerReferences: [ownerRef(controller)],
        },
        spec: {
          replicas: controller.spec.replicas,
          selector: { matchLabels: { ...controller.spec.selector.matchLabels, "pod-template-hash": hash } },
          template: { ...template, metadata: { ...template.metadata, labels: { ...template.metadata.labels, "pod-template-hash": hash } } },
        },
      },
      cluster,
      CONTROLLER("kube-controller-manager"),
    );
    rs.status = { availableReplicas: controller.spec.replicas, fullyLabeledReplicas: controller.spec.replicas, observedGeneration: 1, readyReplicas: controller.spec.replicas, replicas: controller.spec.replicas };
    const pods = Array.from({ length: controller.spec.replicas }, (_, i) =>
      runningPod(`${rs.metadata.name}-${suffix(5, rs.metadata.name, String(i))}`, rs, template, { "pod-template-hash": hash }, cluster, node),
    );
    return [rs, ...pods];
  }
  if (controller.kind === "StatefulSet") {
    const revision = `${controller.metadata.name}-${suffix(10, cluster, controller.metadata.name, "revision")}`;
    return Array.from({ length: controller.spec.replicas }, (_, i) => {
      const name = `${controller.metadata.name}-${i}`;
      const pod = runningPod(name, controller, controller.spec.template, { "controller-revision-hash": revision, "statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(i) }, cluster, node);
      pod.spec.hostname = name;
      pod.spec.subdomain = controller.spec.serviceName;
      return pod;
    });
  }
  return [];
}

const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];

/** What every cluster holds before Terraform applies anything (kubeadm 1.31 and CoreDNS). */
export function clusterBaseline(cluster: string): Json[] {
  const byServer = (object: Json) => applyDefaults(stored(object, cluster, CONTROLLER("kube-apiserver")));
  const out: Json[] = SYSTEM_NAMESPACES.map((name) => byServer({ apiVersion: "v1", kind: "Namespace", metadata: { name } }));
  const rule = (apiGroups: string[], resources: string[], verbs: string[]) => ({ apiGroups, resources, verbs });
  const bootstrap = { "kubernetes.io/bootstrapping": "rbac-defaults" };
  const autoupdate = { "rbac.authorization.kubernetes.io/autoupdate": "true" };
  out.push(
    byServer({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "cluster-admin", labels: bootstrap, annotations: autoupdate }, rules: [rule(["*"], ["*"], ["*"]), { nonResourceURLs: ["*"], verbs: ["*"] }] }),
    byServer({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "edit", labels: { ...bootstrap, "rbac.authorization.k8s.io/aggregate-to-admin": "true" }, annotations: autoupdate },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" } }] },
      rules: [rule([""], ["pods", "pods/exec", "secrets", "configmaps", "services", "persistentvolumeclaims"], ["create", "delete", "deletecollection", "patch", "update", "get", "list", "watch"]), rule(["apps"], ["deployments", "statefulsets", "replicasets"], ["create", "delete", "patch", "update", "get", "list", "watch"])],
    }),
    byServer({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "system:aggregate-to-edit", labels: { ...bootstrap, "rbac.authorization.k8s.io/aggregate-to-edit": "true" }, annotations: autoupdate },
      rules: [rule([""], ["pods", "pods/exec", "secrets", "configmaps", "services", "persistentvolumeclaims"], ["create", "delete", "deletecollection", "patch", "update", "get", "list", "watch"]), rule(["apps"], ["deployments", "statefulsets", "replicasets"], ["create", "delete", "patch", "update", "get", "list", "watch"])],
    }),
    byServer({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "view", labels: { ...bootstrap, "rbac.authorization.k8s.io/aggregate-to-edit": "true" }, annotations: autoupdate },
      aggregationRule: { clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }] },
      rules: [rule([""], ["pods", "configmaps", "services", "persistentvolumeclaims"], ["get", "list", "watch"])],
    }),
    byServer({
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "system:coredns" },
      rules: [rule([""], ["endpoints", "services", "pods", "namespaces"], ["list", "watch"]), rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])],
    }),
    byServer({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "cluster-admin", labels: bootstrap, annotations: autoupdate }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" }, subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "system:masters" }] }),
    byServer({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "system:coredns" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "system:coredns" }, subjects: [{ kind: "ServiceAccount", name: "coredns", namespace: "kube-system" }] }),
    byServer({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "coredns", namespace: "kube-system" } }),
    byServer({ apiVersion: "v1", kind: "Service", metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } }, spec: { clusterIP: "10.96.0.1", ports: [{ name: "https", port: 443, targetPort: 6443 }] } }),
    byServer({ apiVersion: "v1", kind: "Service", metadata: { name: "kube-dns", namespace: "kube-system", labels: { "k8s-app": "kube-dns" } }, spec: { clusterIP: "10.96.0.10", selector: { "k8s-app": "kube-dns" }, ports: [{ name: "dns", port: 53, protocol: "UDP" }, { name: "dns-tcp", port: 53 }] } }),
  );
  const coredns = byServer({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "coredns", namespace: "kube-system", labels: { "k8s-app": "kube-dns" } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { "k8s-app": "kube-dns" } },
      template: {
        metadata: { labels: { "k8s-app": "kube-dns" } },
        spec: {
          priorityClassName: "system-cluster-critical",
          serviceAccountName: "coredns",
          containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3", args: ["-conf", "/etc/coredns/Corefile"], ports: [{ containerPort: 53, name: "dns", protocol: "UDP" }, { containerPort: 53, name: "dns-tcp" }], securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true } }],
        },
      },
    },
  });
  out.push(coredns, ...controllerChildren(coredns, cluster));
  return out;
}

/** Every namespace gets a `default` ServiceAccount from the service account controller. */
export function defaultServiceAccount(namespace: string, cluster: string): Json {
  return stored({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace } }, cluster, CONTROLLER("kube-controller-manager"));
}

/** ClusterRoles with an aggregationRule get their rules from the controller manager. */
export function aggregateClusterRoles(objects: Json[]): void {
  const roles = objects.filter((o) => o.kind === "ClusterRole");
  for (const role of roles) {
    const selectors: Json[] = role.aggregationRule?.clusterRoleSelectors ?? [];
    if (selectors.length === 0) continue;
    const matched = roles.filter((other) => other !== role && selectors.some((s) => Object.entries(s.matchLabels ?? {}).every(([k, v]) => other.metadata.labels?.[k] === v)));
    role.rules = matched.flatMap((m) => clone(m.rules ?? []));
  }
}
