import type { EvidencePack } from "../evidence-pack";
import { buildReportDocument } from "./build-report-document";
import { markdownCode, markdownText } from "./markdown-text";
import type { Cell, ReportBlock, ReportTable } from "./report-document";
import { zoneGraph } from "./zone-diagram-graph";
import { zoneDiagramMermaid } from "./zone-diagram-mermaid";

/**
 * A cell's list beyond this many items is cut, with a pointer to report.json: a Markdown table
 * cell cannot fold, and a hundred addresses in one cell make the table unreadable.
 */
const LIST_LIMIT = 20;

const TONE_MARKS: Readonly<Record<string, string>> = { bad: "❌ ", warn: "⚠️ ", ok: "", muted: "" };

/**
 * report.md: the sections of report.html, for reading in a repository or a merge request. The
 * zone diagram is a Mermaid flowchart; tables are GitHub-flavoured. Deterministic.
 */
export function renderMarkdown(pack: EvidencePack): string {
  const doc = buildReportDocument(pack);
  const out: string[] = [`# ${markdownText(doc.title)}`, "", markdownText(doc.subtitle), ""];
  for (const s of doc.stamp) out.push(`- ${markdownText(s.label)}: ${markdownCode(s.value)}`);
  out.push("", `**${TONE_MARKS[doc.verdict.tone]}${markdownText(doc.verdict.text)}**`, "");
  doc.sections.forEach((s, i) => out.push(`${i + 1}. ${markdownText(s.title)}`));
  doc.sections.forEach((section, i) => {
    out.push("", `## ${i + 1}. ${markdownText(section.title)}`);
    for (const block of section.blocks) out.push("", markdownBlock(block));
  });
  return `${out.join("\n")}\n`;
}

function markdownBlock(block: ReportBlock): string {
  switch (block.kind) {
    case "heading":
      return `### ${markdownText(block.text)}`;
    case "paragraph":
      return `${block.tone ? TONE_MARKS[block.tone] : ""}${markdownText(block.text)}`;
    case "figures":
      return block.items.map((f) => `- ${markdownText(f.label)}: **${f.tone ? TONE_MARKS[f.tone] : ""}${markdownText(f.value)}**`).join("\n");
    case "table":
      return markdownTable(block);
    case "zone-diagram":
      return `**${markdownText(block.title)}**\n\n${zoneDiagramMermaid(zoneGraph(block.matrix, block.zoneLabels))}`;
  }
}

function markdownTable(table: ReportTable): string {
  if (table.rows.length === 0 && table.empty) return `_${markdownText(table.empty)}_`;
  const header = `| ${table.columns.map((c) => markdownText(c) || " ").join(" | ")} |`;
  const rule = `|${table.columns.map(() => " --- ").join("|")}|`;
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((cell, i) => {
      const text = markdownCell(cell);
      // The row's tone marks its first cell, so a problem row stands out without colour.
      return i === 0 && row.tone && TONE_MARKS[row.tone] ? `${TONE_MARKS[row.tone]}${text}` : text;
    });
    return `| ${cells.join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}

function markdownCell(cell: Cell): string {
  if (typeof cell === "string") return markdownText(cell);
  const parts: string[] = [];
  const item = (text: string, code: boolean) => (code ? markdownCode(text) : markdownText(text));
  if (cell.text !== undefined) parts.push(item(cell.text, cell.code === true && !cell.lines));
  if (cell.lines) parts.push(...limited(cell.lines, (l) => item(l, cell.code === true), cell.fullList));
  for (const e of cell.evidence ?? []) parts.push(markdownText(e.statement), ...limited(e.objects, markdownCode, cell.fullList));
  return parts.join("<br>");
}

function limited(items: readonly string[], render: (item: string) => string, fullList = "report.json"): string[] {
  if (items.length <= LIST_LIMIT) return items.map(render);
  return [...items.slice(0, LIST_LIMIT).map(render), markdownText(`… ${items.length - LIST_LIMIT} more (${items.length} in all): ${fullList}`)];
}
