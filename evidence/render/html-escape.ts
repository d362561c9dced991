/**
 * Every string of the pack comes from YAML a department wrote: escaped before it reaches HTML or
 * SVG, in text and in attribute values alike (quotes included), so no declaration can inject markup.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
