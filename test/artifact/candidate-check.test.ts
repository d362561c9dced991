import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkInThisThread, helperPays, prestartCheckHelper, startCandidateCheck, type CheckStoreLocation } from "../../artifact/candidate-check";
import { DerivedStackStore, documentDigest } from "../../artifact/derived-stack-store";
import { prestartRulePackGate, rulePackGate } from "../../audit/mlps/synthesis-check";
import { ArtifactReadError } from "../../audit/export";
import { EXAMPLE_TODAY, synthesizeExample } from "../stacks/example-artifact";

const example = synthesizeExample();
const stackNames = readdirSync(join(example.outdir, "stacks")).sort();
const documentOf = (stack: string) => join(example.outdir, "stacks", stack, "cdk.tf.json");

/** The rule pack gate run over the example's output as a synthesis runs it: every stack handed over, then the verdict. */
function verdict(helper: boolean, store?: CheckStoreLocation, digests: ReadonlyMap<string, string> = new Map()) {
  const warnings: string[] = [];
  const run = startCandidateCheck(rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), example.outdir, { helper, store });
  try {
    for (const stack of stackNames) run.stackReady(stack, digests.get(stack));
    run.candidateComplete();
    return { errors: run.errors(), warnings };
  } finally {
    run.close();
  }
}

