import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { EvidencePack } from "../evidence-pack";
import { renderHtml } from "./html-document";
import { renderJson } from "./json-report";
import { renderMarkdown } from "./markdown-report";

/**
 * Writes report.html, report.md and report.json into `dir` (created if missing) and returns
 * their paths in that order. Everything is rendered before anything is written, and each file
 * is written to a temporary name and renamed over the old one, so a reader never sees a
 * half-written report and a rendering error leaves the previous pack untouched.
 */
export function writeEvidencePack(pack: EvidencePack, dir: string): string[] {
  const files: Array<[string, string]> = [
    ["report.html", renderHtml(pack)],
    ["report.md", renderMarkdown(pack)],
    ["report.json", renderJson(pack)],
  ];
  mkdirSync(dir, { recursive: true });
  return files.map(([name, content]) => {
    const path = join(dir, name);
    const temporary = join(dir, `.${name}.${process.pid}.tmp`);
    try {
      writeFileSync(temporary, content, "utf8");
      renameSync(temporary, path);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw error;
    }
    return path;
  });
}
