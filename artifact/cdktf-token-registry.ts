// cdktf keeps this registry private; the version is pinned exactly (package.json), and a test
// (test/artifact/cdktf-token-registry.test.ts) fails if its shape changes.
import { TokenMap } from "cdktf/lib/tokens/private/token-map";

interface TokenRegistry {
  readonly stringTokenMap: Map<string, unknown>;
  readonly numberTokenMap: Map<number, unknown>;
}

function registry(): TokenRegistry {
  return TokenMap.instance() as unknown as TokenRegistry;
}

/**
 * Runs `work` (building and synthesizing stacks), then forgets the tokens it registered. cdktf
 * registers every token it creates in one process-wide map and never removes any; a token holds
 * its construct, so through that map every App a process ever built stays in memory: about 9 MiB
 * per department stack, 9 GB for a province of a thousand, and the collector slowing as the heap
 * grows. Once `work` has written its stacks, nothing resolves their tokens again. Tokens that
 * existed before (created while modules loaded) are kept.
 */
export function releasingTokens<T>(work: () => T): T {
  const { stringTokenMap, numberTokenMap } = registry();
  const strings = stringTokenMap.size;
  const numbers = numberTokenMap.size;
  try {
    return work();
  } finally {
    forgetAfter(stringTokenMap, strings);
    forgetAfter(numberTokenMap, numbers);
  }
}

/** The number of tokens cdktf holds now (for tests). */
export function registeredTokens(): number {
  const { stringTokenMap, numberTokenMap } = registry();
  return stringTokenMap.size + numberTokenMap.size;
}

/** Deletes the entries added after the first `kept` (a Map iterates in insertion order). */
function forgetAfter<K>(map: Map<K, unknown>, kept: number): void {
  let index = 0;
  const added: K[] = [];
  for (const key of map.keys()) if (index++ >= kept) added.push(key);
  for (const key of added) map.delete(key);
}