describe("the candidate check as a synthesis runs it", () => {
  const inThisThread = verdict(false);

  it("gives on a helper thread the errors and warnings it gives in this thread", () => {
    expect(inThisThread.warnings.length).toBeGreaterThan(0);
    expect(verdict(true)).toEqual(inThisThread);
  });

  it("runs the check made on the helper, not the one made here", () => {
    const warnings: string[] = [];
    const gate = rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w));
    const calledHere = { derive: 0, errors: 0 };
    const watched = {
      ...gate,
      perStack: { ...gate.perStack!, derive: (stack: string, document: unknown) => (calledHere.derive++, gate.perStack!.derive(stack, document)) },
      errors: (candidate: string) => (calledHere.errors++, gate.errors(candidate)),
    };
    const run = startCandidateCheck(watched, example.outdir, { helper: true });
    try {
      for (const stack of stackNames) run.stackReady(stack);
      run.candidateComplete();
      expect({ errors: run.errors(), warnings }).toEqual(inThisThread);
    } finally {
      run.close();
    }
    expect(calledHere).toEqual({ derive: 0, errors: 0 });
  });

  it("gives its verdict when asked for it without being told the candidate is complete", () => {
    const warnings: string[] = [];
    const run = startCandidateCheck(rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), example.outdir, { helper: true });
    try {
      for (const stack of stackNames) run.stackReady(stack);
      expect({ errors: run.errors(), warnings }).toEqual(inThisThread);
    } finally {
      run.close();
    }
  });

  it("takes what it derived of a stack from its store by the stack's bytes, on either thread", () => {
    const store = { folder: join(mkdtempSync(join(tmpdir(), "checked-")), ".checked") };
    expect(verdict(true, store)).toEqual(inThisThread);
    expect(readdirSync(store.folder).sort()).toEqual(stackNames.map((stack) => `${stack}.json`));
    // Handed the digest the synthesis verified, a kept derivation is used without the stack's file being read.
    const digests = new Map(stackNames.map((stack) => [stack, documentDigest(readFileSync(documentOf(stack)))]));
    const stack = stackNames.find((name) => name.startsWith("dept-"))!;
    const original = readFileSync(documentOf(stack));
    writeFileSync(documentOf(stack), "not json");
    try {
      expect(verdict(false, store, digests)).toEqual(inThisThread);
      expect(verdict(true, store, digests)).toEqual(inThisThread);
      // Without the digest, the file is read, hashed and found not kept: parsed, it fails.
      expect(() => verdict(true, store)).toThrow(SyntaxError.name);
    } finally {
      writeFileSync(documentOf(stack), original);
    }
  });

  it("keeps each cluster's connectivity proof in its kept folder, and recalls it for the same input", () => {
    const cache = mkdtempSync(join(tmpdir(), "checked-"));
    const store = { folder: join(cache, ".checked"), kept: join(cache, ".check-kept") };
    expect(verdict(true, store)).toEqual(inThisThread);
    const proofs = join(store.kept, "flows");
    expect(readdirSync(proofs).sort()).toEqual(["secure-l4.json", "shared-hz.json"]);
    // The proof of a cluster no longer declared goes.
    writeFileSync(join(proofs, "retired-cluster.json"), "{}");
    expect(verdict(false, store)).toEqual(inThisThread);
    expect(readdirSync(proofs).sort()).toEqual(["secure-l4.json", "shared-hz.json"]);
    // A kept proof is what the verdict is made of: one saying a flow is missing fails the gate.
    const file = join(proofs, "shared-hz.json");
    const kept = JSON.parse(readFileSync(file, "utf8"));
    const difference = { cluster: "shared-hz", kind: "missing", src: "health-prod/portal[Deployment]", dst: "health-prod/db[StatefulSet]", ports: "TCP 1", detail: "kept" };
    const report = { ...kept.derived.report, differences: [difference] };
    writeFileSync(file, JSON.stringify({ ...kept, derived: { ...kept.derived, report } }));
    const recalled = "missing health-prod/portal[Deployment] => health-prod/db[StatefulSet] : TCP 1";
    expect(inThisThread.errors.join("\n")).not.toContain(recalled);
    expect(verdict(false, store).errors.join("\n")).toContain(recalled);
    expect(verdict(true, store).errors.join("\n")).toContain(recalled);
  });

  it("derives in this thread from the documents the synthesis parsed, without reading them again", () => {
    const warnings: string[] = [];
    const run = startCandidateCheck(rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), example.outdir, { helper: false });
    const originals = new Map(stackNames.map((stack) => [stack, readFileSync(documentOf(stack))]));
    try {
      for (const stack of stackNames) run.stackReady(stack);
      for (const [stack, bytes] of originals) {
        run.documentParsed(stack, JSON.parse(bytes.toString("utf8")));
        writeFileSync(documentOf(stack), "not json");
      }
      run.candidateComplete();
      expect({ errors: run.errors(), warnings }).toEqual(inThisThread);
    } finally {
      for (const [stack, bytes] of originals) writeFileSync(documentOf(stack), bytes);
    }
  });

  it("throws here the error the check threw on its helper, as the same kind of error", () => {
    const stack = stackNames.find((name) => name.startsWith("dept-"))!;
    const original = readFileSync(documentOf(stack));
    const broken = JSON.parse(original.toString("utf8"));
    broken.resource.kubernetes_unheard_of_v1 = { thing: { provider: "kubernetes.shared-hz" } };
    writeFileSync(documentOf(stack), JSON.stringify(broken));
    try {
      const failure = (helper: boolean) => {
        try {
          verdict(helper);
        } catch (e) {
          return e;
        }
        throw new Error("the check did not fail");
      };
      const here = failure(false);
      const there = failure(true);
      expect(here).toBeInstanceOf(ArtifactReadError);
      expect(there).toBeInstanceOf(ArtifactReadError);
      expect((there as Error).message).toBe((here as Error).message);
      expect((there as Error).message).toContain("resource type kubernetes_unheard_of_v1 has no conversion to a Kubernetes object");
    } finally {
      writeFileSync(documentOf(stack), original);
    }
  });
});

describe("when the check moves to a helper thread", () => {
  it("is once a large candidate's first 50 stacks come from the cache, or 400 of one of unknown size", () => {
    expect([helperPays(49, 1003), helperPays(50, 1003), helperPays(50, 400)]).toEqual([false, true, true]);
    // A province of 200 departments gains nothing from a helper (3.56 s either way).
    expect([helperPays(203, 203), helperPays(50, 399)]).toEqual([false, false]);
    expect([helperPays(399, undefined), helperPays(400, undefined)]).toEqual([false, true]);
  });
});

