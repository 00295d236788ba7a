// Retention choices that are not typed: the common fixed periods, and "Same as …", which copies
// another category's answer (the project keeps one answer per category, so a copy is what the
// policy states; changing the original later does not change the copy).
import type { CollectedData } from "../generated/CollectedData";
import type { Retention } from "../generated/Retention";
import type { RetentionUnit } from "../generated/RetentionUnit";

export interface CommonPeriod {
  id: string;
  label: string;
  amount: number;
  unit: RetentionUnit;
}

export const commonPeriods: CommonPeriod[] = [
  { id: "30-days", label: "30 days", amount: 30, unit: "days" },
  { id: "90-days", label: "90 days", amount: 90, unit: "days" },
  { id: "6-months", label: "6 months", amount: 6, unit: "months" },
  { id: "1-years", label: "1 year", amount: 1, unit: "years" },
  { id: "2-years", label: "2 years", amount: 2, unit: "years" },
  { id: "3-years", label: "3 years", amount: 3, unit: "years" },
  { id: "6-years", label: "6 years", amount: 6, unit: "years" },
  { id: "7-years", label: "7 years", amount: 7, unit: "years" },
  { id: "10-years", label: "10 years", amount: 10, unit: "years" },
];

/** The retention a "Kept for" choice gives: a fresh answer of a kind, a copy of another
 * category's ("same:<category>"), or null for "not decided yet". */
export function retentionFor(choice: string, data: readonly CollectedData[]): Retention | null {
  if (choice.startsWith("same:")) {
    const source = data.find((d) => d.category === choice.slice(5))?.retention;
    return source ? structuredClone(source) : null;
  }
  switch (choice) {
    case "period":
      return { kind: "period", amount: 1, unit: "years" };
    case "until-account-closed":
      return { kind: "until-account-closed", grace_days: 30 };
    case "criteria":
      return { kind: "criteria", description: "" };
    default:
      return null;
  }
}
