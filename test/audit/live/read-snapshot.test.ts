import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { captureCommands, formatSnapshotProblem, LiveSnapshotError, readSnapshot, SNAPSHOT_KINDS } from "../../../audit/live";

/** Reading a snapshot folder is hardened like the declaration: every problem at once, positioned. */
function snapshot(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "govcloud-snapshot-read-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

function problems(dir: string, clusters = ["hz"]): string[] {
  try {
    readSnapshot(dir, clusters);
  } catch (e) {
    if (!(e instanceof LiveSnapshotError)) throw e;
    return e.problems.map(formatSnapshotProblem).map((line) => line.split(relative(process.cwd(), dir)).join("SNAP"));
  }
  throw new Error("the snapshot was read");
}

const TAKEN = "2026-11-27T08:30:00Z\n";
const list = (...items: string[]) => `apiVersion: v1\nkind: List\nmetadata:\n  resourceVersion: ""\nitems:\n${items.join("")}`;
const namespace = (name: string) => `- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: ${name}\n`;

describe("reading a live snapshot", () => {
  it("reads kubectl's List output, YAML or JSON, with the time it was taken", () => {
    const dir = snapshot({
      "hz/taken-at": TAKEN,
      "hz/objects.yaml": list(namespace("a"), "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n    namespace: a\n  spec:\n    containers: []\n"),
      "hz/more.json": JSON.stringify({ apiVersion: "v1", kind: "List", items: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "b" } }] }),
    });
    const read = readSnapshot(dir, ["hz"]);
    expect(read.clusters.map((c) => [c.cluster, c.takenAt, c.objects.map((o) => `${o.object.kind} ${o.object.metadata.name} ${o.line}`)])).toEqual([
      ["hz", "2026-11-27T08:30:00Z", ["Namespace b 1", "Namespace a 6", "Pod p 10"]],
    ]);
  });

  it("refuses Secrets, unknown kinds, nameless and namespace-less objects and duplicates, all at once, with their positions", () => {
    const dir = snapshot({
      "hz/taken-at": TAKEN,
      "hz/objects.yaml": list(
        namespace("a"),
        "- apiVersion: v1\n  kind: Secret\n  metadata:\n    name: db-credentials\n    namespace: a\n  data:\n    password: aHVudGVyMg==\n",
        "- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: settings\n    namespace: a\n",
        "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n",
        "- apiVersion: v1\n  kind: Pod\n  metadata:\n    namespace: a\n",
        namespace("a"),
      ),
    });
    expect(problems(dir)).toEqual([
      "SNAP/hz/objects.yaml:11:3 items[1].kind: Secrets are never read: remove them from the snapshot (the README's capture command leaves them out, and their data must not leave the cluster)",
      "SNAP/hz/objects.yaml:18:3 items[2].kind: v1 ConfigMap is not a kind the live audit reads; capture only the kinds of the README's command",
      "SNAP/hz/objects.yaml:24:3 items[3].metadata: Pod p has no namespace; kubectl get --all-namespaces writes it",
      "SNAP/hz/objects.yaml:28:3 items[4].metadata.name: Pod without a name: is this really kubectl's output?",
      "SNAP/hz/objects.yaml:30:3: Namespace a is also at SNAP/hz/objects.yaml:6; a snapshot holds each object once",
    ]);
  });

  it("refuses what would hurt the reader: alias bombs, deep nesting, non-UTF-8, not a list", () => {
    const laughs = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    const dir = snapshot({
      "hz/taken-at": TAKEN,
      "hz/a-laughs.yaml": `${laughs}\n`,
      "hz/b-deep.json": `${"[".repeat(200)}${"]".repeat(200)}`,
      "hz/c-latin1.yaml": Buffer.concat([Buffer.from("apiVersion: v1\nkind: List\nitems: []\n# caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
      "hz/d-scalar.yaml": "just text\n",
    });
    expect(problems(dir)).toEqual([
      "SNAP/hz/a-laughs.yaml: refused: Excessive alias count indicates a resource exhaustion attack (at most 100 alias expansions)",
      "SNAP/hz/b-deep.json:1:65: refused: lists and mappings nested more than 64 levels deep",
      "SNAP/hz/c-latin1.yaml:4:6: file is not valid UTF-8; save it as UTF-8",
      "SNAP/hz/d-scalar.yaml:1:1: must be the output of kubectl get -o yaml|json: an object with kind (List) and items",
    ]);
  });

  it("needs one folder per declared cluster, each with the time it was taken", () => {
    const dir = snapshot({
      "hz/objects.yaml": list(namespace("a")),
      "l4/taken-at": "yesterday\n",
      "l4/notes.txt": "captured by hand\n",
      "staging/taken-at": TAKEN,
    });
    expect(problems(dir, ["hz", "l4", "west"])).toEqual([
      "SNAP/staging: is not the folder of a declared cluster (hz, l4, west); a snapshot holds one folder per cluster, named after it",
      "SNAP/hz/taken-at: missing: the time the snapshot was taken (date -u +%Y-%m-%dT%H:%M:%SZ), so the evidence pack can say when it shows",
      'SNAP/l4/taken-at:1:1: must hold one UTC time written like 2026-11-27T08:30:00Z; got "yesterday"',
      "SNAP/l4/notes.txt: is not a snapshot file (.yaml, .yml or .json written by kubectl get -o yaml|json)",
      "SNAP/west: missing: every declared cluster needs its snapshot; capture cluster west with the README's command",
    ]);
  });
});

describe("the README's capture command", () => {
  it("is the one the live audit reads, kind for kind, and never asks for Secrets", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const commands = captureCommands("CLUSTER", "CONTEXT");
    expect(readme).toContain(`\`\`\`sh\n${commands.join("\n")}\n\`\`\``);
    const resources = commands[2].split(" get ")[1].split(" ")[0].split(",");
    // ExternalSecrets say where a Secret comes from, never what it holds; Secrets themselves are never asked for.
    expect(resources.filter((r) => /(^|\.)secrets?($|\.)/i.test(r) || /^secrets?$/i.test(r.split(".")[0]))).toEqual([]);
    expect(resources).toContain("externalsecrets.external-secrets.io");
    expect(resources).toHaveLength(SNAPSHOT_KINDS.length);
  });
});
