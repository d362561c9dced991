/** One way an exported object would be refused by Kubernetes, or silently changed. */
export interface SchemaFinding {
  readonly stack: string;
  /** Terraform address, `type.name`. */
  readonly address: string;
  readonly kind: string;
  readonly name: string;
  /** Path of the field in the Kubernetes object, e.g. `spec.template.spec.containers[0].ports[0].containerPort`. */
  readonly field: string;
  readonly message: string;
}

/** A finding about one object, before it is placed in its stack. */
export interface FieldFinding {
  readonly field: string;
  readonly message: string;
}

export function formatSchemaFinding(finding: SchemaFinding): string {
  return `${finding.stack}: ${finding.address}: ${finding.kind} ${finding.name}: ${finding.field}: ${finding.message}`;
}

/** Thrown by `assertValidSchemas`: every finding, one per line. */
export class SchemaAuditError extends Error {
  constructor(readonly findings: readonly SchemaFinding[]) {
    super(`${findings.length} object field${findings.length === 1 ? "" : "s"} would be refused by Kubernetes:\n${findings.map((f) => `  ${formatSchemaFinding(f)}`).join("\n")}`);
    this.name = "SchemaAuditError";
  }
}
