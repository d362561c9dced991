import type { EvidencePack } from "../evidence-pack";
import { buildReportDocument } from "./build-report-document";
import { escapeHtml } from "./html-escape";
import { HTML_FILTER_SCRIPT } from "./html-filter-script";
import { HTML_STYLES } from "./html-styles";
import { htmlTable } from "./html-tables";
import type { ReportBlock, ReportDocument } from "./report-document";
import { zoneGraph } from "./zone-diagram-graph";
import { zoneDiagramSvg } from "./zone-diagram-svg";

/**
 * Nothing may load from anywhere: an evidence pack is read on air-gapped assessor laptops and
 * must not phone home. Inline style and script only, images only as data: URLs (there are none).
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

/** report.html: one self-contained file. Deterministic: the same pack gives the same bytes. */
export function renderHtml(pack: EvidencePack): string {
  return htmlDocument(buildReportDocument(pack));
}

function htmlDocument(doc: ReportDocument): string {
  const stamp = doc.stamp.map((s) => `<dt>${escapeHtml(s.label)}</dt><dd>${escapeHtml(s.value)}</dd>`).join("");
  const toc = doc.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join("");
  const sections = doc.sections
    .map((s, i) => `<section id="${s.id}">\n<h2>${i + 1}. ${escapeHtml(s.title)}</h2>\n${s.blocks.map(htmlBlock).join("\n")}\n</section>`)
    .join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.title)}</title>
<style>${HTML_STYLES}</style>
</head>
<body>
<main>
<header class="report">
<h1>${escapeHtml(doc.title)}</h1>
<p class="subtitle">${escapeHtml(doc.subtitle)}</p>
<dl class="stamp">${stamp}</dl>
<div class="verdict tone-${doc.verdict.tone}">${escapeHtml(doc.verdict.text)}</div>
<nav class="toc" aria-label="目录 Contents"><ol>${toc}</ol></nav>
</header>
${sections}
<footer>${escapeHtml(doc.footer)}</footer>
</main>
<script>${HTML_FILTER_SCRIPT}</script>
</body>
</html>
`;
}

function htmlBlock(block: ReportBlock): string {
  switch (block.kind) {
    case "heading":
      return `<h3>${escapeHtml(block.text)}</h3>`;
    case "paragraph":
      return `<p${block.tone ? ` class="tone-${block.tone}"` : ""}>${escapeHtml(block.text)}</p>`;
    case "figures":
      return `<ul class="figures">${block.items
        .map((f) => `<li${f.tone ? ` class="tone-${f.tone}"` : ""}><span class="value">${escapeHtml(f.value)}</span><span class="label">${escapeHtml(f.label)}</span></li>`)
        .join("")}</ul>`;
    case "table":
      return htmlTable(block);
    case "zone-diagram": {
      const prefix = `zd-${block.cluster.replace(/[^A-Za-z0-9_-]/g, "_")}`;
      const svg = zoneDiagramSvg(zoneGraph(block.matrix, block.zoneLabels), prefix, `区域图 Zone diagram: ${block.title}`);
      return `<figure class="diagram" data-cluster="${escapeHtml(block.cluster)}"><figcaption>${escapeHtml(block.title)}</figcaption>\n${svg}\n</figure>`;
    }
  }
}
