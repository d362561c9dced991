/**
 * CPU, memory and storage as exact integers (millicores, bytes), so that sums over hundreds of
 * quotas never drift; conversion to cores and binary units happens only when text is rendered.
 */
export interface ResourceAmounts {
  /** Millicores. */
  readonly cpuMillis: number;
  /** Bytes. */
  readonly memoryBytes: number;
  /** Bytes. */
  readonly storageBytes: number;
}

/** One ratio per resource, unrounded (0.25 is 25 %). */
export interface ResourceRatios {
  readonly cpu: number;
  readonly memory: number;
  readonly storage: number;
}

export const NO_RESOURCES: ResourceAmounts = { cpuMillis: 0, memoryBytes: 0, storageBytes: 0 };

export function addAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  return { cpuMillis: a.cpuMillis + b.cpuMillis, memoryBytes: a.memoryBytes + b.memoryBytes, storageBytes: a.storageBytes + b.storageBytes };
}

export function subtractAmounts(a: ResourceAmounts, b: ResourceAmounts): ResourceAmounts {
  return { cpuMillis: a.cpuMillis - b.cpuMillis, memoryBytes: a.memoryBytes - b.memoryBytes, storageBytes: a.storageBytes - b.storageBytes };
}

export function sumAmounts(list: readonly ResourceAmounts[]): ResourceAmounts {
  return list.reduce(addAmounts, NO_RESOURCES);
}

/**
 * part ÷ whole per resource. A zero whole gives 0: the rules refuse quota on a cluster without
 * capacity, so the only zero whole is an empty platform, where every share is honestly nothing.
 */
export function ratioOf(part: ResourceAmounts, whole: ResourceAmounts): ResourceRatios {
  return {
    cpu: ratio(part.cpuMillis, whole.cpuMillis),
    memory: ratio(part.memoryBytes, whole.memoryBytes),
    storage: ratio(part.storageBytes, whole.storageBytes),
  };
}

export function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
