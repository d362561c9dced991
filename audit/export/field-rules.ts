/**
 * The vocabulary of the conversion table: how one attribute of the Kubernetes provider's schema
 * becomes one field of a Kubernetes API object. A block lists only the attributes that need more
 * than the default: a scalar or a list of scalars not listed is renamed snake_case → camelCase and
 * kept as it is; an object or a list of objects not listed is reported as unmapped, because
 * guessing whether it is a map or a block would silently change the object.
 */

/** Attributes of one provider block, by their Terraform (snake_case) name. */
export interface Block {
  readonly [attribute: string]: FieldRule;
}

export type FieldRule =
  /** A scalar or list of scalars, renamed; `as` converts values the provider holds as strings. */
  | { readonly rule: "scalar"; readonly to?: string; readonly as?: ScalarConversion }
  /** A map attribute (labels, hard, requests, …): its keys are data and are kept as written. */
  | { readonly rule: "map"; readonly to?: string }
  /** A nested block that Kubernetes holds as one object (cdktf writes it as an object or a one-item list). */
  | { readonly rule: "object"; readonly to?: string; readonly block: Block }
  /** A repeated nested block that Kubernetes holds as a list, usually under a plural name. */
  | { readonly rule: "list"; readonly to?: string; readonly block: Block };

/**
 * - `int`: an integer the provider keeps as a string (`replicas`, `run_as_user`).
 * - `octal`: a file mode the provider keeps as an octal string (`"0644"`); the API wants the number.
 * - `int-or-string`: a port or count that is a number when numeric and a name or percentage otherwise.
 */
export type ScalarConversion = "int" | "octal" | "int-or-string";

export const int = (to?: string): FieldRule => ({ rule: "scalar", to, as: "int" });
export const octal = (to?: string): FieldRule => ({ rule: "scalar", to, as: "octal" });
export const intOrString = (to?: string): FieldRule => ({ rule: "scalar", to, as: "int-or-string" });
export const renamed = (to: string): FieldRule => ({ rule: "scalar", to });
export const map = (to?: string): FieldRule => ({ rule: "map", to });
export const one = (block: Block, to?: string): FieldRule => ({ rule: "object", to, block });
export const many = (block: Block, to?: string): FieldRule => ({ rule: "list", to, block });
