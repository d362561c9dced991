/**
 * What Terraform waits for while it applies a template, decided once for every template, from
 * the hashicorp/kubernetes provider 2.38 source:
 *
 * - Deployments and StatefulSets: `wait_for_rollout` defaults to true and the provider records the
 *   object in state before it waits (10 minutes); a rollout that cannot finish (a Secret or image
 *   not there yet, a full node pool) then fails the apply and leaves the object tainted, and a
 *   tainted StatefulSet under `prevent_destroy` blocks every later plan of its stack. Nothing
 *   outside the workload depends on its rollout, so the apply does not wait; readiness is the
 *   probes' and the controllers' job, and `kubectl rollout status` reports it.
 * - Standalone claims (backup volumes): `wait_until_bound` defaults to true, and a claim on a
 *   `WaitForFirstConsumer` storage class binds only when its first pod runs, so it is false.
 * - Services: `wait_for_load_balancer` waits only for `type: LoadBalancer`, which tenants never get
 *   (ClusterIP only; the admission policies refuse LoadBalancer); Ingresses: no default wait.
 * - Namespaces (`wait_for_default_service_account`) and CronJobs have no wait by default; service
 *   accounts wait for a token Secret only on Kubernetes before 1.24, below the platform's 1.30.
 */
export const APPLY_WAITS = {
  waitForRollout: false,
  waitUntilBound: false,
} as const;
