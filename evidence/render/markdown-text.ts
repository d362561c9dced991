/**
 * Text from the pack inside GitHub-flavoured Markdown: markup characters are backslash-escaped
 * and angle brackets and ampersands written as entities, so a display name can neither format
 * nor inject HTML; in a table cell a pipe would end the cell, so it is escaped too, and a line
 * break becomes <br>.
 */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]!)
    .replace(/\r?\n/g, "<br>");
}

/**
 * A machine name as inline code. GFM splits table rows at pipes before reading code spans, so
 * pipes are escaped inside them as well; a backtick in the text lengthens the fence.
 */
export function markdownCode(text: string): string {
  const clean = text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}
