import { LABEL, MANAGED_LABELS, zoneOfLevel } from "../labels";
import { MAX_LABEL_VALUE, type WorkloadTemplateProps } from "./workload-props";

type LabelledWorkload = Pick<WorkloadTemplateProps, "department" | "environment" | "service" | "level" | "dataClass">;

/**
 * The labels of every object a template creates: the recommended `app.kubernetes.io/*` set and
 * the platform's own. `name` is the application name (the service, or `<service>-backup` for a
 * service's backup job); `govcloud/service` is always the declared service, so a helper is
 * traced to its service. What selects a service's own pods (Services, network flows) uses
 * {@link selectorLabels}, which a helper never matches.
 */
export function workloadLabels(props: LabelledWorkload, component: string, name: string = props.service): Record<string, string> {
  return {
    ...MANAGED_LABELS,
    [LABEL.name]: name,
    [LABEL.instance]: stableLabelValue(`${props.department}-${props.environment}-${name}`),
    [LABEL.component]: component,
    [LABEL.department]: props.department,
    [LABEL.environment]: props.environment,
    [LABEL.level]: String(props.level),
    [LABEL.zone]: zoneOfLevel(props.level),
    [LABEL.dataClass]: props.dataClass,
    [LABEL.service]: props.service,
  };
}

/**
 * What controllers, Services and budgets select pods by: labels that never change for the life
 * of the workload (a selector change would force Terraform to replace it).
 */
export function selectorLabels(props: Pick<WorkloadTemplateProps, "service">, name: string = props.service): Record<string, string> {
  return { [LABEL.service]: props.service, [LABEL.name]: name };
}

/** The value itself when it fits a label, else its head and a stable hash of the whole, so distinct values stay distinct. */
export function stableLabelValue(value: string): string {
  if (value.length <= MAX_LABEL_VALUE) return value;
  const hash = fnv1a(value).toString(16).padStart(8, "0");
  const head = value.slice(0, MAX_LABEL_VALUE - hash.length - 1).replace(/[^a-zA-Z0-9]+$/, "");
  return `${head}-${hash}`;
}

function fnv1a(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}
