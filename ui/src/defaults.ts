// The data a newly ticked purpose starts with. Special-category data (GDPR Art. 9) is never
// linked by default: an owner links it to a purpose on purpose, so it cannot end up in
// marketing or analytics by leaving a default alone.
// TODO(after merge): start from the catalogue's per-purpose defaults once the core has them.
import type { Catalogues } from "./generated/Catalogues";
import type { CollectedData } from "./generated/CollectedData";
import type { Purpose } from "./generated/Purpose";

export function defaultCategories(_purpose: Purpose, data: readonly CollectedData[], catalogue: Catalogues): string[] {
  const special = new Set(catalogue.categories.filter((c) => c.gdpr_special).map((c) => c.id));
  return data.map((d) => d.category).filter((id) => !special.has(id));
}
