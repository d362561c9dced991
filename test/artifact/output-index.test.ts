import { createHash } from "node:crypto";
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OutputIndex, writeOutputIndex } from "../../artifact/output-index";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the output index", () => {
  let where: string;
  let outdir: string;
  let index: string;
  beforeEach(() => {
    where = mkdtempSync(join(tmpdir(), "govcloud-index-"));
    outdir = join(where, "cdktf.out");
    index = join(where, "index.json");
    mkdirSync(join(outdir, "stacks", "a"), { recursive: true });
    writeFileSync(join(outdir, "stacks", "a", "cdk.tf.json"), "{}");
    writeFileSync(join(outdir, "stacks", "a", "small.json"), "[1]");
  });
  afterEach(() => rmSync(where, { recursive: true, force: true }));

  /** Writes the index a moment after the files, as a synthesis does (a change in the same clock tick is not trusted). */
  const record = (digests: Map<string, string | undefined>) => {
    const at = Date.now() / 1000;
    writeOutputIndex(index, outdir, digests);
    utimesSync(index, at + 5, at + 5);
  };

  it("knows a recorded file's digest while it is that file, hashing those it was not given", () => {
    record(new Map([["stacks/a/cdk.tf.json", "given"], ["stacks/a/small.json", undefined], ["stacks/a/gone.json", "x"]]));
    const known = OutputIndex.read(index, outdir);
    expect(known.digestOf("stacks/a/cdk.tf.json")).toBe("given");
    expect(known.digestOf("stacks/a/small.json")).toBe(sha256("[1]"));
    expect(known.digestOf("stacks/a/gone.json")).toBeUndefined();
    expect(known.digestOf("stacks/a/never.json")).toBeUndefined();
    expect(known.folder).toBe(outdir);
  });

  it("vouches for files changed just before it is written, the file system's clock ticking coarsely", () => {
    for (let round = 0; round < 20; round++) {
      writeFileSync(join(outdir, "stacks", "a", "cdk.tf.json"), `{"round":${round}}`);
      writeOutputIndex(index, outdir, new Map([["stacks/a/cdk.tf.json", undefined]]));
      expect(OutputIndex.read(index, outdir).digestOf("stacks/a/cdk.tf.json")).toBe(sha256(`{"round":${round}}`));
    }
  });

  it("does not vouch for a file written since, even to the same bytes, or to the same size with its modification time put back", () => {
    record(new Map([["stacks/a/cdk.tf.json", sha256("{}")], ["stacks/a/small.json", sha256("[1]")]]));
    const file = join(outdir, "stacks", "a", "small.json");
    const { atime, mtime } = statSync(file);
    writeFileSync(file, "[2]");
    utimesSync(file, atime, mtime);
    const rewritten = join(outdir, "stacks", "a", "cdk.tf.json");
    unlinkSync(rewritten);
    writeFileSync(rewritten, "{}");
    const known = OutputIndex.read(index, outdir);
    expect(known.digestOf("stacks/a/small.json")).toBeUndefined();
    expect(known.digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
  });

  it("keeps each answer once given, though linking the file elsewhere changes what stat says", () => {
    record(new Map([["stacks/a/cdk.tf.json", sha256("{}")]]));
    const known = OutputIndex.read(index, outdir);
    expect(known.digestOf("stacks/a/cdk.tf.json")).toBe(sha256("{}"));
    linkSync(join(outdir, "stacks", "a", "cdk.tf.json"), join(where, "linked.json"));
    expect(known.digestOf("stacks/a/cdk.tf.json")).toBe(sha256("{}"));
    expect(OutputIndex.read(index, outdir).digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
  });

  it("knows nothing from an index of another folder, a damaged one, one not written after the files, or none", () => {
    record(new Map([["stacks/a/cdk.tf.json", sha256("{}")]]));
    expect(OutputIndex.read(index, join(where, "elsewhere")).digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
    const changed = new Date(statSync(join(outdir, "stacks", "a", "cdk.tf.json")).ctimeMs - 2);
    utimesSync(index, changed, changed);
    expect(OutputIndex.read(index, outdir).digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
    writeFileSync(index, readFileSync(index, "utf8").slice(0, 20));
    expect(OutputIndex.read(index, outdir).digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
    expect(OutputIndex.read(join(where, "none.json"), outdir).digestOf("stacks/a/cdk.tf.json")).toBeUndefined();
  });
});
