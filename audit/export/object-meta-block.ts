import { type Block, many, map } from "./field-rules";

/** `metadata` of every provider resource: labels and annotations are maps whose keys are data. */
export const OBJECT_META: Block = {
  labels: map(),
  annotations: map(),
};

/** A label selector (`selector`, `pod_selector`, `namespace_selector`, `label_selector`, …). */
export const LABEL_SELECTOR: Block = {
  match_labels: map(),
  match_expressions: many({}),
};
