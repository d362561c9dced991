import { analyzeManifestFolder, CONNECTIVITY_FORMATS, ConnectivityInputError, formatConnectivity, type ConnectivityFormat } from "../../audit/connectivity";
import { UsageError, type CommandContext } from "../command-context";

/** `govcloud connectivity <dir>`: the connections NetworkPolicies allow between any manifests' workloads. */
export function runConnectivity({ args, options, io }: CommandContext): number {
  if (args.length !== 1) throw new UsageError("connectivity takes one folder of manifests");
  if (!(CONNECTIVITY_FORMATS as readonly string[]).includes(options.format)) {
    throw new UsageError(`--format must be one of ${CONNECTIVITY_FORMATS.join(", ")}; got "${options.format}"`);
  }
  try {
    const result = analyzeManifestFolder(args[0]);
    const text = formatConnectivity(result, options.format as ConnectivityFormat);
    io.out(text === "" ? "" : `${text}\n`);
    return 0;
  } catch (e) {
    if (e instanceof ConnectivityInputError) {
      io.err(`govcloud: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
