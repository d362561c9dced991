import { UsageError, type CommandContext } from "../command-context";

export function runConnectivity({ args }: CommandContext): number {
  if (args.length !== 1) throw new UsageError("connectivity takes one folder of manifests");
  throw new UsageError("connectivity is not wired yet");
}
