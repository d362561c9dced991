/**
 * The evidence pack, rendered for auditors (MLPS assessors, internal audit) and the provincial
 * leadership. Every function takes an `EvidencePack` (`evidence/evidence-pack.ts`), the plain
 * value `buildEvidencePack(...)` computes from the artifact and its audit, and does no further
 * computation beyond counting and labelling. All output is deterministic: the same pack gives
 * the same bytes (no clock, no randomness, no environment).
 *
 * - `renderHtml(pack): string` report.html, one self-contained UTF-8 file (`lang="zh-CN"`):
 *   inline CSS and a small inline script, no network access at all (Content-Security-Policy
 *   `CONTENT_SECURITY_POLICY`, no URL anywhere). Sections, in order: platform overview; zone
 *   diagram (inline SVG per cluster: boxes for external networks, gateway, mgmt, level zones,
 *   DNS; arrows for the effective zone-to-zone flows labelled with ports, disagreements with the
 *   declaration in red or dashed); zone-to-zone flow matrix per cluster (effective against
 *   intended, disagreements highlighted, the proof's differences listed); MLPS control table per
 *   level (requirement in Chinese and English, clause, "(inferred)" when unchecked → met /
 *   partly / waived / not met / not applicable → Terraform addresses and checks), then the
 *   findings not met or waived; separation of duties; tenant isolation benchmark (MTB); waivers
 *   (expiring highlighted, expired flagged); data classification register; data-sharing register;
 *   department inventory; consolidation ledger; audit summary. Stamped with the commit, the
 *   declaration hash and the date. Long tables have a filter box (revealed by the script, so
 *   without JavaScript every row simply shows); `@media print` gives A4 pages without filters,
 *   with every row and every folded evidence list, rows unbroken. Every string from the pack is
 *   escaped.
 * - `renderMarkdown(pack): string` report.md: the same sections; each zone diagram a Mermaid
 *   `flowchart LR` block; GitHub-flavoured tables with pipes escaped; evidence lists longer
 *   than 20 items cut with a pointer to report.json.
 * - `renderJson(pack): string` report.json: the pack, 2-space indented, keys sorted at every depth.
 * - `writeEvidencePack(pack, dir): string[]` writes report.html, report.md, report.json into
 *   `dir` atomically (temporary file and rename, each) and returns their paths in that order.
 */
export { CONTENT_SECURITY_POLICY, renderHtml } from "./html-document";
export { renderJson } from "./json-report";
export { renderMarkdown } from "./markdown-report";
export { writeEvidencePack } from "./write-evidence-pack";
