import { join } from "node:path";
import { codeFingerprint } from "../../artifact/code-fingerprint";
import type { IsoDate } from "../../config/model/calendar";
import type { PlatformModel } from "../../config/model/platform-model";
import { prestartCheckHelper, type CandidateCheck, type CheckFactory } from "../../artifact/candidate-check";
import { DerivedStackStore } from "../../artifact/derived-stack-store";
import type { KeptClusterReport } from "../flows";
import { connectivityDigests } from "../flows/connectivity-resources";
import { decodeModel, encodeModel } from "../../config/model/model-transfer";
import { ArtifactReadError, convertStackDocument, readArtifact, type ArtifactProblem, type ConvertedStack } from "../export";
import { runChecks } from "../run-audit";
import { departmentStackName, isClustersStack, isPlatformStack } from "../../config/model/stack-names";

/**
 * The rule pack as a synthesis gate: run on the staged candidate output, its errors refuse the
 * synthesis (nothing is replaced); its warnings are handed to `warn`.
 *
 * A synthesis of some departments is checked on what it can change: those departments, the
 * departments they share data with, and the platform stacks, against the declaration restricted
 * to them. Every rule is per target or per cluster, so the others' verdicts cannot change; they
 * were checked when they were last synthesized. Expired waivers still refuse, wherever they are.
 * The stacks the synthesis hands over converted are not read again; one gate checks one synthesis.
 * A large synthesis runs the gate on a helper thread, made there by `rulePackGateOnHelper`.
 */
export function rulePackGate(
  model: PlatformModel,
  today: IsoDate,
  warn: (warnings: readonly string[]) => void,
  departments?: readonly string[],
): CandidateCheck {
  const scoped = departments ? scopeTo(model, departments) : model;
  const inScope = new Set(scoped.departments.map((d) => departmentStackName(d.name)));
  const checked = (name: string) => !departments || isPlatformStack(name) || isClustersStack(name) || inScope.has(name);
  // Each stack the synthesis parsed is converted as it is handed over, so its document can go;
  // what the synthesis kept of an unchanged stack is its conversion, handed back unparsed.
  let converted = new Map<string, ConvertedStack>();
  let connectivity = new Map<string, Readonly<Record<string, string>>>();
  return {
    perStack: {
      code: conversionCode(),
      derive: (name, document): GateStack => {
        const stack = convertStackDocument(name, document);
        return { converted: stack, connectivity: connectivityDigests(stack) };
      },
      take: (name, derived) => {
        if (!checked(name)) return;
        converted.set(name, (derived as GateStack).converted);
        connectivity.set(name, (derived as GateStack).connectivity);
      },
    },
    errors: (candidateOutdir, keptFolder) => {
      const [handedOver, digests] = [converted, connectivity];
      [converted, connectivity] = [new Map(), new Map()];
      const stacks = readArtifact(candidateOutdir, { includeStack: checked, converted: handedOver });
      const kept = keptFolder === undefined ? undefined : new DerivedStackStore<KeptClusterReport>(join(keptFolder, "flows"), proofCode());
      const options = { partial: departments !== undefined, kept, digestsOf: (stack: string) => digests.get(stack) };
      const { mlps } = runChecks(stacks, scoped, today, options);
      kept?.keepOnly(scoped.clusters.map((cluster) => cluster.name));
      warn(departments ? mlps.warnings.filter((w) => !/matches no finding/.test(w)) : mlps.warnings);
      return mlps.errors;
    },
    onThread: {
      module: __filename,
      factory: "rulePackGateOnHelper",
      setup: (): GateSetup => ({ model: encodeModel(model), today, departments }),
      warn,
      revive: (failure) => (failure.name === "ArtifactReadError" ? new ArtifactReadError(failure.fields.problems as ArtifactProblem[]) : undefined),
    },
  };
}

/**
 * Starts the helper thread of the gate ahead (`prestartCheckHelper`), while the declaration is
 * validated; its thread id. Given the folder where the gate keeps what it derives of each stack
 * (`CheckStoreLocation.folder`), the helper reads it meanwhile.
 */
export function prestartRulePackGate(derivations?: string): number {
  return prestartCheckHelper(__filename, derivations === undefined ? undefined : { folder: derivations, code: conversionCode() });
}

/** What the gate keeps of each stack's bytes: its conversion, and the digests its connectivity proof is recalled by. */
interface GateStack {
  readonly converted: ConvertedStack;
  readonly connectivity: Readonly<Record<string, string>>;
}

interface GateSetup {
  readonly model: unknown;
  readonly today: IsoDate;
  readonly departments?: readonly string[];
}

/** The gate `rulePackGate` describes, made on a helper thread from what it sent there. */
export const rulePackGateOnHelper: CheckFactory = (setup, warn) => {
  const { model, today, departments } = setup as GateSetup;
  return rulePackGate(decodeModel(model), today, warn, departments);
};

/** A digest of the code reachable from `entries`, made once: what is kept is as good as the code that made it. */
function fingerprintOnce(...entries: string[]): () => string {
  let fingerprint: string | undefined;
  return () => (fingerprint ??= entries.map((entry) => codeFingerprint(entry, join(__dirname, "..", ".."))).join(" "));
}

/** The code of what a synthesis keeps with each stack's bytes: the conversion and its connectivity digests. */
const conversionCode = fingerprintOnce(join(__dirname, "..", "export", "read-artifact.ts"), join(__dirname, "..", "flows", "connectivity-resources.ts"));
/** The code of a kept connectivity proof. */
const proofCode = fingerprintOnce(join(__dirname, "..", "flows", "verify-flows.ts"));

/**
 * The model of `departments` and their sharing partners, with every agreement of those: a
 * partner's policies for its other agreements are in its stack, so they stay declared (their far
 * ends are not loaded, and the proof leaves those flows out).
 */
function scopeTo(model: PlatformModel, departments: readonly string[]): PlatformModel {
  const synthesized = new Set(departments);
  // Partners of the synthesized departments only, not the partners' partners.
  const scope = new Set(departments);
  for (const a of model.sharingAgreements) {
    if (synthesized.has(a.provider.department) || synthesized.has(a.consumer.department)) {
      scope.add(a.provider.department);
      scope.add(a.consumer.department);
    }
  }
  return {
    ...model,
    departments: model.departments.filter((d) => scope.has(d.name)),
    sharingAgreements: model.sharingAgreements.filter((a) => scope.has(a.provider.department) || scope.has(a.consumer.department)),
  };
}
