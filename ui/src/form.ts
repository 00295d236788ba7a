// Draws a wizard step from its data (steps.ts) and the current answers, and turns input into
// edits. A step is drawn again whenever its layout depends on an answer (a box ticked, a row
// added, undo); typing in a text box only edits, so focus and caret stay where they are.
import { el, idFor } from "./dom";
import type { Catalogues } from "./generated/Catalogues";
import type { Finding } from "./generated/Finding";
import type { Project } from "./generated/Project";
import { getAt, setAt } from "./paths";
import type { Field, Step } from "./steps";
import { drawWidget } from "./widgets";

type Obj = Record<string, unknown>;

export interface StepContext {
  project: Project;
  catalogue: Catalogues;
  /** Applies an edit; `redraw` when the step's layout depends on it. */
  edit(change: (draft: Project) => void, redraw?: boolean): void;
  /** Opens another step (the review step links each finding to its step). */
  goTo(stepId: string): void;
  findings: Finding[];
}

export function fieldId(path: string): string {
  return `field-${idFor(path)}`;
}

const inputTypes: Record<string, string> = { text: "text", email: "email", url: "url", tel: "tel", date: "date", country: "text", number: "number" };

/** Writes one answer, removing optional answers and empty optional groups when cleared. */
export function setAnswer(draft: Project, field: Field, value: unknown): void {
  const root = draft as unknown as Obj;
  const empty = (typeof value === "string" && value.trim() === "") || value === undefined || (Array.isArray(value) && value.length === 0 && field.kind === "lines");
  if (field.group) {
    setAt(root, field.path, value);
    const group = getAt(root, field.group) as Obj | undefined;
    if (group && Object.values(group).every((v) => v === "" || v === undefined || v === null)) setAt(root, field.group, undefined);
    return;
  }
  setAt(root, field.path, field.optional && empty ? undefined : value);
}

function textValue(field: Field, value: unknown): string {
  if (field.kind === "lines") return Array.isArray(value) ? value.join("\n") : "";
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value : "";
}

function parseText(field: Field, text: string): unknown {
  switch (field.kind) {
    case "country":
      return text.trim().toUpperCase();
    case "lines":
      return text.split("\n").map((l) => l.trim()).filter((l) => l !== "");
    case "number": {
      if (text.trim() === "") return undefined;
      const n = Math.round(Number(text));
      return Number.isFinite(n) ? Math.min(Math.max(n, field.min), field.max) : undefined;
    }
    default:
      return text;
  }
}

function described(input: HTMLElement, id: string): void {
  input.setAttribute("aria-describedby", `${id}-help ${id}-finding`);
}

function drawField(field: Field, ctx: StepContext): HTMLElement {
  const id = fieldId(field.path);
  const value = getAt(ctx.project, field.path);
  const help = el("p", { class: "help", id: `${id}-help`, text: field.help });
  const finding = el("p", { class: "finding", id: `${id}-finding`, "aria-live": "polite" });
  const edit = (v: unknown, redraw = false) => ctx.edit((d) => setAnswer(d, field, v), redraw);

  if (field.kind === "check") {
    const box = el("input", { type: "checkbox", id, name: field.path, checked: value === true });
    described(box, id);
    box.addEventListener("change", () => edit(box.checked, true));
    return el("div", { class: "field check" }, box, el("label", { for: id, text: field.label }), help, finding);
  }
  if (field.kind === "yesno" || field.kind === "multi") {
    const choices: Array<{ value: string; label: string }> =
      field.kind === "yesno"
        ? [
            { value: "yes", label: "Yes" },
            { value: "no", label: "No" },
            { value: "", label: "Not answered yet" },
          ]
        : field.options;
    const current = field.kind === "yesno" ? (value === true ? "yes" : value === false ? "no" : "") : "";
    const chosen = new Set(Array.isArray(value) ? (value as string[]) : []);
    const fieldset = el("fieldset", { class: "field choices", id, "aria-describedby": `${id}-help ${id}-finding` }, el("legend", { text: field.label }));
    choices.forEach((choice, i) => {
      const cid = `${id}-${i}`;
      const input =
        field.kind === "yesno"
          ? el("input", { type: "radio", id: cid, name: field.path, value: choice.value, checked: current === choice.value })
          : el("input", { type: "checkbox", id: cid, name: field.path, value: choice.value, checked: chosen.has(choice.value) });
      input.addEventListener("change", () => {
        if (field.kind === "yesno") edit(choice.value === "" ? undefined : choice.value === "yes", true);
        else {
          if (input.checked) chosen.add(choice.value);
          else chosen.delete(choice.value);
          // Catalogue order, so the same choices always save the same way.
          edit(field.options.map((o) => o.value).filter((v) => chosen.has(v)), true);
        }
      });
      fieldset.append(el("div", { class: "choice" }, input, el("label", { for: cid, text: choice.label })));
    });
    fieldset.append(help, finding);
    return fieldset;
  }
  if (field.kind === "choice") {
    const select = el("select", { id, name: field.path });
    if (field.optional) select.append(new Option("Not set", ""));
    for (const o of field.options) select.append(new Option(o.label, o.value, false, o.value === value));
    if (typeof value !== "string" && !field.optional) select.value = field.options[0].value;
    described(select, id);
    select.addEventListener("change", () => edit(select.value, true));
    return el("div", { class: "field" }, el("label", { for: id, text: field.label }), select, help, finding);
  }
  const multiline = field.kind === "textarea" || field.kind === "lines";
  const input = multiline
    ? el("textarea", { id, name: field.path, rows: field.kind === "lines" ? 2 : 3 })
    : el("input", { id, name: field.path, type: inputTypes[field.kind] ?? "text" });
  input.value = textValue(field, value);
  if (field.kind === "country") {
    (input as HTMLInputElement).maxLength = 2;
    input.setAttribute("autocapitalize", "characters");
  }
  if (field.kind === "number") {
    input.setAttribute("min", String(field.min));
    input.setAttribute("max", String(field.max));
    input.setAttribute("inputmode", "numeric");
  }
  described(input, id);
  input.addEventListener("input", () => edit(parseText(field, input.value)));
  return el("div", { class: "field" }, el("label", { for: id, text: field.label }), input, help, finding);
}

/** Draws `step` for the current answers. */
export function renderStep(container: HTMLElement, step: Step, ctx: StepContext): void {
  const parts: HTMLElement[] = [
    el("h2", { text: step.title, id: "step-title", tabindex: -1 }),
    el("p", { class: "step-intro", text: step.intro }),
    el("div", { id: "step-findings", class: "step-findings", "aria-live": "polite" }),
  ];
  for (const block of step.blocks) {
    const section = el("div", { class: "block" });
    if (block.heading) section.append(el("h3", { text: block.heading }));
    if (block.widget) section.append(drawWidget(block.widget, ctx));
    for (const field of block.fields ?? []) section.append(drawField(field, ctx));
    parts.push(section);
  }
  const form = el("form", { noValidate: true, "aria-labelledby": "step-title" }, ...parts);
  form.addEventListener("submit", (e) => e.preventDefault());
  container.replaceChildren(form);
}

/** Every field of a step, for finding where a finding goes. */
export function stepFields(step: Step): Field[] {
  return step.blocks.flatMap((b) => b.fields ?? []);
}
