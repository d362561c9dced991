import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConnectivityInputError, analyzeManifestFolder } from "../../../audit/connectivity";

describe("reading a manifest folder", () => {
  let dir: string;
  const write = (relative: string, text: string) => {
    const path = join(dir, relative);
    mkdirSync(join(path, ".."), { recursive: true });
    writeFileSync(path, text);
  };
  const rejection = () => {
    try {
      analyzeManifestFolder(dir);
    } catch (error) {
      expect(error).toBeInstanceOf(ConnectivityInputError);
      return error as ConnectivityInputError;
    }
    throw new Error("expected a ConnectivityInputError");
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "connectivity-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("reads .yaml, .yml and .json recursively, multi-document, and ignores other files and kinds", () => {
    write("a.yaml", "kind: Pod\nmetadata: {name: p1}\n---\nkind: Service\nmetadata: {name: s}\n---\n");
    write("nested/deeper/b.yml", "kind: Deployment\nmetadata: {name: d, namespace: x}\nspec: {template: {metadata: {labels: {app: d}}}}\n");
    write("c.json", JSON.stringify({ kind: "PodList", items: [{ metadata: { name: "p2", namespace: "y" } }] }));
    write("notes.txt", "kind: Pod\nmetadata: {name: ignored}\n");
    const names = analyzeManifestFolder(dir).workloads.map((w) => `${w.namespace}/${w.name}[${w.kind}]`);
    expect(names).toEqual(["default/p1[Pod]", "y/p2[Pod]", "x/d[Deployment]"]);
  });

  it("reports malformed YAML and JSON of every file with file, line and column", () => {
    write("pods.yaml", "kind: Pod\nmetadata:\n  name: a\n  labels: {app: x\n");
    write("dup.yml", "kind: Pod\nmetadata:\n  name: d\n  name: e\n");
    write("list.json", '{"kind": "PodList",\n "items": [],}');
    const error = rejection();
    expect(error.problems.map((p) => `${p.file.slice(dir.length + 1)}:${p.line}:${p.column}`)).toEqual(["dup.yml:4:3", "list.json:2:14", "pods.yaml:5:1"]);
    expect(error.message).toContain(`${join(dir, "dup.yml")}:4:3: invalid YAML: Map keys must be unique`);
    expect(error.message).toContain(`${join(dir, "list.json")}:2:14: invalid JSON: `);
  });

  it("points a problem at the line of the field, inside lists too", () => {
    write(
      "policies.yaml",
      [
        "kind: NetworkPolicyList",
        "items:",
        "- metadata: {name: p, namespace: n}",
        "  spec:",
        "    podSelector: {}",
        "    egress:",
        "    - to:",
        "      - ipBlock: {cidr: 10.0.0.0/40}",
      ].join("\n"),
    );
    expect(rejection().message).toBe(
      `the manifests cannot be analyzed (1 problem):\n  ${join(dir, "policies.yaml")}:8:25: NetworkPolicy n/p: spec.egress[0].to[0].ipBlock.cidr: '10.0.0.0/40' is not a valid CIDR (expected an address and a prefix length, such as 10.0.0.0/8)`,
    );
  });

  it("refuses a path that is not a directory", () => {
    expect(() => analyzeManifestFolder(join(dir, "missing"))).toThrow(`the manifests cannot be analyzed (1 problem):\n  ${join(dir, "missing")}: is not a directory`);
  });
});
