import { run } from "@bufbuild/cel";
import { Testing } from "cdktf";
import { AdmissionPolicies } from "../../constructs/platform/admission-policies";
import { resourcesOf, testProvider } from "./test-provider";

/**
 * The admission policies as synthesized, with their CEL evaluated by a real CEL implementation
 * against pods and services a department might apply by hand.
 */
const synthesized = Testing.synthScope((scope) => {
  new AdmissionPolicies(scope, "admission", { registries: ["harbor.example.gov.cn", "registry.example.gov.cn/base"], provider: testProvider(scope) });
});
const manifests = resourcesOf(synthesized, "kubernetes_manifest").map((r) => r.manifest);
const policy = (name: string) => manifests.find((m) => m.kind === "ValidatingAdmissionPolicy" && m.metadata.name === name);
const binding = (name: string) => manifests.find((m) => m.kind === "ValidatingAdmissionPolicyBinding" && m.metadata.name === name);

/** true when every validation of the policy admits `object`, as the API server would decide. */
function admits(name: string, object: unknown): boolean {
  return policy(name).spec.validations.every((v: { expression: string }) => run(v.expression, { object } as Parameters<typeof run>[1]) === true);
}
const pod = (...images: string[]) => ({ spec: { containers: images.map((image, i) => ({ name: `c${i}`, image })) } });
const DIGEST = "@sha256:" + "a".repeat(64);

describe("AdmissionPolicies", () => {
  it("creates its policies, each with a binding that denies and audits in tenant namespaces", () => {
    expect(manifests.filter((m) => m.kind === "ValidatingAdmissionPolicy").map((m) => m.metadata.name).sort()).toEqual([
      "govcloud-allowed-registries",
      "govcloud-always-pull-images",
      "govcloud-no-node-ports",
      "govcloud-no-privilege-escalation",
      "govcloud-pinned-digests",
      "govcloud-pinned-tags",
      "govcloud-run-as-non-root",
    ]);
    expect(binding("govcloud-allowed-registries").spec).toEqual({
      policyName: "govcloud-allowed-registries",
      validationActions: ["Deny", "Audit"],
      matchResources: { namespaceSelector: { matchLabels: { "govcloud/tenant": "true" } } },
    });
    expect(binding("govcloud-pinned-digests").spec.matchResources.namespaceSelector).toEqual({
      matchLabels: { "govcloud/tenant": "true" },
      matchExpressions: [{ key: "govcloud/level", operator: "In", values: ["3", "4"] }],
    });
    expect(policy("govcloud-allowed-registries").spec.failurePolicy).toBe("Fail");
  });

  it("admits images from the allowed registries only, init containers included", () => {
    expect(admits("govcloud-allowed-registries", pod("harbor.example.gov.cn/health/portal:1.0"))).toBe(true);
    expect(admits("govcloud-allowed-registries", pod("registry.example.gov.cn/base/postgres:15.8"))).toBe(true);
    expect(admits("govcloud-allowed-registries", pod("docker.io/library/nginx:1.27"))).toBe(false);
    expect(admits("govcloud-allowed-registries", pod("registry.example.gov.cn/other/x:1"))).toBe(false);
    expect(admits("govcloud-allowed-registries", pod("harbor.example.gov.cn.evil.io/x:1"))).toBe(false);
    const withInit = { spec: { ...pod("harbor.example.gov.cn/a:1").spec, initContainers: [{ name: "i", image: "quay.io/x:1" }] } };
    expect(admits("govcloud-allowed-registries", withInit)).toBe(false);
  });

  it("at levels 1–2 admits a pinned tag, refuses none and latest", () => {
    expect(admits("govcloud-pinned-tags", pod("harbor.example.gov.cn/a/b:1.4.2"))).toBe(true);
    expect(admits("govcloud-pinned-tags", pod(`harbor.example.gov.cn/a/b:1.4.2${DIGEST}`))).toBe(true);
    expect(admits("govcloud-pinned-tags", pod("harbor.example.gov.cn/a/b"))).toBe(false);
    expect(admits("govcloud-pinned-tags", pod("harbor.example.gov.cn:5000/a/b"))).toBe(false);
    expect(admits("govcloud-pinned-tags", pod("harbor.example.gov.cn/a/b:latest"))).toBe(false);
  });

  it("at levels 3–4 admits only digests", () => {
    expect(admits("govcloud-pinned-digests", pod(`harbor.example.gov.cn/a/b:1.4.2${DIGEST}`))).toBe(true);
    expect(admits("govcloud-pinned-digests", pod("harbor.example.gov.cn/a/b:1.4.2"))).toBe(false);
  });

  it("refuses NodePort and LoadBalancer services", () => {
    expect(admits("govcloud-no-node-ports", { spec: { type: "ClusterIP" } })).toBe(true);
    expect(admits("govcloud-no-node-ports", { spec: {} })).toBe(true);
    expect(admits("govcloud-no-node-ports", { spec: { type: "NodePort" } })).toBe(false);
    expect(admits("govcloud-no-node-ports", { spec: { type: "LoadBalancer" } })).toBe(false);
  });

  it("refuses root, privilege escalation and cached images, which PSA baseline lets through", () => {
    const hardened = { runAsNonRoot: true, allowPrivilegeEscalation: false };
    const container = (securityContext: Record<string, unknown>, imagePullPolicy = "Always") => ({
      spec: { containers: [{ name: "c", image: "harbor.example.gov.cn/a:1", imagePullPolicy, securityContext }] },
    });
    expect(admits("govcloud-run-as-non-root", container(hardened))).toBe(true);
    expect(admits("govcloud-run-as-non-root", { spec: { securityContext: { runAsNonRoot: true }, containers: [{ name: "c", image: "x" }] } })).toBe(true);
    expect(admits("govcloud-run-as-non-root", container({}))).toBe(false);
    expect(admits("govcloud-run-as-non-root", container({ runAsNonRoot: true, runAsUser: 0 }))).toBe(false);
    expect(admits("govcloud-no-privilege-escalation", container(hardened))).toBe(true);
    expect(admits("govcloud-no-privilege-escalation", container({ runAsNonRoot: true }))).toBe(false);
    expect(admits("govcloud-always-pull-images", container(hardened))).toBe(true);
    expect(admits("govcloud-always-pull-images", container(hardened, "IfNotPresent"))).toBe(false);
  });
});
