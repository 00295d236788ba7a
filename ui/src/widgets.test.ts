// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { renderStep, type StepContext } from "./form";
import type { Finding } from "./generated/Finding";
import type { Project } from "./generated/Project";
import { History } from "./history";
import { blankProject, catalogueFixture } from "./fixtures";
import { steps } from "./steps";

function open(stepId: string, project: Project = blankProject(), findings: Finding[] = []) {
  const history = new History(project);
  const c = document.createElement("div");
  const step = steps.find((s) => s.id === stepId)!;
  const visited: string[] = [];
  const ctx = (): StepContext => ({
    project: history.current,
    catalogue: catalogueFixture,
    findings,
    goTo: (id) => visited.push(id),
    edit(change, redraw = false) {
      history.edit(change);
      if (redraw) renderStep(c, step, ctx());
    },
  });
  renderStep(c, step, ctx());
  const q = <T extends HTMLElement>(sel: string) => c.querySelector<T>(sel)!;
  const toggle = (sel: string) => {
    const box = q<HTMLInputElement>(sel);
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change"));
  };
  return { c, history, q, toggle, visited };
}

describe("list widgets", () => {
  it("ticking a data category adds it with a source; unticking removes it everywhere", () => {
    const w = open("data");
    w.toggle("#field-data-contact-details");
    expect(w.history.current.data).toEqual([{ category: "contact-details", sources: ["directly"], required: false }]);
    w.toggle("#field-data-0-source-automatically");
    expect(w.history.current.data[0].sources).toEqual(["directly", "automatically"]);
    const p = w.history.current;
    p.purposes = [{ purpose: "provide-service", categories: ["contact-details"] } as Project["purposes"][number]];
    const again = open("data", p);
    again.toggle("#field-data-contact-details");
    expect(again.history.current.data).toEqual([]);
    expect(again.history.current.purposes[0].categories).toEqual([]);
  });

  it("a purpose comes with its usual legal basis, and legitimate interests ask for the interest", () => {
    const p = blankProject();
    p.data = [{ category: "usage-data", sources: ["automatically"], required: false }];
    const w = open("purposes", p);
    w.toggle("#field-purpose-security");
    expect(w.history.current.purposes).toEqual([{ purpose: "security", legal_basis: "legitimate-interests", categories: ["usage-data"] }]);
    expect(w.q("#field-purposes-0-legitimate-interest")).not.toBeNull();
    const basis = w.q<HTMLSelectElement>("#field-purposes-0-legal-basis");
    basis.value = "consent";
    basis.dispatchEvent(new Event("change"));
    expect(w.history.current.purposes[0].legal_basis).toBe("consent");
    expect(w.c.querySelector("#field-purposes-0-legitimate-interest")).toBeNull();
  });

  it("vendor search filters by name and kind without touching the answers", () => {
    const w = open("vendors");
    const search = w.q<HTMLInputElement>("#vendor-search");
    search.value = "str";
    search.dispatchEvent(new Event("input"));
    const shown = () => Array.from(w.c.querySelectorAll<HTMLLIElement>("#vendor-list li")).filter((li) => !li.hidden).map((li) => li.dataset.name);
    expect(shown()).toEqual(["stripe"]);
    search.value = "";
    search.dispatchEvent(new Event("input"));
    const kind = w.q<HTMLSelectElement>("#vendor-category");
    kind.value = "hosting";
    kind.dispatchEvent(new Event("change"));
    expect(shown()).toEqual(["hetzner"]);
    expect(w.history.canUndo).toBe(false);
    expect(w.q("#vendor-list").textContent).toContain("Processes data in: Ireland, the United States");
    expect(w.q("#vendor-list").textContent).toContain("Receives: Contact details, usage data.");
  });

  it("vendors are kept in catalogue order, and custom vendors can be added and removed", () => {
    const w = open("vendors");
    w.toggle("#field-vendor-hetzner");
    w.toggle("#field-vendor-stripe");
    expect(w.history.current.vendors.catalogue).toEqual(["stripe", "hetzner"]);
    w.q<HTMLButtonElement>("#add-custom-vendor").click();
    const name = w.q<HTMLInputElement>("#field-vendors-custom-0-name");
    name.value = "Tiny CRM";
    name.dispatchEvent(new Event("input"));
    const locations = w.q<HTMLInputElement>("#field-vendors-custom-0-locations");
    locations.value = "us, ie";
    locations.dispatchEvent(new Event("input"));
    const safeguard = w.q<HTMLSelectElement>("#field-vendors-custom-0-safeguard");
    safeguard.value = "standard-contractual-clauses";
    safeguard.dispatchEvent(new Event("change"));
    expect(w.history.current.vendors.custom[0]).toMatchObject({ name: "Tiny CRM", category: "payments", locations: ["US", "IE"], safeguard: "standard-contractual-clauses" });
    const again = w.q<HTMLSelectElement>("#field-vendors-custom-0-safeguard");
    again.value = "";
    again.dispatchEvent(new Event("change"));
    expect("safeguard" in w.history.current.vendors.custom[0]).toBe(false);
  });

  it("retention offers the right inputs for each kind", () => {
    const p = blankProject();
    p.data = [{ category: "contact-details", sources: ["directly"], required: true }];
    const w = open("keeping", p);
    const kind = w.q<HTMLSelectElement>("#field-data-0-retention");
    kind.value = "period";
    kind.dispatchEvent(new Event("change"));
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 1, unit: "years" });
    const amount = w.q<HTMLInputElement>("#field-data-0-retention-amount");
    amount.value = "6";
    amount.dispatchEvent(new Event("input"));
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 6, unit: "years" });
    kind.value = "";
    kind.dispatchEvent(new Event("change"));
    expect(w.history.current.data[0].retention).toBeUndefined();
  });

  it("review lists every finding with a way to its step", () => {
    const w = open("review", blankProject(), [
      { code: "test.finding", field: "organisation.email", paths: ["organisation.email"], severity: "error", message: "Add an email.", fix: "" },
      { code: "test.finding", field: "data[0].retention", paths: ["data[0].retention"], severity: "warning", message: "Say how long.", fix: "" },
    ]);
    expect(w.q("#review-summary").textContent).toBe("1 answer(s) to fix before you can export. 1 point(s) worth checking below.");
    const buttons = Array.from(w.c.querySelectorAll<HTMLButtonElement>(".review-list button"));
    expect(buttons.map((b) => b.textContent)).toEqual(["Go to Organisation and contacts", "Go to Retention, security, transfers"]);
    buttons[1].click();
    expect(w.visited).toEqual(["keeping"]);
  });
});
