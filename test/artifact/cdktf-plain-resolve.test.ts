import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { App, Fn, Lazy, TerraformStack, Testing, Token } from "cdktf";
import { resolve as cdktfResolve } from "cdktf/lib/tokens/private/resolve";
import { DefaultTokenResolver, StringConcat } from "cdktf/lib/tokens/resolvable";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { resolveTakingShortCuts, resolvingPlainValuesDirectly } from "../../artifact/cdktf-plain-resolve";
import { buildStacks } from "../../artifact/stack-builder";
import { withPlainStackTraces } from "../../artifact/synthesize-platform";
import { readPlatformOrThrow } from "../../config/read-platform";
import { planStacks } from "../../stacks/govcloud-app";
import { EXAMPLE_CONFIG, PROJECT_ROOT, readTree } from "./example-project";
import { EXAMPLE_TODAY } from "../stacks/example-artifact";

/**
 * What a resolver gives for `value`, written out so that nothing a Terraform document could show
 * is lost in the comparison: undefined members and holes, -0, and the kind of each object.
 */
function outcome(resolve: (value: unknown) => unknown, value: unknown): { value?: unknown; error?: string } {
  try {
    return { value: shape(resolve(value)) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function shape(value: unknown): unknown {
  if (value === undefined) return "<undefined>";
  if (typeof value === "number") return Object.is(value, -0) ? "<-0>" : Number.isNaN(value) ? "<NaN>" : value;
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return `<Date ${value.getTime()}>`;
  if (Array.isArray(value)) return { array: Array.from({ length: value.length }, (_, i) => (i in value ? shape(value[i]) : "<hole>")) };
  return { object: Object.getPrototypeOf(value)?.constructor?.name ?? "null", entries: Object.keys(value).map((key) => [key, shape((value as Record<string, unknown>)[key])]) };
}

describe("resolving plain values directly, beside cdktf's resolver", () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, "tokens");
  const namespace = new NamespaceV1(stack, "namespace", { metadata: { name: "health-prod" } });
  // Every kind of token cdktf encodes: strings, numbers, lists, maps, lazies, functions, references.
  const tokens: unknown[] = [
    namespace.metadata.name,
    `prefix-${namespace.metadata.name}-suffix`,
    Token.asNumber(namespace.id),
    `${Token.asNumber(namespace.id)}`,
    `replicas ${Token.asNumber(Lazy.numberValue({ produce: () => 3 }))} here`,
    Token.asList(namespace.metadata.labels),
    Token.asList(Lazy.listValue({ produce: () => ["a", "b"] })),
    Token.asNumberList(Lazy.anyValue({ produce: () => [1, 2] })),
    Token.asStringMap(Lazy.anyValue({ produce: () => ({ a: "b" }) })),
    Token.asAnyMap(Lazy.anyValue({ produce: () => ({ a: 1 }) })),
    Lazy.stringValue({ produce: () => "lazy" }),
    Lazy.anyValue({ produce: () => ({ nested: [undefined, "x", { deeper: namespace.metadata.uid }] }) }),
    Fn.join("-", ["a", namespace.metadata.name]),
    Fn.lookup(Token.asAnyMap(namespace.metadata.labels), "app", "none"),
    { resolve: () => "an object with resolve" },
    new Date(0),
    Token.STRING_MAP_TOKEN_VALUE,
    Token.ANY_MAP_TOKEN_VALUE,
    Token.NUMBER_MAP_TOKEN_VALUE,
    () => "a function",
  ];
  // Plain values that look like tokens or numbers to cdktf's patterns, and are not.
  const lookalikes = [
    "${var.literal}",
    "${",
    "}",
    "sha256:3e5a0b1e2e3d4e5f60718293a4b5c6d7e8f90123456789abcdef0123456789ab",
    "1e5",
    "-1.8881545897087626e+289",
    "a-e-b",
    "TfToken",
    "#{not a token}",
    "&{TfToken[",
    "",
  ];
  const key = fc.oneof(fc.string(), fc.constantFrom(...lookalikes), fc.constantFrom("${TfToken[TOKEN.1]}", "&{TfToken[TOKEN.2]}"));
  const leaf = fc.oneof(
    fc.string(),
    fc.constantFrom(...lookalikes),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constantFrom(...tokens),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
    array: fc.array(tie("node"), { maxLength: 5 }),
    object: fc.dictionary(key, tie("node"), { maxKeys: 5 }),
  })).node;

  it("gives what cdktf's resolver gives, value or error, for any mix of plain values and tokens", () => {
    const options = (preparing: boolean) => ({ scope: stack, preparing, resolver: new DefaultTokenResolver(new StringConcat()), prefix: ["resource"] });
    fc.assert(
      fc.property(value, fc.boolean(), (generated, preparing) => {
        const ours = outcome((v) => resolveTakingShortCuts(v, options(preparing)), generated);
        const cdktfs = outcome((v) => cdktfResolve(v, options(preparing)), generated);
        expect(ours).toEqual(cdktfs);
      }),
      { numRuns: 3000 },
    );
  });

  it("refuses values nested deeper than cdktf allows, as cdktf does", () => {
    let deep: unknown = "leaf";
    for (let i = 0; i < 250; i++) deep = { level: deep };
    const options = { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) };
    expect(outcome((v) => resolveTakingShortCuts(v, options), deep)).toEqual(outcome((v) => cdktfResolve(v, options), deep));
    expect(outcome((v) => resolveTakingShortCuts(v, options), deep).error).toMatch(/circular/i);
  });

  it("synthesizes a stack with references, functions and escapes to the same document", () => {
    const synthesize = () => {
      const app = Testing.app();
      const stack = new TerraformStack(app, "same");
      const namespace = new NamespaceV1(stack, "namespace", { metadata: { name: "health-prod", labels: { "govcloud/level": "3" } } });
      new ConfigMapV1(stack, "config", {
        metadata: { name: "settings", namespace: namespace.metadata.name },
        data: { joined: Fn.join(",", ["a", namespace.metadata.name]), literal: "${not.a.reference}", digest: "sha256:3e5a0b1e" },
      });
      return Testing.synth(stack);
    };
    const plain = synthesize();
    expect(resolvingPlainValuesDirectly(synthesize)).toBe(plain);
    expect(plain).toContain("${kubernetes_namespace_v1.namespace.metadata[0].name}");
  });

  it("is in place only while its work runs", () => {
    const installed = require("cdktf/lib/tokens/private/resolve").resolve;
    resolvingPlainValuesDirectly(() => expect(require("cdktf/lib/tokens/private/resolve").resolve).toBe(resolveTakingShortCuts));
    expect(require("cdktf/lib/tokens/private/resolve").resolve).toBe(installed);
    expect(() => resolvingPlainValuesDirectly(() => {
      throw new Error("work failed");
    })).toThrow("work failed");
    expect(require("cdktf/lib/tokens/private/resolve").resolve).toBe(installed);
  });

  it("writes every stack of the example province byte for byte as cdktf alone does, every value through the short cut", () => {
    const model = readPlatformOrThrow(EXAMPLE_CONFIG, { today: EXAMPLE_TODAY });
    const where = mkdtempSync(join(tmpdir(), "govcloud-plain-resolve-"));
    try {
      const plans = planStacks(model, { outdir: join(where, "cdktf.out"), projectRoot: PROJECT_ROOT });
      // cdktf alone: each plan in an App of its own, synthesized without the short cut.
      withPlainStackTraces(() => {
        for (const plan of plans) {
          const app = new App({ outdir: join(where, "cdktf-alone"), skipValidation: false });
          plan.build(app, plan.inputs);
          app.synth();
        }
      });
      // cdktf's own resolver, as Tokenization calls it: building with the short cut never calls it (every value goes through the short cut first).
      const cdktfResolver = require("cdktf/lib/tokens/private/resolve") as { resolve: (...args: unknown[]) => unknown };
      const direct = jest.spyOn(cdktfResolver, "resolve");
      try {
        withPlainStackTraces(() => buildStacks(plans, join(where, "built"), {}));
        expect(direct).not.toHaveBeenCalled();
      } finally {
        direct.mockRestore();
      }
      const alone = readTree(join(where, "cdktf-alone", "stacks"));
      expect(alone.size).toBe(2 * plans.length);
      expect(readTree(join(where, "built", "stacks"))).toEqual(alone);
    } finally {
      rmSync(where, { recursive: true, force: true });
    }
  });
});
