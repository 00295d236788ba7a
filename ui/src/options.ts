// Option lists keyed by the generated Rust enum types: a variant added in Rust without a label
// here fails `tsc`, instead of silently missing from the wizard.

/** The labels as [value, label] pairs, in the order written. */
export function choices<T extends string>(labels: Record<T, string>): Array<[T, string]> {
  // Object.keys cannot know the record's key type; every key of `labels` is a T by its type.
  return (Object.keys(labels) as T[]).map((k) => [k, labels[k]]);
}
