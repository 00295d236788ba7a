// From a question in steps.ts to its answer and back: the field's element id, the text a box
// shows for an answer, the answer stored for typed text, and writing it (removing optional
// answers and empty optional groups when cleared, so saved files stay clean).
import { boundFor, storedNumber } from "./bounds";
import type { Project } from "./generated/Project";
import { getAt, setAt } from "./paths";
import type { Field, Step } from "./steps";

type Obj = Record<string, unknown>;

/** An id-safe form of an answer path: `organisation.address.city` → `organisation-address-city`. */
export function idFor(path: string): string {
  return path.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "");
}

export function fieldId(path: string): string {
  return `field-${idFor(path)}`;
}

/** Writes one answer, removing optional answers and empty optional groups when cleared. */
export function setAnswer(draft: Project, field: Field, value: unknown): void {
  const root: Obj = draft;
  const empty =
    (typeof value === "string" && value.trim() === "") || value === undefined || (Array.isArray(value) && value.length === 0 && field.kind === "lines");
  if (field.group) {
    setAt(root, field.path, value);
    const group = getAt(root, field.group);
    if (group && typeof group === "object" && Object.values(group).every((v) => v === "" || v === undefined || v === null)) setAt(root, field.group, undefined);
    return;
  }
  setAt(root, field.path, field.optional && empty ? undefined : value);
}

/** The text a box shows for an answer. */
export function textValue(field: Field, value: unknown): string {
  if (field.kind === "lines") return Array.isArray(value) ? value.join("\n") : "";
  if (typeof value === "number") return String(value);
  return typeof value === "string" ? value : "";
}

/** The answer stored for what the owner typed (before `setAnswer` drops cleared optional ones). */
export function parseText(field: Field, text: string): unknown {
  switch (field.kind) {
    case "country":
      return text.trim().toUpperCase();
    case "lines":
      return text
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "");
    case "number":
      return storedNumber(text, boundFor(field.path));
    default:
      return field.optional && text.trim() === "" ? undefined : text;
  }
}

/** Whether the wizard asks `field` of this project: a vendor's setting only once it is chosen,
 * a follow-up question only once its choice is ticked. */
export function asked(field: Field, project: Project): boolean {
  if (field.vendor !== undefined && !project.vendors.catalogue.includes(field.vendor)) return false;
  if (field.when === undefined) return true;
  const chosen = getAt(project, field.when.path);
  return Array.isArray(chosen) && chosen.includes(field.when.value);
}

/** Every field of a step. */
export function stepFields(step: Step): Field[] {
  return step.blocks.flatMap((b) => b.fields ?? []);
}
