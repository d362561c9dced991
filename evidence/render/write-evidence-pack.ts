import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { EvidencePack } from "../evidence-pack";
import { renderHtml } from "./html-document";
import { writeJson } from "./json-report";
import { renderMarkdown } from "./markdown-report";

/**
 * Writes report.html, report.md and report.json into `dir` (created if missing) and returns
 * their paths in that order. Each file is written to a temporary name, and only when all three
 * are written are they renamed over the old ones, so a reader never sees a half-written report
 * and a rendering error leaves the previous pack untouched. report.json is written as it is
 * rendered, in pieces: at province scale it is too large to hold as one string beside the pack.
 */
export function writeEvidencePack(pack: EvidencePack, dir: string): string[] {
  const rendered: Array<[string, (write: (chunk: string) => void) => void]> = [
    ["report.html", textOf(renderHtml(pack))],
    ["report.md", textOf(renderMarkdown(pack))],
    ["report.json", (write) => writeJson(pack, write)],
  ];
  mkdirSync(dir, { recursive: true });
  const temporaries: string[] = [];
  try {
    for (const [name, render] of rendered) {
      const temporary = join(dir, `.${name}.${process.pid}.tmp`);
      temporaries.push(temporary);
      writeInPieces(temporary, render);
    }
  } catch (error) {
    for (const temporary of temporaries) rmSync(temporary, { force: true });
    throw error;
  }
  return rendered.map(([name], index) => {
    const path = join(dir, name);
    renameSync(temporaries[index], path);
    return path;
  });
}

const textOf = (text: string) => (write: (chunk: string) => void) => write(text);

/** Pieces gathered up to about this many characters per write. */
const WRITE_BATCH = 1 << 20;

function writeInPieces(path: string, render: (write: (chunk: string) => void) => void): void {
  const fd = openSync(path, "w");
  try {
    let batch: string[] = [];
    let size = 0;
    const flush = () => {
      const bytes = Buffer.from(batch.join(""), "utf8");
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
      batch = [];
      size = 0;
    };
    render((chunk) => {
      batch.push(chunk);
      size += chunk.length;
      if (size >= WRITE_BATCH) flush();
    });
    flush();
  } finally {
    closeSync(fd);
  }
}
