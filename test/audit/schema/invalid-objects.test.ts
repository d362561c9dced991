import { convertStackDocument } from "../../../audit/export";
import type { ArtifactStack, KubernetesObject } from "../../../audit/export";
import { SchemaAuditError, formatSchemaFinding, validateObject, validateStacks } from "../../../audit/schema";

const PROVIDER = "kubernetes.shared-hz";
const ns = { provider: PROVIDER, metadata: { name: "health-prod" } };
const NS_REF = "${kubernetes_namespace_v1.ns.metadata[0].name}";

/** A department stack from hand-written cdk.tf.json resources (and its namespace), converted. */
function stackOf(resource: Record<string, Record<string, unknown>>): ArtifactStack {
  const converted = convertStackDocument("dept-health", { resource: { kubernetes_namespace_v1: { ns }, ...resource } });
  expect(converted.problems).toEqual([]);
  return converted;
}

function deployment(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}) {
  return { kubernetes_deployment_v1: { portal: { provider: PROVIDER, metadata: { name: "portal", namespace: NS_REF, ...metadata }, spec } } };
}

const validSpec = {
  replicas: "2",
  selector: { match_labels: { app: "portal" } },
  template: { metadata: { labels: { app: "portal" } }, spec: { container: [{ name: "portal", image: "registry.gov.example/portal:1.0" }] } },
};

const finding = (field: string, message: string, kind = "Deployment", name = "portal", address = "kubernetes_deployment_v1.portal") => ({
  stack: "dept-health",
  address,
  kind,
  name,
  field,
  message,
});

describe("schema findings on invalid objects", () => {
  it("passes a valid Deployment and its namespace", () => {
    expect(validateStacks([stackOf(deployment(validSpec))])).toEqual([]);
  });

  it("a label value that is too long and one with a character Kubernetes refuses", () => {
    const stack = stackOf(deployment(validSpec, { labels: { "govcloud/department": "x".repeat(64), "govcloud/zone": "level 3" } }));
    expect(validateStacks([stack])).toEqual([
      finding('metadata.labels["govcloud/department"]', "value must be no more than 63 characters, got 64"),
      finding(
        'metadata.labels["govcloud/zone"]',
        "value must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, got 'level 3'",
      ),
    ]);
  });

  it("a label key whose name part is longer than 63 characters", () => {
    const key = `govcloud/${"k".repeat(64)}`;
    expect(validateStacks([stackOf(deployment({ ...validSpec, selector: { match_labels: { [key]: "v" } } }))])).toEqual([
      finding(`spec.selector.matchLabels[${JSON.stringify(key)}]`, `key name part must be no more than 63 characters, got 64 in '${key}'`),
    ]);
  });

  it("a name too long for its kind: a Namespace is a DNS-1123 label of at most 63", () => {
    const long = "a".repeat(64);
    const stack = convertStackDocument("dept-health", { resource: { kubernetes_namespace_v1: { ns: { provider: PROVIDER, metadata: { name: long } } } } });
    expect(validateStacks([stack])).toEqual([
      finding("metadata.name", `must be no more than 63 characters, got 64 ('${long}')`, "Namespace", long, "kubernetes_namespace_v1.ns"),
    ]);
  });

  it("a Service name must start with a letter (DNS-1035)", () => {
    const stack = stackOf({ kubernetes_service_v1: { svc: { provider: PROVIDER, metadata: { name: "1portal", namespace: NS_REF }, spec: { port: [{ port: 80 }] } } } });
    expect(validateStacks([stack])).toEqual([
      finding(
        "metadata.name",
        "must be a DNS-1035 label (lower-case letters, digits and '-', starting with a letter and ending with a letter or digit), got '1portal'",
        "Service",
        "1portal",
        "kubernetes_service_v1.svc",
      ),
    ]);
  });

  it("a wrong type in a Deployment field names the field and the value", () => {
    expect(validateStacks([stackOf(deployment({ ...validSpec, replicas: "two" }))])).toEqual([finding("spec.replicas", 'must be integer, got "two"')]);
  });

  it("a missing required field", () => {
    const { selector: _selector, ...withoutSelector } = validSpec;
    expect(validateStacks([stackOf(deployment(withoutSelector))])).toEqual([finding("spec.selector", "is required")]);
  });

  it("an unknown field, as a mistranslated name would leave it", () => {
    const object = {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "portal" },
      spec: {
        selector: { matchLabels: { app: "portal" } },
        template: { spec: { containers: [{ name: "portal", image: "i", volumeMount: [{ name: "tmp", mountPath: "/tmp" }] }] } },
      },
    } as KubernetesObject;
    expect(validateObject(object)).toEqual([{ field: "spec.template.spec.containers[0].volumeMount", message: "is not a field of this kind (unknown field)" }]);
  });

  it("a ValidatingAdmissionPolicy (admissionregistration.k8s.io/v1) without the expression of a validation", () => {
    const stack = stackOf({
      kubernetes_manifest: {
        vap: {
          provider: PROVIDER,
          manifest: { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicy", metadata: { name: "govcloud-pinned" }, spec: { validations: [{ message: "pin it" }] } },
        },
      },
    });
    expect(validateStacks([stack])).toEqual([
      finding("spec.validations[0].expression", "is required", "ValidatingAdmissionPolicy", "govcloud-pinned", "kubernetes_manifest.vap"),
    ]);
  });

  it("fails the audit with a message naming the stack, the address and the field", () => {
    const findings = validateStacks([stackOf(deployment({ ...validSpec, replicas: "two" }))]);
    expect(formatSchemaFinding(findings[0])).toBe('dept-health: kubernetes_deployment_v1.portal: Deployment portal: spec.replicas: must be integer, got "two"');
    expect(new SchemaAuditError(findings).message).toBe(
      '1 object field would be refused by Kubernetes:\n  dept-health: kubernetes_deployment_v1.portal: Deployment portal: spec.replicas: must be integer, got "two"',
    );
  });
});
