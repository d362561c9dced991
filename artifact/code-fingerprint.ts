import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Every module specifier a TypeScript or JavaScript source names: imports, re-exports, require(). */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g;

/**
 * A digest of the code a synthesis runs: every project source file reachable by imports from
 * `entry`, by content, and every package they import, by name and installed version (with the
 * Node version). A stack built by other code, or with other versions of cdktf or the provider
 * bindings, is not the same stack, however unchanged its inputs.
 */
export function codeFingerprint(entry: string, projectRoot: string): string {
  const hash = createHash("sha256").update(`node ${process.version}\n`);
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const [, specifier] of text.matchAll(SPECIFIER)) {
      if (specifier.startsWith(".")) {
        const target = sourceFile(join(dirname(file), specifier));
        if (target) pending.push(target);
      } else if (!specifier.startsWith("node:")) {
        packages.add(packageName(specifier));
      }
    }
  }
  for (const file of [...files].sort()) {
    hash.update(`file ${relative(projectRoot, file)}\n`).update(readFileSync(file)).update("\n");
  }
  for (const name of [...packages].sort()) hash.update(`package ${name}@${installedVersion(name, projectRoot)}\n`);
  return hash.digest("hex");
}

function sourceFile(base: string): string | undefined {
  const candidates = [base, `${base}.ts`, `${base}.js`, join(base, "index.ts"), join(base, "index.js")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The version installed where the project resolves `name`; built-in modules have Node's. */
function installedVersion(name: string, projectRoot: string): string {
  const manifest = join(projectRoot, "node_modules", name, "package.json");
  if (!existsSync(manifest)) return "not installed";
  return (JSON.parse(readFileSync(manifest, "utf8")) as { version: string }).version;
}
