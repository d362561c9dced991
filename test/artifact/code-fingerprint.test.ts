import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { codeFingerprint } from "../../artifact/code-fingerprint";

describe("the code fingerprint of a synthesis", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "govcloud-code-"));
    mkdirSync(join(root, "stacks"));
    mkdirSync(join(root, "node_modules", "cdktf"), { recursive: true });
    writeFileSync(join(root, "stacks", "app.ts"), 'import { App } from "cdktf";\nimport { part } from "./part";\nexport const x = part;\n');
    writeFileSync(join(root, "stacks", "part.ts"), "export const part = 1;\n");
    writeFileSync(join(root, "stacks", "unrelated.ts"), "export const other = 1;\n");
    writeFileSync(join(root, "node_modules", "cdktf", "package.json"), '{"version":"0.21.0"}');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const fingerprint = () => codeFingerprint(join(root, "stacks", "app.ts"), root);

  it("changes with any source file the entry imports, directly or not, and with an imported package's version", () => {
    const before = fingerprint();
    expect(fingerprint()).toBe(before);
    writeFileSync(join(root, "stacks", "part.ts"), "export const part = 2;\n");
    const afterSource = fingerprint();
    expect(afterSource).not.toBe(before);
    writeFileSync(join(root, "node_modules", "cdktf", "package.json"), '{"version":"0.21.1"}');
    expect(fingerprint()).not.toBe(afterSource);
  });

  it("does not change with a file the entry does not import", () => {
    const before = fingerprint();
    writeFileSync(join(root, "stacks", "unrelated.ts"), "export const other = 2;\n");
    expect(fingerprint()).toBe(before);
  });
});
