import type { ExampleSnapshot } from "./example-snapshot";
import { CREATED_AT, uidOf } from "./simulated-api-server";

type Json = Record<string, any>;

/** An object someone created on the cluster by hand (kubectl apply/create/run), as the server stores it. */
function byHand(object: Json, cluster: string): Json {
  return {
    ...object,
    metadata: {
      ...object.metadata,
      uid: uidOf(cluster, "by-hand", object.kind, object.metadata.namespace ?? "", object.metadata.name),
      resourceVersion: "912345",
      creationTimestamp: "2026-11-26T23:41:02Z",
      managedFields: [{ apiVersion: object.apiVersion, fieldsType: "FieldsV1", fieldsV1: { "f:spec": {} }, manager: "kubectl-create", operation: "Update", time: "2026-11-26T23:41:02Z" }],
    },
  };
}

/**
 * The mutations of issue 16, each in a namespace of its own so none hides another:
 * what an incident, a hurried grant or a forgotten clean-up leaves on a cluster.
 */
export const MUTATIONS: Readonly<Record<string, (snapshot: ExampleSnapshot) => void>> = {
  "a hand-made allow-all policy": (s) => {
    s.objects("shared-hz").push(
      byHand({ apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "allow-all", namespace: "health-prod" }, spec: { podSelector: {}, ingress: [{}], egress: [{}], policyTypes: ["Ingress", "Egress"] } }, "shared-hz"),
    );
  },
  "a deleted default deny": (s) => s.remove("shared-hz", "NetworkPolicy", "finance-prod", "default-deny"),
  "a RoleBinding for an unknown group to edit": (s) => {
    s.objects("shared-hz").push(
      byHand(
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "RoleBinding",
          metadata: { name: "hotfix-access", namespace: "education-prod" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
          subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "vendor-oncall" }],
        },
        "shared-hz",
      ),
    );
  },
  "a privileged pod in a level-3 namespace": (s) => {
    s.objects("shared-hz").push(
      byHand(
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "debug", namespace: "hrss-prod", labels: { run: "debug" } },
          spec: {
            containers: [{ name: "debug", image: "harbor.jiangnan.gov.cn/tools/netshoot:0.13", securityContext: { privileged: true }, terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File", imagePullPolicy: "IfNotPresent", resources: {} }],
            dnsPolicy: "ClusterFirst",
            enableServiceLinks: true,
            restartPolicy: "Always",
            schedulerName: "default-scheduler",
            securityContext: {},
            serviceAccount: "default",
            serviceAccountName: "default",
            terminationGracePeriodSeconds: 30,
          },
          status: { phase: "Running", startTime: CREATED_AT },
        },
        "shared-hz",
      ),
    );
  },
  "a Secret-reading binding for the auditor": (s) => {
    s.objects("shared-hz").push(
      byHand({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "incident-secret-reader" }, rules: [{ apiGroups: [""], resources: ["secrets"], verbs: ["get", "list"] }] }, "shared-hz"),
      byHand(
        {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "ClusterRoleBinding",
          metadata: { name: "incident-auditors-read-secrets" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "incident-secret-reader" },
          subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "govcloud-audit-admins" }],
        },
        "shared-hz",
      ),
    );
  },
  "a privileged pod passed off as a Deployment's (an owner reference anyone may write)": (s) => {
    const pod = s.objects("shared-hz").find((o) => o.kind === "Pod" && o.metadata.namespace === "public-security-prod" && o.metadata.labels?.["pod-template-hash"]);
    if (!pod) throw new Error("no Deployment pod in public-security-prod");
    const twin = JSON.parse(JSON.stringify(pod));
    twin.metadata.name = `${pod.metadata.name.slice(0, -5)}zzzzz`;
    twin.spec.containers[0].securityContext = { ...twin.spec.containers[0].securityContext, privileged: true };
    s.objects("shared-hz").push(byHand(twin, "shared-hz"));
  },
  "a label change that moves a pod out of its policies": (s) => {
    const pod = s.objects("shared-hz").find((o) => o.kind === "Pod" && o.metadata.namespace === "civil-affairs-prod" && o.metadata.labels?.["govcloud/service"] === "portal");
    if (!pod) throw new Error("no portal pod in civil-affairs-prod");
    pod.metadata.labels["app.kubernetes.io/name"] = "portal-debug";
  },
  "an expired agreement's policy still present": (s) => {
    const current = s.find("shared-hz", "NetworkPolicy", "big-data-prod", "share-housing-prod-permit-api-to-exchange-ingress");
    const old = JSON.parse(JSON.stringify(current));
    old.metadata.name = "share-housing-prod-permit-api-to-exchange-2025-ingress";
    old.metadata.annotations = { ...old.metadata.annotations, "govcloud/approval": "JNDSJ-2025-004", "govcloud/expires": "2025-12-31" };
    s.objects("shared-hz").push(byHand(old, "shared-hz"));
  },
};
