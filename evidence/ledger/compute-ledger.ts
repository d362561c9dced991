import type { ArtifactStack } from "../../audit/export";
import type { PlatformModel } from "../../config/model/platform-model";
import { allocatedQuotas } from "./allocated-quotas";
import { clusterAllocations } from "./cluster-allocation";
import { departmentShowback } from "./department-showback";
import { infrastructureAvoided } from "./infrastructure-avoided";
import type { Ledger } from "./ledger";
import { DEFAULT_LEDGER_PARAMETERS, type LedgerParameters } from "./ledger-parameters";
import { localizationRate } from "./localization-rate";
import { sumAmounts } from "./resource-amounts";

/**
 * The consolidation ledger of a platform. Quotas come from the artifact (`readArtifact`), as
 * Terraform applies them; capacity, node pools and overcommit from the model, which alone
 * declares them; the standalone-cluster shape from `parameters` (`readLedgerParameters`).
 */
export function computeLedger(
  model: PlatformModel,
  stacks: readonly ArtifactStack[],
  parameters: LedgerParameters = DEFAULT_LEDGER_PARAMETERS,
): Ledger {
  const quotas = allocatedQuotas(stacks);
  const allocated = sumAmounts(quotas.map((q) => q.amounts));
  const departments = departmentShowback(model, quotas, allocated);
  return {
    platform: { name: model.name, displayName: model.displayName },
    overcommit: { cpu: model.overcommit.cpu, memory: model.overcommit.memory },
    clusters: clusterAllocations(model, quotas),
    allocated,
    departments,
    infrastructure: infrastructureAvoided(model, departments, parameters),
    localization: localizationRate(model),
  };
}
