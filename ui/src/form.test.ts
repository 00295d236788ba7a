// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { showFindings } from "./findings";
import { fieldId, renderStep, setAnswer, type StepContext, stepFields } from "./form";
import type { Catalogues } from "./generated/Catalogues";
import type { Project } from "./generated/Project";
import { History } from "./history";
import { blankProject, catalogueFixture } from "./fixtures";
import { type Field, steps } from "./steps";

function harness(project: Project = blankProject(), catalogue: Catalogues = catalogueFixture) {
  const history = new History(project);
  const c = document.createElement("div");
  let redraws = 0;
  const ctx = (): StepContext => ({
    project: history.current,
    catalogue,
    findings: [],
    goTo: () => {},
    edit(change, redraw = false) {
      history.edit(change);
      if (redraw) {
        redraws++;
        renderStep(c, step, ctx());
      }
    },
  });
  let step = steps[0];
  const draw = (id: string) => {
    step = steps.find((s) => s.id === id)!;
    renderStep(c, step, ctx());
  };
  draw("organisation");
  return { c, history, draw, redraws: () => redraws };
}

const input = (c: HTMLElement, path: string) => c.querySelector<HTMLInputElement>(`#${fieldId(path)}`)!;
function type(node: HTMLInputElement | HTMLTextAreaElement, value: string) {
  node.value = value;
  node.dispatchEvent(new Event("input"));
}
function click(node: HTMLInputElement) {
  node.checked = !node.checked;
  node.dispatchEvent(new Event("change"));
}

describe("wizard form", () => {
  it("labels every control of every step and links its help and finding", () => {
    const { c, draw } = harness();
    for (const step of steps) {
      draw(step.id);
      for (const field of stepFields(step)) {
        const node = c.querySelector<HTMLElement>(`#${fieldId(field.path)}`)!;
        expect(node, field.path).not.toBeNull();
        const label = node.tagName === "FIELDSET" ? node.querySelector("legend") : c.querySelector(`label[for="${node.id}"]`);
        expect(label?.textContent, field.path).toBe(field.label);
        expect(node.getAttribute("aria-describedby")).toBe(`${node.id}-help ${node.id}-finding`);
      }
      for (const control of Array.from(c.querySelectorAll("input, select, textarea"))) {
        const labelled = c.querySelector(`label[for="${control.id}"]`) || control.closest("fieldset")?.querySelector("legend");
        expect(labelled, `${step.id}: #${control.id}`).toBeTruthy();
      }
    }
  });

  it("typing edits the answer without redrawing; clearing an optional answer removes it", () => {
    const { c, history, redraws } = harness();
    type(input(c, "organisation.legal_name"), "Acme & <Co> Ltd");
    expect(history.current.organisation.legal_name).toBe("Acme & <Co> Ltd");
    type(input(c, "organisation.trading_name"), "Acme");
    type(input(c, "organisation.trading_name"), "  ");
    expect("trading_name" in history.current.organisation).toBe(false);
    type(input(c, "organisation.address.country"), "de ");
    expect(history.current.organisation.address.country).toBe("DE");
    expect(redraws()).toBe(0);
  });

  it("an optional contact disappears when all its fields are cleared", () => {
    const { c, history } = harness();
    type(input(c, "organisation.dpo.name"), "Ada");
    expect(history.current.organisation.dpo).toEqual({ name: "Ada" });
    type(input(c, "organisation.dpo.name"), "");
    expect(history.current.organisation.dpo).toBeUndefined();
  });

  it("street lines, numbers, yes/no and multiple choice save in their own shapes", () => {
    const { c, history, draw } = harness();
    const street = c.querySelector<HTMLTextAreaElement>(`#${fieldId("organisation.address.street")}`)!;
    type(street, "1 High Street\n\n Flat 2 ");
    expect(history.current.organisation.address.street).toEqual(["1 High Street", "Flat 2"]);
    draw("choices");
    type(input(c, "children.minimum_age"), "16");
    expect(history.current.children.minimum_age).toBe(16);
    type(input(c, "children.minimum_age"), "");
    expect("minimum_age" in history.current.children).toBe(false);
    click(c.querySelector<HTMLInputElement>(`#${fieldId("sale_and_sharing.sells")}-1`)!);
    expect(history.current.sale_and_sharing.sells).toBe(false);
    draw("keeping");
    click(c.querySelector<HTMLInputElement>(`#${fieldId("security")}-1`)!);
    click(c.querySelector<HTMLInputElement>(`#${fieldId("security")}-0`)!);
    expect(history.current.security).toEqual(["encryption-in-transit", "encryption-at-rest"]);
  });

  it("shows a finding under its field, and others in the step's list", () => {
    const { c } = harness();
    showFindings(c, steps[0], [
      { code: "test.finding", field: "organisation.email", paths: ["organisation.email"], severity: "error", message: "Add an email address.", fix: "" },
      { code: "test.finding", field: "organisation", paths: ["organisation"], severity: "warning", message: "Something general.", fix: "" },
      { code: "test.finding", field: "data", paths: ["data"], severity: "error", message: "Belongs to step 3.", fix: "" },
    ]);
    expect(c.querySelector(`#${fieldId("organisation.email")}-finding`)?.textContent).toBe("Add an email address.");
    expect(input(c, "organisation.email").getAttribute("aria-invalid")).toBe("true");
    expect(c.querySelector("#step-findings")?.textContent).toBe("Something general.");
  });

  it("setAnswer keeps required answers even when empty", () => {
    const p = blankProject();
    const field: Field = { path: "organisation.legal_name", label: "", help: "", kind: "text" };
    setAnswer(p, field, "");
    expect(p.organisation.legal_name).toBe("");
  });
});
