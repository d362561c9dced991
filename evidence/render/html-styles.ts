/**
 * The report's only stylesheet, inline (the Content-Security-Policy allows nothing else). System
 * fonts only: the report must read the same offline, so CJK text falls back through the
 * families Chinese desktops and Debian's fonts-noto-cjk provide. Print: A4, no filter boxes,
 * every row shown, rows never split across pages, table headers repeated.
 */
export const HTML_STYLES = `
:root { --ink: #1f2933; --muted: #6b7785; --line: #d5dbe1; --ok: #1e7b45; --ok-bg: #e9f6ee; --warn: #8a5a00; --warn-bg: #fff4d6; --bad: #b42318; --bad-bg: #fdeceb; --head: #f3f5f7; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
main { max-width: 1400px; margin: 0 auto; padding: 24px 32px 48px; }
header.report { border-bottom: 3px solid var(--ink); padding-bottom: 12px; margin-bottom: 16px; }
h1 { font-size: 26px; margin: 0 0 2px; }
.subtitle { color: var(--muted); margin: 0 0 10px; }
.stamp { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; font-size: 13px; }
.stamp dt { color: var(--muted); }
.stamp dd { margin: 0; font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; word-break: break-all; }
.verdict { display: inline-block; margin-top: 10px; padding: 4px 12px; border-radius: 4px; font-weight: 600; }
nav.toc ol { columns: 3; margin: 8px 0 0; padding-left: 22px; font-size: 13px; }
nav.toc a { color: #1d4f91; text-decoration: none; }
section { margin-top: 28px; }
h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin: 0 0 10px; }
h3 { font-size: 16px; margin: 18px 0 6px; }
.figures { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 12px; padding: 0; list-style: none; }
.figures li { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 120px; }
.figures .value { display: block; font-size: 20px; font-weight: 600; }
.figures .label { display: block; font-size: 12px; color: var(--muted); }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 7px; text-align: left; vertical-align: top; }
th { background: var(--head); font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfc; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12px; word-break: break-all; }
code.nowrap { white-space: nowrap; word-break: normal; }
ul.lines { margin: 0; padding: 0; list-style: none; }
ul.lines li + li { margin-top: 1px; }
.statement { margin-top: 2px; }
.statement + ul.lines, .statement + details { margin: 1px 0 4px 10px; }
details summary { cursor: pointer; color: #1d4f91; }
tr.tone-bad { background: var(--bad-bg) !important; }
tr.tone-warn { background: var(--warn-bg) !important; }
tr.tone-muted { color: var(--muted); }
td.tone-ok, .figures li.tone-ok .value { color: var(--ok); font-weight: 600; }
td.tone-warn, .figures li.tone-warn .value { color: var(--warn); font-weight: 600; }
td.tone-bad, .figures li.tone-bad .value { color: var(--bad); font-weight: 600; }
td.tone-muted { color: var(--muted); }
td.tone-bad { background: var(--bad-bg); }
.figures li.tone-bad { border-color: var(--bad); background: var(--bad-bg); }
.figures li.tone-warn { border-color: #e0b04a; background: var(--warn-bg); }
.verdict.tone-ok { color: var(--ok); background: var(--ok-bg); }
.verdict.tone-bad { color: var(--bad); background: var(--bad-bg); }
p.tone-bad { color: var(--bad); font-weight: 600; }
p.empty { color: var(--muted); font-style: italic; }
.filter { margin: 6px 0 4px; font-size: 13px; }
.filter input { font: inherit; padding: 3px 8px; width: 320px; max-width: 100%; border: 1px solid #9aa5b1; border-radius: 4px; }
.filter-count { color: var(--muted); }
figure.diagram { margin: 8px 0 16px; overflow-x: auto; }
figure.diagram figcaption { font-weight: 600; margin-bottom: 4px; }
svg.zone-diagram { max-width: 100%; height: auto; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; }
svg .zd-name { font-size: 14px; font-weight: 600; text-anchor: middle; fill: var(--ink); }
svg .zd-id, svg .zd-within { font-size: 11px; text-anchor: middle; fill: #44515e; font-family: "DejaVu Sans Mono", ui-monospace, monospace; }
svg .zd-bad { fill: var(--bad); }
svg .zd-port { font-size: 11px; text-anchor: middle; font-family: "DejaVu Sans Mono", ui-monospace, monospace; }
svg .zd-legend { font-size: 12px; fill: var(--ink); }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 15mm 12mm 15mm 12mm; }
@media print {
  body { font-size: 10.5px; }
  main { max-width: none; padding: 0; }
  nav.toc, .filter { display: none !important; }
  tr[hidden] { display: table-row !important; }
  tr, .figures li, figure.diagram { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  section { break-before: auto; }
  table { font-size: 9.5px; }
  code { font-size: 9px; }
  .table-wrap, figure.diagram { overflow: visible; }
  details > summary { display: none; }
  details::details-content { content-visibility: visible; display: block; }
  tr.tone-bad, tr.tone-warn, .figures li, .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
