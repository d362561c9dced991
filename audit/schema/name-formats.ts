import type { FieldFinding } from "./schema-finding";

/**
 * The name and label formats the API server enforces and the OpenAPI schemas do not describe
 * (k8s.io/apimachinery/pkg/util/validation), with the same limits.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** Total size of an object's annotations, keys and values together. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;
/** A CronJob's Jobs are named `<cronjob>-<11 characters>` and must stay DNS-1035 labels of 63. */
const CRON_JOB_NAME_MAX = 52;

export type NameRule = "dns-1123-label" | "dns-1123-subdomain" | "dns-1035-label" | "path-segment";

/** Which rule each kind's names follow; every other kind takes a DNS-1123 subdomain. */
const NAME_RULES: Readonly<Record<string, NameRule>> = {
  Namespace: "dns-1123-label",
  Service: "dns-1035-label",
  Role: "path-segment",
  ClusterRole: "path-segment",
  RoleBinding: "path-segment",
  ClusterRoleBinding: "path-segment",
};

export function nameRuleOf(kind: string): NameRule {
  return NAME_RULES[kind] ?? "dns-1123-subdomain";
}

/** Why `name` breaks `rule`, or undefined when it does not. */
export function nameProblem(name: string, rule: NameRule): string | undefined {
  switch (rule) {
    case "dns-1123-label":
      return tooLong(name, 63) ?? (DNS1123_LABEL.test(name) ? undefined : `must be a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit), got '${name}'`);
    case "dns-1035-label":
      return tooLong(name, 63) ?? (DNS1035_LABEL.test(name) ? undefined : `must be a DNS-1035 label (lower-case letters, digits and '-', starting with a letter and ending with a letter or digit), got '${name}'`);
    case "dns-1123-subdomain":
      return tooLong(name, 253) ?? (DNS1123_SUBDOMAIN.test(name) ? undefined : `must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', starting and ending with a letter or digit), got '${name}'`);
    case "path-segment":
      if (name === "." || name === "..") return `must not be '${name}'`;
      return /[/%]/.test(name) ? `must not contain '/' or '%', got '${name}'` : undefined;
  }
}

/** Why `key` is not a label or annotation key (`[prefix/]name`), or undefined. */
export function qualifiedNameProblem(key: string): string | undefined {
  const parts = key.split("/");
  if (parts.length > 2) return `must be a name with an optional DNS subdomain prefix and '/', got '${key}'`;
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix === "") return `prefix must not be empty, got '${key}'`;
    const problem = tooLong(prefix, 253) ?? (DNS1123_SUBDOMAIN.test(prefix) ? undefined : `must be a DNS-1123 subdomain`);
    if (problem) return `prefix '${prefix}' ${problem}`;
  }
  if (name.length > 63) return `name part must be no more than 63 characters, got ${name.length} in '${key}'`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    return `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, got '${key}'`;
  }
  return undefined;
}

export function labelValueProblem(value: unknown): string | undefined {
  if (typeof value !== "string") return `must be a string, got ${JSON.stringify(value)}`;
  if (value.length > 63) return `must be no more than 63 characters, got ${value.length}`;
  return LABEL_VALUE.test(value) ? undefined : `must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character, got '${value}'`;
}

/** Name, namespace, labels, annotations and every label map below (selectors, templates, node selectors). */
export function checkNamesAndLabels(object: { kind: string; metadata?: unknown; [field: string]: unknown }): FieldFinding[] {
  const findings: FieldFinding[] = [];
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  if (typeof metadata.name === "string") {
    const problem = nameProblem(metadata.name, nameRuleOf(object.kind)) ?? (object.kind === "CronJob" ? tooLong(metadata.name, CRON_JOB_NAME_MAX) : undefined);
    if (problem) findings.push({ field: "metadata.name", message: problem });
  }
  if (typeof metadata.namespace === "string") {
    const problem = nameProblem(metadata.namespace, "dns-1123-label");
    if (problem) findings.push({ field: "metadata.namespace", message: problem });
  }
  walkLabelMaps(object, "", findings);
  if (object.kind === "Service") checkLabels(((object.spec ?? {}) as Record<string, unknown>).selector, "spec.selector", findings);
  return findings;
}

function walkLabelMaps(node: unknown, path: string, findings: FieldFinding[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => walkLabelMaps(item, `${path}[${index}]`, findings));
    return;
  }
  if (typeof node !== "object" || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    const field = path ? `${path}.${key}` : key;
    const inMetadata = path === "metadata" || path.endsWith(".metadata");
    if ((key === "labels" && inMetadata) || key === "matchLabels" || key === "nodeSelector") checkLabels(value, field, findings);
    else if (key === "annotations" && inMetadata) checkAnnotations(value, field, findings);
    else walkLabelMaps(value, field, findings);
  }
}

function checkLabels(labels: unknown, field: string, findings: FieldFinding[]): void {
  if (typeof labels !== "object" || labels === null) return;
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = qualifiedNameProblem(key);
    if (keyProblem) findings.push({ field: `${field}[${JSON.stringify(key)}]`, message: `key ${keyProblem}` });
    const valueProblem = labelValueProblem(value);
    if (valueProblem) findings.push({ field: `${field}[${JSON.stringify(key)}]`, message: `value ${valueProblem}` });
  }
}

function checkAnnotations(annotations: unknown, field: string, findings: FieldFinding[]): void {
  if (typeof annotations !== "object" || annotations === null) return;
  let bytes = 0;
  for (const [key, value] of Object.entries(annotations)) {
    const keyProblem = qualifiedNameProblem(key.toLowerCase());
    if (keyProblem) findings.push({ field: `${field}[${JSON.stringify(key)}]`, message: `key ${keyProblem}` });
    bytes += Buffer.byteLength(key) + Buffer.byteLength(String(value));
  }
  if (bytes > ANNOTATIONS_MAX_BYTES) findings.push({ field, message: `must have at most ${ANNOTATIONS_MAX_BYTES} bytes in all, got ${bytes}` });
}

function tooLong(text: string, max: number): string | undefined {
  return text.length > max ? `must be no more than ${max} characters, got ${text.length} ('${text}')` : undefined;
}
