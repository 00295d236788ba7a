// @vitest-environment jsdom
// The wizard's steps as an owner uses them: every field labelled and wired, answers saved in
// their own shapes, findings beside their fields.
import { describe, expect, it } from "vitest";
import { fieldId, setAnswer, stepFields } from "../answers";
import { blankProject } from "../fixtures";
import { getAt, setAt } from "../paths";
import type { Field } from "../steps";
import { steps } from "../steps";
import { finding, mountStep } from "../testing";

/** A blank project with every vendor a setting question depends on, and every choice a
 * follow-up question depends on, so every question is asked. */
function everyQuestionAsked() {
  const p = blankProject();
  const fields = steps.flatMap(stepFields);
  p.vendors.catalogue = fields.flatMap((f) => (f.vendor ? [f.vendor] : []));
  for (const f of fields) {
    if (!f.when) continue;
    const chosen = getAt(p, f.when.path);
    setAt(p, f.when.path, [...(Array.isArray(chosen) ? chosen : []), f.when.value]);
  }
  return p;
}

describe("wizard steps", () => {
  it("label every control of every step and link its help and finding", () => {
    for (const step of steps) {
      const w = mountStep(step.id, everyQuestionAsked());
      for (const field of stepFields(step)) {
        const node = w.q(`#${fieldId(field.path)}`);
        const label = node.tagName === "FIELDSET" ? node.querySelector("legend") : w.c.querySelector(`label[for="${node.id}"]`);
        expect(label?.textContent, field.path).toBe(field.label);
        expect(node.getAttribute("aria-describedby")).toBe(`${node.id}-help ${node.id}-finding`);
      }
      for (const control of Array.from(w.c.querySelectorAll("input, select, textarea"))) {
        const labelled = w.c.querySelector(`label[for="${control.id}"]`) || control.closest("fieldset")?.querySelector("legend");
        expect(labelled, `${step.id}: #${control.id}`).toBeTruthy();
      }
      w.done();
    }
  });

  it("typing edits the answer and keeps what was typed; clearing an optional answer removes it", () => {
    const w = mountStep("organisation");
    w.type(`#${fieldId("organisation.legal_name")}`, "Acme & <Co> Ltd");
    expect(w.history.current.organisation.legal_name).toBe("Acme & <Co> Ltd");
    w.type(`#${fieldId("organisation.trading_name")}`, "Acme");
    w.type(`#${fieldId("organisation.trading_name")}`, "  ");
    expect("trading_name" in w.history.current.organisation).toBe(false);
    expect(w.q<HTMLInputElement>(`#${fieldId("organisation.trading_name")}`).value).toBe("  ");
    const street = w.q<HTMLTextAreaElement>(`#${fieldId("organisation.address.street")}`);
    w.type(`#${street.id}`, "1 High Street\n");
    expect(street.value).toBe("1 High Street\n");
    w.done();
  });

  it("an optional contact disappears when all its fields are cleared", () => {
    const w = mountStep("organisation");
    w.type(`#${fieldId("organisation.dpo.name")}`, "Ada");
    expect(w.history.current.organisation.dpo).toEqual({ name: "Ada" });
    w.type(`#${fieldId("organisation.dpo.name")}`, "");
    expect(w.history.current.organisation.dpo).toBeUndefined();
    w.done();
  });

  it("street lines, numbers, yes/no and multiple choice save in their own shapes", () => {
    const w = mountStep("organisation");
    w.type(`#${fieldId("organisation.address.street")}`, "1 High Street\n\n Flat 2 ");
    expect(w.history.current.organisation.address.street).toEqual(["1 High Street", "Flat 2"]);
    w.done();
    const c = mountStep("choices");
    c.type(`#${fieldId("children.minimum_age")}`, "16");
    expect(c.history.current.children.minimum_age).toBe(16);
    // Out of the core's range, the number is kept for the core's finding to flag, not clamped.
    c.type(`#${fieldId("children.minimum_age")}`, "40");
    expect(c.history.current.children.minimum_age).toBe(40);
    c.find([finding("children.minimum_age", "Minimum age must be between 1 and 21; it is 40.")]);
    expect(c.q(`#${fieldId("children.minimum_age")}`).getAttribute("aria-invalid")).toBe("true");
    expect(c.c.textContent).toContain("Minimum age must be between 1 and 21; it is 40.");
    c.type(`#${fieldId("children.minimum_age")}`, "");
    expect("minimum_age" in c.history.current.children).toBe(false);
    c.toggle(`#${fieldId("sale_and_sharing.sells")}-1`);
    expect(c.history.current.sale_and_sharing.sells).toBe(false);
    c.done();
    const k = mountStep("keeping");
    k.toggle(`#${fieldId("security")}-1`);
    k.toggle(`#${fieldId("security")}-0`);
    expect(k.history.current.security).toEqual(["encryption-in-transit", "encryption-at-rest"]);
    k.done();
  });

  it("asks how long backups are kept only once backups are ticked, and saves whole days", () => {
    const k = mountStep("keeping");
    const days = `#${fieldId("backups.kept_days")}`;
    expect(k.c.querySelector(days)).toBeNull();
    k.toggle(`#${fieldId("security")}-5`);
    expect(k.history.current.security).toEqual(["backups"]);
    expect(k.c.querySelector(days)).not.toBeNull();
    expect(k.q(`${days}-help`).textContent).toContain("before it is replaced or deleted");
    k.type(days, "35");
    expect(k.history.current.backups).toEqual({ kept_days: 35 });
    k.type(days, "");
    expect(k.history.current.backups?.kept_days).toBeUndefined();
    k.toggle(`#${fieldId("security")}-5`);
    expect(k.c.querySelector(days)).toBeNull();
    k.done();
  });

  it("undo elsewhere shows in the boxes", () => {
    const w = mountStep("organisation");
    const box = w.q<HTMLInputElement>(`#${fieldId("organisation.address.city")}`);
    w.type(`#${box.id}`, "York");
    w.history.undo();
    w.wizard.sync();
    w.find([]);
    expect(box.value).toBe("");
    w.done();
  });

  it("shows a finding under its field, or under the nearest field holding it, and others in the step's list", () => {
    const w = mountStep("organisation", blankProject(), [
      finding("organisation.email", "Add an email address."),
      finding("organisation", "Something general.", "warning"),
      finding("data", "Belongs to step 3."),
    ]);
    expect(w.q(`#${fieldId("organisation.email")}-finding`).textContent).toBe("Add an email address.");
    expect(w.q(`#${fieldId("organisation.email")}`).getAttribute("aria-invalid")).toBe("true");
    expect(w.q("#step-findings").textContent).toBe("Something general.");
    w.find([]);
    expect(w.q(`#${fieldId("organisation.email")}-finding`).textContent).toBe("");
    expect(w.q(`#${fieldId("organisation.email")}`).getAttribute("aria-invalid")).toBeNull();
    w.done();
  });

  it("a chosen finding scrolls its field into view and focuses it", () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    const w = mountStep("organisation", blankProject(), [finding("organisation.address.city", "Add the town.")]);
    w.wizard.focus = "organisation.address.city";
    w.find(w.wizard.findings);
    const box = w.q(`#${fieldId("organisation.address.city")}`);
    expect(scrolled).toEqual([box.closest(".field")]);
    expect(document.activeElement).toBe(box);
    expect(w.wizard.focus).toBeNull();
    w.done();
  });

  it("setAnswer keeps required answers even when empty", () => {
    const p = blankProject();
    const field: Field = { path: "organisation.legal_name", label: "", help: "", kind: "text" };
    setAnswer(p, field, "");
    expect(p.organisation.legal_name).toBe("");
  });

  it("an empty date says it is not set, and can be set to today", () => {
    const w = mountStep("organisation");
    const date = w.q<HTMLInputElement>(`#${fieldId("effective_date")}`);
    expect(date.classList.contains("empty")).toBe(true);
    expect(w.c.querySelector(".date-empty")?.textContent).toBe("Not set yet");
    w.q<HTMLButtonElement>(".date button").click();
    w.find([]);
    expect(w.history.current.effective_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(date.classList.contains("empty")).toBe(false);
    expect(w.c.querySelector(".date-empty")).toBeNull();
    w.done();
  });

  it("asks about a vendor account's setting only when that vendor is chosen", () => {
    const hubspot = `#${fieldId("vendors.settings.hubspot_data_sharing")}`;
    const ga = `#${fieldId("vendors.settings.google_analytics_data_sharing")}`;
    const none = mountStep("vendors");
    expect(none.c.querySelector(hubspot)).toBeNull();
    expect(none.c.querySelector(ga)).toBeNull();
    expect(none.c.textContent).not.toContain("Settings in your vendor accounts");
    none.done();
    const p = blankProject();
    p.vendors.catalogue = ["hubspot"];
    const w = mountStep("vendors", p);
    expect(w.q(`${hubspot}-help`).textContent).toContain("HubSpot also uses data its tracking code collects");
    expect(w.c.querySelector(ga)).toBeNull();
    w.toggle(`${hubspot}-0`);
    expect(w.history.current.vendors.settings).toEqual({ hubspot_data_sharing: true });
    w.done();
  });
});