describe("a helper thread started ahead", () => {
  const inThisThread = verdict(false);

  /** The verdict of a run on a helper, and which helper thread gave it. */
  function onHelper() {
    const warnings: string[] = [];
    const run = startCandidateCheck(rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), example.outdir, { helper: true });
    try {
      for (const stack of stackNames) run.stackReady(stack);
      return { verdict: { errors: run.errors(), warnings }, thread: run.helperThread };
    } finally {
      run.close();
    }
  }

  it("is taken by the next run that wants a helper for its check, with the same verdict", () => {
    const thread = prestartRulePackGate();
    expect(onHelper()).toEqual({ verdict: inThisThread, thread });
    // Taken once: the next run starts its own.
    expect(onHelper().thread).not.toBe(thread);
  });

  it("reads the gate's store while it waits, and gives the same verdict from it", () => {
    const store = { folder: join(mkdtempSync(join(tmpdir(), "gate-preload-")), ".checked") };
    const digests = new Map(stackNames.map((stack) => [stack, documentDigest(readFileSync(documentOf(stack)))]));
    expect(verdict(false, store, digests)).toEqual(inThisThread);
    const thread = prestartRulePackGate(store.folder);
    const warnings: string[] = [];
    const run = startCandidateCheck(rulePackGate(example.model, EXAMPLE_TODAY, (w) => warnings.push(...w)), example.outdir, { helper: true, store });
    try {
      for (const stack of stackNames) run.stackReady(stack, digests.get(stack));
      expect({ errors: run.errors(), warnings, thread: run.helperThread }).toEqual({ ...inThisThread, thread });
    } finally {
      run.close();
    }
  });

  it("has its preloaded store used by the check it makes only when that is the check's own store, for the check's code", () => {
    const store = { folder: join(mkdtempSync(join(tmpdir(), "gate-preload-")), ".checked") };
    const digests = new Map(stackNames.map((stack) => [stack, documentDigest(readFileSync(documentOf(stack)))]));
    verdict(false, store, digests);
    // What was preloaded differs from the file afterwards: the verdict tells which one the check took.
    const victim = stackNames.find((stack) => stack.startsWith("dept-"))!;
    const file = join(store.folder, `${victim}.json`);
    const truth = readFileSync(file, "utf8");
    const tampered = JSON.parse(truth) as { derived: { converted: { resources: unknown[] } } };
    tampered.derived.converted.resources = [];
    writeFileSync(file, JSON.stringify(tampered));
    const gate = () => rulePackGate(example.model, EXAMPLE_TODAY, () => {});
    const preloadedFor = (folder: string, code: string) => {
      const preloaded = new DerivedStackStore<unknown>(folder, code);
      preloaded.preload();
      return preloaded;
    };
    const ours = preloadedFor(store.folder, gate().perStack!.code);
    const otherCode = preloadedFor(store.folder, "other code");
    writeFileSync(file, truth);
    const errorsWith = (preloaded: DerivedStackStore<unknown>) => {
      const run = checkInThisThread(gate(), example.outdir, store, preloaded);
      for (const stack of stackNames) run.stackReady(stack, digests.get(stack));
      return run.errors();
    };
    expect(errorsWith(ours)).not.toEqual(inThisThread.errors);
    expect(errorsWith(otherCode)).toEqual(inThisThread.errors);
  });

  it("is not taken for a check of another module: that run starts its own", () => {
    const thread = prestartCheckHelper(join(__dirname, "no-such-check.ts"));
    const run = onHelper();
    expect(run.verdict).toEqual(inThisThread);
    expect(run.thread).not.toBe(thread);
  });

  it("is stopped by a run that checks in this thread, and not taken later", () => {
    const thread = prestartRulePackGate();
    expect(verdict(false)).toEqual(inThisThread);
    expect(onHelper().thread).not.toBe(thread);
  });

  it("whose module cannot be loaded makes the run that takes it fail, saying why", () => {
    const module = join(__dirname, "no-such-check.ts");
    prestartCheckHelper(module);
    const gate = rulePackGate(example.model, EXAMPLE_TODAY, () => {});
    const run = startCandidateCheck({ ...gate, onThread: { ...gate.onThread!, module } }, example.outdir, { helper: true });
    try {
      for (const stack of stackNames) run.stackReady(stack);
      expect(() => run.errors()).toThrow(/candidate check on its helper thread failed: .*no-such-check/s);
    } finally {
      run.close();
    }
  });
});
