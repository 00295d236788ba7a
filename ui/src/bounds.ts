// The range of each number an owner types comes from the core (model/bounds.rs, written to
// ./generated/bounds.ts): the number boxes take their min and max from it, and the core's
// validation reports a number outside it beside the box (`number.out-of-range`).
import type { Bound } from "./generated/Bound";
import { bounds } from "./generated/bounds";

/** `data[3].retention.amount` → `data[*].retention.amount`, as the core names list items. */
export const boundPath = (path: string) => path.replace(/\[\d+\]/g, "[*]");

/** The core's range for the number at `path`; throws for a path the core gives none. */
export function boundFor(path: string): Bound {
  const found = bounds.find((b) => b.path === boundPath(path));
  if (!found) throw new Error(`the core gives ${path} no range: add it to model/bounds.rs`);
  return found;
}

/** The box's attributes: the browser flags a number outside them, and its arrows stay inside. */
export const numberAttrs = (bound: Bound) => ({ min: bound.min, max: bound.max, inputmode: "numeric" as const });

/** The answer stored for typed text: a whole number, kept even when out of range so the core's
 * finding can say what is allowed; only clamped to what the answer can hold (no negatives, no
 * more than 255 for an age), so the project stays readable. Undefined for empty or non-numbers. */
export function storedNumber(text: string, bound: Bound): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Math.round(Number(text));
  return Number.isFinite(n) ? Math.min(Math.max(n, 0), bound.holds) : undefined;
}
