import { readArtifact } from "../../../audit/export";
import { assertValidSchemas, auditSchemas, validateStacks } from "../../../audit/schema";
import { synthesizeExample } from "../../stacks/example-artifact";

let outdir: string;
beforeAll(() => {
  outdir = synthesizeExample().outdir;
});

describe("schema audit of the bundled example", () => {
  it("finds nothing: every object of every stack passes its OpenAPI schema, field names, names and labels", () => {
    const audit = assertValidSchemas(outdir);
    expect(audit.findings).toEqual([]);
    expect(audit.objects).toBe(readArtifact(outdir).reduce((n, stack) => n + stack.resources.length, 0));
  });

  it("fails when one object of the artifact is broken, naming its stack, address and field", () => {
    const stacks = readArtifact(outdir);
    const health = stacks.find((s) => s.name === "dept-health")!;
    const quota = health.resources.find((r) => r.object.kind === "ResourceQuota")!;
    const broken = { ...quota, object: { ...quota.object, spec: { ...(quota.object.spec as object), scopes: "NotTerminating" } } };
    const findings = validateStacks([{ name: "dept-health", resources: [broken] }]);
    expect(findings).toEqual([
      { stack: "dept-health", address: quota.address, kind: "ResourceQuota", name: quota.object.metadata.name, field: "spec.scopes", message: 'must be array, got "NotTerminating"' },
    ]);
    expect(auditSchemas(outdir).findings).toEqual([]);
  });
});
