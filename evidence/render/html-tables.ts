import { escapeHtml } from "./html-escape";
import type { Cell, ReportTable, Tone } from "./report-document";

/** Evidence lists longer than this fold into a <details>, opened for print. */
const FOLD_AFTER = 6;

/**
 * A report table as HTML. A filtered table gets a search box that starts `hidden`: the inline
 * script reveals it, so without JavaScript the reader sees every row and no dead control.
 */
export function htmlTable(table: ReportTable): string {
  if (table.rows.length === 0 && table.empty) return `<p class="empty">${escapeHtml(table.empty)}</p>`;
  const id = `t-${table.id}`;
  const filter = table.filter
    ? `<div class="filter" hidden><label>筛选 Filter <input type="search" data-filter-for="${escapeHtml(id)}" autocomplete="off" placeholder="输入关键字 type to filter rows"></label> <span class="filter-count" aria-live="polite"></span></div>`
    : "";
  const head = `<thead><tr>${table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("")}</tr></thead>`;
  const body = table.rows.map((row) => `<tr${toneClass(row.tone)}>${row.cells.map(htmlCell).join("")}</tr>`).join("\n");
  return `${filter}<div class="table-wrap"><table id="${escapeHtml(id)}">${head}<tbody>\n${body}\n</tbody></table></div>`;
}

function htmlCell(cell: Cell): string {
  if (typeof cell === "string") return `<td>${escapeHtml(cell)}</td>`;
  const parts: string[] = [];
  if (cell.text !== undefined) parts.push(cell.code && !cell.lines ? codeHtml(cell.text) : escapeHtml(cell.text));
  if (cell.lines && cell.lines.length > 0) parts.push(lineList(cell.lines, cell.code === true));
  for (const e of cell.evidence ?? []) {
    parts.push(`<div class="statement">${escapeHtml(e.statement)}</div>`);
    if (e.objects.length > 0) parts.push(lineList(e.objects, true));
  }
  return `<td${toneClass(cell.tone)}>${parts.join("")}</td>`;
}

/** One item a line; a long list folds behind its count so a table stays readable on screen. */
function lineList(items: readonly string[], code: boolean): string {
  const list = `<ul class="lines">${items.map((i) => `<li>${code ? codeHtml(i) : escapeHtml(i)}</li>`).join("")}</ul>`;
  if (items.length <= FOLD_AFTER) return list;
  return `<details><summary>${items.length} 项 items</summary>${list}</details>`;
}

/** Short names (rule ids, ports, namespaces) never wrap; long addresses wrap anywhere rather than widen the table. */
function codeHtml(text: string): string {
  return `<code${text.length <= SHORT_CODE ? ' class="nowrap"' : ""}>${escapeHtml(text)}</code>`;
}

const SHORT_CODE = 24;

function toneClass(tone: Tone | undefined): string {
  return tone ? ` class="tone-${tone}"` : "";
}
