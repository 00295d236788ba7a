// Renders a wizard step as a labelled form and shows each validation finding next to its field.
import type { Finding } from "./generated/Finding";
import { getAt } from "./paths";
import type { Field, Step } from "./steps";

const inputType: Record<Field["kind"], string> = {
  text: "text",
  email: "email",
  url: "url",
  tel: "tel",
  date: "date",
  country: "text",
};

export function fieldId(path: string): string {
  return `field-${path.replace(/[^a-z0-9]+/gi, "-")}`;
}

/** Builds the form for `step`; `onInput` receives the field and its new text. */
export function renderStep(container: HTMLElement, step: Step, onInput: (field: Field, value: string) => void): void {
  const heading = document.createElement("h2");
  heading.textContent = step.title;
  const intro = document.createElement("p");
  intro.className = "step-intro";
  intro.textContent = step.intro;
  const form = document.createElement("form");
  form.noValidate = true;
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const field of step.fields) {
    const id = fieldId(field.path);
    const wrap = document.createElement("div");
    wrap.className = "field";
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = field.label;
    const input = document.createElement("input");
    input.id = id;
    input.name = field.path;
    input.type = inputType[field.kind];
    if (field.kind === "country") {
      input.maxLength = 2;
      input.autocapitalize = "characters";
    }
    const help = document.createElement("p");
    help.className = "help";
    help.id = `${id}-help`;
    help.textContent = field.help;
    const error = document.createElement("p");
    error.className = "finding";
    error.id = `${id}-finding`;
    error.setAttribute("aria-live", "polite");
    input.setAttribute("aria-describedby", `${help.id} ${error.id}`);
    input.addEventListener("input", () => onInput(field, input.value));
    wrap.append(label, input, help, error);
    form.append(wrap);
  }
  container.replaceChildren(heading, intro, form);
}

/** Puts the project's values into the step's inputs (after undo, redo or opening a project). */
export function fillStep(container: HTMLElement, step: Step, project: unknown): void {
  for (const field of step.fields) {
    const input = container.querySelector<HTMLInputElement>(`#${fieldId(field.path)}`);
    const value = getAt(project, field.path);
    const text = typeof value === "string" ? value : "";
    if (input && input.value !== text) input.value = text;
  }
}

/** Shows each finding under its field; findings for other steps are counted, not shown here. */
export function showFindings(container: HTMLElement, step: Step, findings: Finding[]): void {
  for (const field of step.fields) {
    const id = fieldId(field.path);
    const input = container.querySelector<HTMLInputElement>(`#${id}`);
    const slot = container.querySelector<HTMLElement>(`#${id}-finding`);
    const finding = findings.find((f) => f.field === field.path);
    if (slot) {
      slot.textContent = finding ? finding.message : "";
      slot.dataset.severity = finding ? finding.severity : "";
    }
    input?.setAttribute("aria-invalid", finding?.severity === "error" ? "true" : "false");
  }
}
