import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

/**
 * What an evidence pack is about: the git commit of the declaration (marked when the working
 * tree differs from it) and a sha256 over every declaration file, so a reader can check that a
 * report belongs to the configuration under review.
 */
export function declarationStamp(configDir: string): { commit: string; declarationHash: string } {
  return { commit: gitCommit(configDir), declarationHash: declarationHash(configDir) };
}

/** sha256 over each YAML and lock file's relative path and bytes, in path order. */
export function declarationHash(configDir: string): string {
  const hash = createHash("sha256");
  for (const path of declarationFiles(configDir)) {
    hash.update(`${relative(configDir, path)}\n`);
    hash.update(readFileSync(path));
    hash.update("\n");
  }
  return `sha256:${hash.digest("hex")}`;
}

function declarationFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "departments" ? declarationFiles(path) : [];
      return /\.(ya?ml|lock\.json)$/.test(name) ? [path] : [];
    });
}

function gitCommit(configDir: string): string {
  try {
    const run = (...args: string[]) => execFileSync("git", args, { cwd: configDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const commit = run("rev-parse", "HEAD");
    const dirty = run("status", "--porcelain", "--", ".") !== "";
    return dirty ? `${commit} (with uncommitted changes to the declaration)` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}
