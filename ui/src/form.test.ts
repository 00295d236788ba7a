// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { fieldId, fillStep, renderStep, showFindings } from "./form";
import type { Step } from "./steps";
import { steps } from "./steps";

const step: Step = steps[0];

describe("wizard form", () => {
  it("labels every input and links its help and finding", () => {
    const c = document.createElement("div");
    renderStep(c, step, () => {});
    for (const field of step.fields) {
      const input = c.querySelector<HTMLInputElement>(`#${fieldId(field.path)}`)!;
      expect(c.querySelector(`label[for="${input.id}"]`)?.textContent).toBe(field.label);
      expect(input.getAttribute("aria-describedby")).toBe(`${input.id}-help ${input.id}-finding`);
    }
  });

  it("reports typing with the field it belongs to", () => {
    const c = document.createElement("div");
    const seen: Array<[string, string]> = [];
    renderStep(c, step, (f, v) => seen.push([f.path, v]));
    const input = c.querySelector<HTMLInputElement>(`#${fieldId("organisation.legal_name")}`)!;
    input.value = "Acme Ltd";
    input.dispatchEvent(new Event("input"));
    expect(seen).toEqual([["organisation.legal_name", "Acme Ltd"]]);
  });

  it("fills values and shows findings beside their fields", () => {
    const c = document.createElement("div");
    renderStep(c, step, () => {});
    fillStep(c, step, { organisation: { legal_name: "Acme", address: { country: "DE" } } });
    expect(c.querySelector<HTMLInputElement>(`#${fieldId("organisation.legal_name")}`)!.value).toBe("Acme");
    expect(c.querySelector<HTMLInputElement>(`#${fieldId("organisation.address.country")}`)!.value).toBe("DE");
    showFindings(c, step, [
      { severity: "error", field: "organisation.email", message: "Add an email address." },
      { severity: "warning", field: "purposes", message: "Not on this step." },
    ]);
    const email = fieldId("organisation.email");
    expect(c.querySelector(`#${email}-finding`)?.textContent).toBe("Add an email address.");
    expect(c.querySelector(`#${email}`)?.getAttribute("aria-invalid")).toBe("true");
    expect(c.querySelector(`#${fieldId("organisation.legal_name")}-finding`)?.textContent).toBe("");
    showFindings(c, step, []);
    expect(c.querySelector(`#${email}-finding`)?.textContent).toBe("");
  });
});
