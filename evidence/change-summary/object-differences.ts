/**
 * Where two converted objects differ, as field paths a reviewer can read: the shallowest path
 * at which they part (a changed value, a key present on one side only, a list that grew or
 * shrank), rather than every leaf below it. Equal objects give no paths.
 */
export function differingFields(a: unknown, b: unknown): string[] {
  const paths: string[] = [];
  walk(a, b, "", paths);
  return paths;
}

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((item, i) => walk(item, b[i], `${path}[${i}]`, out));
    return;
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const key of keys) walk(a[key], b[key], join(path, key), out);
    return;
  }
  out.push(path === "" ? "(object)" : path);
}

/** `spec.hard["requests.cpu"]`, `metadata.labels["govcloud/zone"]`. */
function join(path: string, key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return path === "" ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
