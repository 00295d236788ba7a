// Where each step stands, for the step list: answers to fix or check (from the findings), not
// started yet (nothing the step asks differs from a blank project), or done.

import { sameAnswers } from "./draft";
import type { Finding } from "./generated/Finding";
import type { Project } from "./generated/Project";
import { getAt } from "./paths";
import { type Step, stepFor, steps } from "./steps";

export type StepState = { kind: "fix"; count: number } | { kind: "check"; count: number } | { kind: "not-started" } | { kind: "done" };

/** True when any answer the step owns differs from the blank project's. */
export function started(step: Step, project: Project, blank: Project): boolean {
  const same = (a: unknown, b: unknown) => sameAnswers(a ?? null, b ?? null);
  return step.owns.some((owned) => {
    const [base, rest] = owned.split("[*].");
    if (rest === undefined) return !same(getAt(project, base), getAt(blank, base));
    const items = getAt(project, base);
    return Array.isArray(items) && items.some((item) => getAt(item, rest) !== undefined);
  });
}

/** Errors and warnings per step id, from the findings alone (the step list keeps this between
 * keystrokes that change no finding: it is the costly part on a large project). */
export type FindingCounts = Map<string, { errors: number; warnings: number }>;

export function findingCounts(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = new Map();
  for (const f of findings) {
    const id = stepFor(f.field).id;
    const c = counts.get(id) ?? { errors: 0, warnings: 0 };
    if (f.severity === "error") c.errors++;
    else c.warnings++;
    counts.set(id, c);
  }
  return counts;
}

export function stepStates(findings: Finding[] | FindingCounts, project: Project, blank: Project): Map<string, StepState> {
  const counts = findings instanceof Map ? findings : findingCounts(findings);
  const states = new Map<string, StepState>();
  // The review has nothing of its own to start: a blank project has nothing to review yet.
  const review = steps[steps.length - 1];
  const anyStarted = steps.some((s) => s !== review && started(s, project, blank));
  for (const step of steps) {
    const c = counts.get(step.id);
    states.set(
      step.id,
      c?.errors
        ? { kind: "fix", count: c.errors }
        : c?.warnings
          ? { kind: "check", count: c.warnings }
          : (step === review ? anyStarted : started(step, project, blank))
            ? { kind: "done" }
            : { kind: "not-started" },
    );
  }
  return states;
}

/** The line under the step list: complete only when no step has anything to fix, check or start. */
export function progressLine(states: Map<string, StepState>): string {
  const all = [...states.values()];
  const count = (kind: StepState["kind"]) => all.filter((st) => st.kind === kind).length;
  const [fix, check, notStarted] = [count("fix"), count("check"), count("not-started")];
  if (fix === 0 && notStarted === 0 && check === 0) return "Every step has what the policy needs.";
  const complete = `${all.length - fix - notStarted} of ${all.length} steps complete.`;
  return check === 0 ? complete : `${complete} ${check} with points worth checking.`;
}

export function badge(state: StepState): string {
  switch (state.kind) {
    case "fix":
      return `${state.count} to fix`;
    case "check":
      return `${state.count} to check`;
    case "not-started":
      return "not started";
    case "done":
      return "done";
  }
}
