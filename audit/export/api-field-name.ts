/**
 * Kubernetes spells initialisms in capitals after the first word (`clusterIP`, `hostPID`,
 * `nonResourceURLs`, `volumeID`), so a plain snake_case → camelCase would produce fields the API
 * silently ignores.
 */
const INITIALISMS: Readonly<Record<string, string>> = {
  ip: "IP",
  ips: "IPs",
  pid: "PID",
  ipc: "IPC",
  url: "URL",
  urls: "URLs",
  uri: "URI",
  uuid: "UUID",
  id: "ID",
  fqdn: "FQDN",
  cidr: "CIDR",
  cidrs: "CIDRs",
};

/** The API field name of a provider attribute: `run_as_user` → `runAsUser`, `cluster_ip` → `clusterIP`. */
export function apiFieldName(attribute: string): string {
  const [first, ...rest] = attribute.split("_");
  return first + rest.map((word) => INITIALISMS[word] ?? word.charAt(0).toUpperCase() + word.slice(1)).join("");
}
