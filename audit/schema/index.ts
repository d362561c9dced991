/**
 * Schema validation of the objects the artifact applies, against the Kubernetes OpenAPI schemas
 * (kubernetes-models 4.5.1, CommonJS; its compiled validators are generated from the Kubernetes
 * OpenAPI document and include admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy and
 * its Binding), plus what the API server enforces beyond them: unknown fields, names (DNS-1123
 * label for namespaces, DNS-1035 label for services, path segment for RBAC objects, DNS-1123
 * subdomain otherwise, CronJob names of at most 52), label keys and values, annotation keys and
 * their total size.
 *
 * - `auditSchemas(outdir: string): { objects: number; findings: SchemaFinding[] }` reads the
 *   artifact (readArtifact: throws ArtifactReadError when it cannot be converted) and validates
 *   every object. An audit fails when `findings` is not empty.
 * - `assertValidSchemas(outdir: string)` does the same and throws `SchemaAuditError` (its
 *   `findings`, its message one `formatSchemaFinding` line each) when any finding exists.
 * - `validateStacks(stacks: ArtifactStack[]): SchemaFinding[]` for stacks already read.
 * - `validateObject(object: KubernetesObject): { field, message }[]` for one object.
 *
 * A finding is `{ stack, address, kind, name, field, message }`: `address` is the Terraform
 * address (`type.name`), `field` the path in the Kubernetes object
 * (`spec.template.spec.containers[0].ports[0].containerPort`, `metadata.labels["govcloud/level"]`).
 */
export { KIND_SCHEMAS } from "./kind-schemas";
export { labelValueProblem, nameProblem, nameRuleOf, qualifiedNameProblem } from "./name-formats";
export type { NameRule } from "./name-formats";
export { SchemaAuditError, formatSchemaFinding } from "./schema-finding";
export type { FieldFinding, SchemaFinding } from "./schema-finding";
export { assertValidSchemas, auditSchemas, validateObject, validateStacks } from "./validate-objects";
export type { SchemaAudit } from "./validate-objects";
