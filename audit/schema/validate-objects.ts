import type { KubernetesObject } from "../export/kubernetes-object";
import { type ArtifactStack, readArtifact } from "../export/read-artifact";
import { KIND_SCHEMAS, UNREAD_FIELDS, kindKey } from "./kind-schemas";
import { CUSTOM_RESOURCE_KINDS } from "./custom-resource-kinds";
import { checkNamesAndLabels } from "./name-formats";
import { checkOpenApi } from "./openapi-check";
import { type FieldFinding, SchemaAuditError, type SchemaFinding } from "./schema-finding";

/**
 * Every problem of one object: its OpenAPI schema, unknown fields, names and labels. Custom
 * resources (Cluster API) are checked for their served version here and against their CRDs by
 * the conformance suite.
 */
export function validateObject(object: KubernetesObject): FieldFinding[] {
  const key = kindKey(object.apiVersion, object.kind);
  const model = KIND_SCHEMAS.get(key);
  const schema = model
    ? checkOpenApi(model, object as unknown as Record<string, unknown>, UNREAD_FIELDS.get(key))
    : CUSTOM_RESOURCE_KINDS.has(key)
      ? []
      : [{ field: "apiVersion", message: `no schema for ${object.apiVersion} ${object.kind}: the audit cannot vouch for this object` }];
  return [...schema, ...checkNamesAndLabels(object)];
}

/** Validates every object of the stacks; findings in stack, address, field order. */
export function validateStacks(stacks: readonly ArtifactStack[]): SchemaFinding[] {
  return stacks.flatMap((stack) =>
    stack.resources.flatMap((resource) =>
      validateObject(resource.object).map((finding) => ({
        stack: stack.name,
        address: resource.address,
        kind: resource.object.kind,
        name: resource.object.metadata.name ?? "",
        ...finding,
      })),
    ),
  );
}

export interface SchemaAudit {
  readonly objects: number;
  readonly findings: readonly SchemaFinding[];
}

/** Reads the artifact below `outdir` and validates every object it applies. */
export function auditSchemas(outdir: string): SchemaAudit {
  const stacks = readArtifact(outdir);
  return { objects: stacks.reduce((n, stack) => n + stack.resources.length, 0), findings: validateStacks(stacks) };
}

/** As auditSchemas, and throws SchemaAuditError naming every finding when there is one. */
export function assertValidSchemas(outdir: string): SchemaAudit {
  const audit = auditSchemas(outdir);
  if (audit.findings.length > 0) throw new SchemaAuditError(audit.findings);
  return audit;
}
