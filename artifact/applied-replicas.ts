import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimImport } from "../config/model/claim-imports";
import type { PlatformModel } from "../config/model/platform-model";

/**
 * The model, with the replicas each store had in the output being replaced, for the stores whose
 * claims the StatefulSet made and Terraform now imports (`ClaimImport`). Only the claims of those
 * replicas exist in the cluster: importing one that does not exist fails the plan ("Cannot import
 * non-existent remote object"), so a replica added in the same synthesis gets its claim created.
 * Without a previous output the model is returned as it is.
 */
export function withAppliedReplicas(model: PlatformModel, previousOutdir: string | undefined): PlatformModel {
  if (!previousOutdir || ![...model.claimImports.values()].some((plan) => "madeByStatefulSet" in plan)) return model;
  const documents = new Map<string, StackDocument | undefined>();
  const stackDocument = (stack: string) => {
    if (!documents.has(stack)) {
      const path = join(previousOutdir, "stacks", stack, "cdk.tf.json");
      documents.set(stack, existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as StackDocument) : undefined);
    }
    return documents.get(stack);
  };
  const claimImports = new Map<string, ClaimImport>();
  for (const [key, plan] of model.claimImports) {
    const entry = model.statefulLock.entries.find((e) => e.key === key && e.kind === "service");
    const statefulSet = entry?.resources.find((address) => address.startsWith("kubernetes_stateful_set_v1."));
    const replicas = "madeByStatefulSet" in plan && entry && statefulSet ? replicasOf(stackDocument(entry.stack), statefulSet) : undefined;
    claimImports.set(key, replicas === undefined ? plan : { madeByStatefulSet: true, appliedReplicas: replicas });
  }
  return { ...model, claimImports };
}

interface StackDocument {
  resource?: Record<string, Record<string, { spec?: unknown }>>;
}

function replicasOf(document: StackDocument | undefined, address: string): number | undefined {
  const [type, name] = address.split(".");
  const spec = document?.resource?.[type]?.[name]?.spec;
  const replicas = (Array.isArray(spec) ? spec[0] : spec)?.replicas;
  const count = Number(replicas);
  return replicas !== undefined && Number.isInteger(count) && count >= 0 ? count : undefined;
}
