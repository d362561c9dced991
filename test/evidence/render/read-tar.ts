/** One member of a tar archive: a folder or a regular file with its bytes. */
export interface TarEntry {
  readonly path: string;
  readonly kind: "file" | "folder";
  readonly mode: number;
  readonly data: Buffer;
}

const BLOCK = 512;

/**
 * Reads the members of an uncompressed ustar archive (as @sparticuz/chromium packs its libraries
 * and fonts). Only regular files and folders are accepted: a link or a device in a browser
 * bundle is not something to unpack blindly, so it is an error naming the member.
 */
export function readTar(archive: Buffer, name: string): TarEntry[] {
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= archive.length; ) {
    const header = archive.subarray(offset, offset + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const path = field(header, 345, 155) ? `${field(header, 345, 155)}/${field(header, 0, 100)}` : field(header, 0, 100);
    const size = parseInt(field(header, 124, 12).trim() || "0", 8);
    const mode = parseInt(field(header, 100, 8).trim() || "644", 8);
    const type = String.fromCharCode(header[156]!);
    if (path.split("/").includes("..") || path.startsWith("/")) throw new Error(`${name}: member ${path} points outside the archive`);
    const start = offset + BLOCK;
    if (type === "0" || type === "\0") entries.push({ path, kind: "file", mode, data: archive.subarray(start, start + size) });
    else if (type === "5") entries.push({ path: path.replace(/\/$/, ""), kind: "folder", mode, data: Buffer.alloc(0) });
    else throw new Error(`${name}: member ${path} is of tar type '${type}'; only files and folders are unpacked`);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return entries;
}

/** A NUL-terminated header field. */
function field(header: Buffer, start: number, length: number): string {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString("utf8");
}
