/**
 * The Secrets the artifact's pods read, and what provides each: `verifySecretReads(stacks)`
 * fails on a read that no ExternalSecret, cert-manager Certificate or listed prerequisite
 * covers; `govcloud secrets`, the preflight and the evidence pack show its entries.
 */
export { artifactSecretReads, type ArtifactSecretRead } from "./secret-reads";
export { providedSecrets, type ProvidedSecret, type SecretProvider } from "./secret-sources";
export { verifySecretReads, type SecretEntry, type SecretReport } from "./verify-secret-reads";
export { formatSecrets, keysText, provisionText, secretsJson } from "./format-secrets";
