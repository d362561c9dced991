import { brotliDecompressSync } from "node:zlib";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { readTar } from "./read-tar";

/** A Chromium executable and the environment it needs to start and to find its fonts. */
export interface ChromiumInstall {
  readonly executable: string;
  readonly env: Record<string, string>;
}

const PROJECT = join(__dirname, "..", "..", "..");
/** Inside node_modules: ignored by git, and replaced with everything else by the next `npm ci`. */
const CACHE = join(PROJECT, "node_modules", ".cache", "govcloud-chromium");
/** The CJK faces the report's font stack names ("Source Han Sans SC"); two weights cover its text. */
const CJK_FACES = ["SourceHanSansSC-Regular.otf", "SourceHanSansSC-Bold.otf"];

/**
 * The headless Chromium that `npm ci` installs (@sparticuz/chromium ships it brotli-compressed
 * inside the package, with the NSS libraries it links against), unpacked once into
 * node_modules/.cache with Source Han Sans SC from the node-source-han-sans-sc package, so that
 * Chinese renders on a machine with no system browser and no CJK fonts. The package's own
 * `executablePath()` is not used: it unpacks into the shared /tmp, where a half-written binary
 * from a concurrent run would be taken for a complete one, and nothing removes it.
 */
export function npmChromium(): ChromiumInstall {
  const packageDir = join(dirname(require.resolve("@sparticuz/chromium")), "..", "..");
  const fontsDir = dirname(require.resolve("node-source-han-sans-sc/package.json"));
  const version = `${packageVersion(packageDir)}+source-han-sans-sc-${packageVersion(fontsDir)}`;
  const target = join(CACHE, version);
  if (!existsSync(target)) unpack(join(packageDir, "bin"), fontsDir, target);
  return {
    executable: join(target, "chromium"),
    env: { LD_LIBRARY_PATH: join(target, "lib"), FONTCONFIG_FILE: join(target, "fonts.conf") },
  };
}

/**
 * Unpacks into a staging folder of this process and renames it into place, so a concurrent
 * test worker sees either nothing (and unpacks too) or a complete browser.
 */
function unpack(bin: string, fontsDir: string, target: string): void {
  const staging = `${target}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(join(staging, "fonts"), { recursive: true });
  writeFileSync(join(staging, "chromium"), brotliDecompressSync(readFileSync(join(bin, "chromium.br"))));
  chmodSync(join(staging, "chromium"), 0o755);
  // SwiftShader's GL libraries beside the binary, where Chromium looks for them.
  extract(join(bin, "swiftshader.tar.br"), staging);
  // NSS and expat, which a minimal system may lack.
  extract(join(bin, "al2023.tar.br"), staging);
  // Open Sans for Latin text, the package's default face.
  extract(join(bin, "fonts.tar.br"), join(staging, "fonts"), (path) => path.endsWith(".ttf"));
  for (const face of CJK_FACES) copyFileSync(join(fontsDir, face), join(staging, "fonts", face));
  // Only these fonts: the same page renders the same on every machine.
  writeFileSync(
    join(staging, "fonts.conf"),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(target, "fonts")}</dir>\n  <cachedir>${join(target, "font-cache")}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
}

/** Unpacks a brotli-compressed tar; `keep` filters members by path, flattening them into `into`. */
function extract(archive: string, into: string, keep?: (path: string) => boolean): void {
  for (const entry of readTar(brotliDecompressSync(readFileSync(archive)), archive)) {
    if (keep && !keep(entry.path)) continue;
    const path = keep ? join(into, entry.path.split("/").pop()!) : join(into, entry.path);
    if (entry.kind === "folder") {
      mkdirSync(path, { recursive: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.data, { mode: entry.mode });
  }
}

function packageVersion(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
}
