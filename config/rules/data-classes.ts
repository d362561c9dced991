import { didYouMean } from "../declaration/did-you-mean";
import { error, type Problem } from "../declaration/problem";
import { dataClassesOf, effectiveDataClass } from "../model/data-class";
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
        if (service.dataClass === undefined) return;
        const at = ["environments", ei, "services", si, "dataClass"];
        const declared = dataClassesOf(service.dataClass);
        declared.forEach((name, ci) => {
          if (classes[name] !== undefined) return;
          const field = typeof service.dataClass === "string" ? at : [...at, ci];
          problems.push(error(department.file, field, `unknown data class "${name}"${didYouMean(name, Object.keys(classes))}; known classes: ${known}`));
        });
        if (declared.some((name) => classes[name] === undefined)) return;
        const effective = effectiveDataClass(service.dataClass, classes);
        const minimum = classes[effective];
        if (env.level !== undefined && env.level < minimum) {
          const combined = declared.length > 1 ? ` (the highest of ${declared.join(", ")})` : "";
          // Reported on the environment's level, which is what has to change in most cases.
          problems.push(error(department.file, ["environments", ei, "level"], `level ${minimum} data '${effective}'${combined} cannot live at level ${env.level}: service "${service.name}" holds it; raise the environment to level ${minimum} or reclassify the data`));
        }
      });
    });
  }
  return problems;
};
