import { didYouMean } from "../declaration/did-you-mean";
import { error, type Problem } from "../declaration/problem";
import { DEFAULT_DATA_CLASSES } from "../schema/platform";
import type { DeclarationRule } from "./rule";

/** Data classes in force: the platform's declaration over the defaults. */
export function dataClassLevels(declared: Readonly<Record<string, number>>): Record<string, number> {
  return { ...DEFAULT_DATA_CLASSES, ...declared };
}

/** A service's data may only live at or above the level its class requires. */
export const dataClasses: DeclarationRule = ({ platform, departments }) => {
  const problems: Problem[] = [];
  const classes = dataClassLevels(platform.data.dataClasses);
  const known = Object.keys(classes).sort().join(", ");
  for (const department of departments) {
    department.data.environments.forEach((env, ei) => {
      env.services.forEach((service, si) => {
        if (service.name === undefined) return; // a service without a valid name: its name's problem is reported
        const at = ["environments", ei, "services", si, "dataClass"];
        if (service.dataClass === undefined) return;
        const minimum = classes[service.dataClass];
        if (minimum === undefined) {
          problems.push(error(department.file, at, `unknown data class "${service.dataClass}"${didYouMean(service.dataClass, Object.keys(classes))}; known classes: ${known}`));
        } else if (env.level !== undefined && env.level < minimum) {
          // Reported on the environment's level, which is what has to change in most cases.
          problems.push(error(department.file, ["environments", ei, "level"], `level ${minimum} data '${service.dataClass}' cannot live at level ${env.level}: service "${service.name}" holds it; raise the environment to level ${minimum} or reclassify the data`));
        }
      });
    });
  }
  return problems;
};
