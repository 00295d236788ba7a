// Where each finding is shown: beside the field it names, or beside the nearest field that holds
// it (`vendors.custom[0].locations[1]` lands on `vendors.custom[0].locations`), or beside the
// first field of the group it names, or, when the step shows no such field, in the list at the
// top of the step that asks the question.
import type { Finding } from "./generated/Finding";
import { type Step, stepFor, steps } from "./steps";

/** Optional groups of answers (a DPO's name and email): a finding about one has no field of its own. */
const groups = new Set(steps.flatMap((s) => s.blocks.flatMap((b) => b.fields ?? [])).flatMap((f) => (f.group ? [f.group] : [])));

/** The path one level up: `a.b[2].c` → `a.b[2]` → `a.b` → `a`; "" at the top. */
export function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
  return cut <= 0 ? "" : path.slice(0, cut);
}

/** The shown field a finding at `path` belongs to: the field itself or the nearest one holding
 * it; for a group of answers with no field of its own (`organisation.dpo`), its first field. */
export function slotFor(path: string, shown: ReadonlySet<string>): string | null {
  for (let p = path; p !== ""; p = parentPath(p)) {
    if (shown.has(p)) return p;
    // A finding inside an optional group the wizard does not ask in full (a DPO's address from
    // a hand-edited file) shows beside the group's first field.
    if (groups.has(p)) for (const s of shown) if (s.startsWith(`${p}.`)) return s;
  }
  return null;
}

export interface Placement {
  /** Findings by the path of the field that shows them. */
  byField: Map<string, Finding[]>;
  /** Findings of this step that no shown field holds. */
  unplaced: Finding[];
}

export function place(findings: readonly Finding[], step: Step, shown: ReadonlySet<string>): Placement {
  const byField = new Map<string, Finding[]>();
  const unplaced: Finding[] = [];
  for (const f of findings) {
    if (stepFor(f.field) !== step) continue;
    const slot = slotFor(f.field, shown);
    if (slot === null) unplaced.push(f);
    else byField.set(slot, [...(byField.get(slot) ?? []), f]);
  }
  return { byField, unplaced };
}

/** A finding as the owner reads it: what is wrong, then how to fix it. */
export const findingText = (f: Finding): string => [f.message, f.fix].filter(Boolean).join(" ");
