/**
 * Cross-cluster data sharing at the gateways, from the artifact: `verifySharingRoutes(stacks,
 * model)` checks that every provider service shared across clusters has a mutual-TLS route that
 * admits exactly its agreements' consumers; `gatewayAdmission(route, certificate)` says what the
 * gateway does with one client.
 */
export { gatewayAdmission, gatewayRoutes, presentedCertificates } from "./gateway-admission";
export type { Admission, GatewayRoute, PresentedCertificate } from "./gateway-admission";
export { verifySharingRoutes } from "./verify-sharing-routes";
export type { SharingRouteEntry, SharingRouteReport } from "./verify-sharing-routes";
export { checkAgreementExpiry } from "./agreement-expiry";
export type { AgreementExpiryFinding, AgreementExpiryReport } from "./agreement-expiry";
