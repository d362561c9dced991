import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

export const PROJECT_ROOT = join(__dirname, "..", "..");
export const EXAMPLE_CONFIG = join(PROJECT_ROOT, "config");

/** A throw-away project folder holding a copy of the bundled example's `config/`. */
export function copyExampleProject(): string {
  const root = mkdtempSync(join(tmpdir(), "govcloud-"));
  cpSync(EXAMPLE_CONFIG, join(root, "config"), { recursive: true, filter: (src) => !src.endsWith(".ts") });
  return root;
}

/** Every file under `dir`, by relative path, with its exact content (as text: jest compares Buffers slowly). */
export function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "utf8"));
    }
  };
  walk(dir);
  return files;
}
