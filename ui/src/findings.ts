// Puts validation findings where the owner will see them: under the field they name when the
// step shows that field, otherwise in the list at the top of the step that asks the question.
import { idFor } from "./dom";
import type { Finding } from "./generated/Finding";
import { type Step, stepFor } from "./steps";

/** A finding as the owner reads it: what is wrong, then how to fix it. */
export const findingText = (f: Finding): string => [f.message, f.fix].filter(Boolean).join(" ");

export function showFindings(container: HTMLElement, step: Step, findings: Finding[]): void {
  for (const slot of Array.from(container.querySelectorAll<HTMLElement>(".finding"))) {
    slot.textContent = "";
    slot.dataset.severity = "";
  }
  for (const input of Array.from(container.querySelectorAll("[aria-invalid]"))) input.setAttribute("aria-invalid", "false");
  const unplaced: Finding[] = [];
  for (const f of findings) {
    if (stepFor(f.field) !== step) continue;
    const id = `field-${idFor(f.field)}`;
    const slot = container.querySelector<HTMLElement>(`#${id}-finding`);
    if (!slot || slot.textContent) {
      unplaced.push(f);
      continue;
    }
    slot.textContent = findingText(f);
    slot.dataset.severity = f.severity;
    if (f.severity === "error") container.querySelector(`#${id}`)?.setAttribute("aria-invalid", "true");
  }
  const list = container.querySelector<HTMLElement>("#step-findings");
  if (!list) return;
  list.replaceChildren(
    ...unplaced.map((f) => {
      const p = document.createElement("p");
      p.className = "finding";
      p.dataset.severity = f.severity;
      p.textContent = findingText(f);
      return p;
    }),
  );
}
