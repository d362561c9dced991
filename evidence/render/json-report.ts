import type { EvidencePack } from "../evidence-pack";

/**
 * report.json: the pack itself, 2-space indented, keys in code-point order at every depth, so
 * the bytes depend only on the values, never on the order a builder happened to set fields in.
 * Arrays keep their order: it is meaningful (sorted by the builder). Ends with a newline.
 */
export function renderJson(pack: EvidencePack): string {
  return `${JSON.stringify(sortKeys(pack), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}
