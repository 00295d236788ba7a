// @vitest-environment jsdom
// The list editors: products, data, purposes, vendors, retention, and the review.

import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { useBackend } from "../api";
import { blankProject } from "../fixtures";
import type { Project } from "../generated/Project";
import { MockBackend } from "../mockBackend";
import { finding, mountStep } from "../testing";

const withData = (...categories: string[]): Project => {
  const p = blankProject();
  p.data = categories.map((category) => ({ category, sources: ["directly"], required: false }));
  return p;
};

describe("list widgets", () => {
  it("a product's legend and remove button follow its name as it is typed", () => {
    const w = mountStep("offer");
    w.q<HTMLButtonElement>("#add-product").click();
    w.find([]);
    const legend = () => w.q("#field-products-0 > legend").textContent;
    expect(legend()).toBe("Product 1");
    const box = w.q("#field-products-0-name");
    w.type("#field-products-0-name", "Teashop");
    expect(w.history.current.products[0].name).toBe("Teashop");
    expect(w.q("#field-products-0-name"), "the box the owner types in stays").toBe(box);
    expect(legend()).toBe("Teashop");
    expect(w.q("#field-products-0 button.secondary").textContent).toBe("Remove Teashop");
    w.done();
  });

  it("a custom vendor's legend follows its name too, and rows can be removed", () => {
    const w = mountStep("vendors");
    w.q<HTMLButtonElement>("#add-custom-vendor").click();
    w.q<HTMLButtonElement>("#add-custom-vendor").click();
    w.find([]);
    w.type("#field-vendors-custom-1-name", "Tiny CRM");
    expect(w.q("#field-vendors-custom-1 > legend").textContent).toBe("Tiny CRM");
    w.q<HTMLButtonElement>("#field-vendors-custom-0 button.secondary").click();
    w.find([]);
    expect(w.history.current.vendors.custom.map((v) => v.name)).toEqual(["Tiny CRM"]);
    expect(w.q("#field-vendors-custom-0 > legend").textContent).toBe("Tiny CRM");
    expect(w.q<HTMLInputElement>("#field-vendors-custom-0-name").value).toBe("Tiny CRM");
    w.done();
  });

  it("ticking a data category adds it with a source; unticking removes it everywhere", () => {
    const w = mountStep("data");
    w.toggle("#field-data-contact-details");
    expect(w.history.current.data).toEqual([{ category: "contact-details", sources: ["directly"], required: false }]);
    w.toggle("#field-data-0-source-automatically");
    expect(w.history.current.data[0].sources).toEqual(["directly", "automatically"]);
    w.done();
    const p = withData("contact-details");
    p.purposes = [{ purpose: "provide-service", categories: ["contact-details"] }];
    const again = mountStep("data", p);
    again.toggle("#field-data-contact-details");
    expect(again.history.current.data).toEqual([]);
    expect(again.history.current.purposes[0].categories).toEqual([]);
    again.done();
  });

  it("the data step is grouped and searchable by label and example; ticked kinds stay shown", () => {
    const w = mountStep("data");
    const headings = () => Array.from(w.c.querySelectorAll(".data-group h3")).map((h) => h.textContent);
    expect(headings()).toEqual(["Identifiers", "Internet or other electronic network activity", "Sensitive data (GDPR Art. 9 special categories)"]);
    w.toggle("#field-data-usage-data");
    w.type("#data-search", "email");
    expect(w.c.querySelector("#field-data-contact-details")).not.toBeNull();
    expect(w.c.querySelector("#field-data-health")).toBeNull();
    expect(w.c.querySelector("#field-data-usage-data")).not.toBeNull();
    expect(w.q("#data-count").textContent).toBe("2 of 3 shown · 1 ticked");
    w.done();
  });

  it("a purpose comes with its usual legal basis, and legitimate interests ask for the interest", async () => {
    const w = mountStep("purposes", withData("usage-data"));
    w.toggle("#field-purpose-security");
    await w.settle();
    expect(w.history.current.purposes).toEqual([{ purpose: "security", legal_basis: "legitimate-interests", categories: ["usage-data"] }]);
    expect(w.c.querySelector("#field-purposes-0-legitimate-interest")).not.toBeNull();
    w.choose("#field-purposes-0-legal-basis", "consent");
    expect(w.history.current.purposes[0].legal_basis).toBe("consent");
    expect(w.c.querySelector("#field-purposes-0-legitimate-interest")).toBeNull();
    w.done();
  });

  it("a new purpose starts with the data the core's defaults give it", async () => {
    const asked: Array<[string, string[]]> = [];
    useBackend(async <T>(cmd: string, args?: Record<string, unknown>): Promise<T> => {
      if (cmd !== "default_purpose_data") throw { message: `unexpected ${cmd}`, findings: [] };
      const project = args?.project as Project;
      asked.push([String(args?.purpose), project.data.map((d) => d.category)]);
      return ["health"] as T;
    });
    const w = mountStep("purposes", withData("usage-data", "health"));
    w.toggle("#field-purpose-provide-service");
    await w.settle();
    useBackend(new MockBackend().invoke);
    expect(asked).toEqual([["provide-service", ["usage-data", "health"]]]);
    expect(w.history.current.purposes[0].categories).toEqual(["health"]);
    w.done();
  });

  it("a purpose unticked before the core's defaults arrive stays unticked", async () => {
    const w = mountStep("purposes", withData("usage-data"));
    w.toggle("#field-purpose-provide-service");
    w.toggle("#field-purpose-provide-service");
    await w.settle();
    expect(w.history.current.purposes).toEqual([]);
    expect(w.q<HTMLInputElement>("#field-purpose-provide-service").checked).toBe(false);
    w.done();
  });

  it("without the core's defaults a new purpose starts with no data, and says why", async () => {
    useBackend(async () => {
      throw { message: 'purpose: "x" is not a purpose we know', findings: [] };
    });
    const w = mountStep("purposes", withData("usage-data"));
    w.toggle("#field-purpose-provide-service");
    await w.settle();
    useBackend(new MockBackend().invoke);
    expect(w.history.current.purposes).toEqual([{ purpose: "provide-service", legal_basis: "contract", categories: [] }]);
    expect(w.c.textContent).toContain("Tick the data it uses yourself");
    w.done();
  });

  it("vendor search filters by name and kind without touching the answers, and stays after a tick", () => {
    const w = mountStep("vendors");
    const shown = () =>
      Array.from(w.c.querySelectorAll<HTMLLIElement>("#vendor-list li"))
        .filter((li) => !li.hidden)
        .map((li) => li.dataset.name);
    w.type("#vendor-search", "str");
    expect(shown()).toEqual(["stripe"]);
    w.toggle("#field-vendor-stripe");
    expect(w.q<HTMLInputElement>("#vendor-search").value).toBe("str");
    expect(shown()).toEqual(["stripe"]);
    w.type("#vendor-search", "");
    w.choose("#vendor-category", "hosting");
    expect(shown()).toEqual(["hetzner"]);
    expect(w.history.current.vendors.catalogue).toEqual(["stripe"]);
    expect(w.q("#vendor-list").textContent).toContain("Processes data in: Ireland, the United States");
    expect(w.q("#vendor-list").textContent).toContain("Receives: Contact details, usage data.");
    w.done();
  });

  it("vendors are kept in catalogue order, and custom vendors take countries by name or code", () => {
    const w = mountStep("vendors");
    w.toggle("#field-vendor-hetzner");
    w.toggle("#field-vendor-stripe");
    expect(w.history.current.vendors.catalogue).toEqual(["stripe", "hetzner"]);
    w.q<HTMLButtonElement>("#add-custom-vendor").click();
    w.find([]);
    w.type("#field-vendors-custom-0-name", "Tiny CRM");
    w.type("#field-vendors-custom-0-locations", "us, Ireland, Narnia");
    w.choose("#field-vendors-custom-0-safeguard", "standard-contractual-clauses");
    expect(w.history.current.vendors.custom[0]).toMatchObject({
      name: "Tiny CRM",
      category: "payments",
      locations: ["US", "IE", "NARNIA"],
      safeguard: "standard-contractual-clauses",
    });
    w.choose("#field-vendors-custom-0-safeguard", "");
    expect("safeguard" in w.history.current.vendors.custom[0]).toBe(false);
    w.done();
  });

  it("a finding inside a custom vendor's countries shows beside that field, not at the top", () => {
    const p = blankProject();
    p.vendors.custom = [{ name: "Wix", category: "hosting", data: [], locations: ["ISRAEL"] }];
    const w = mountStep("vendors", p, [finding("vendors.custom[0].locations[0]", "“ISRAEL” is not a country code we know.")]);
    expect(w.q("#field-vendors-custom-0-locations-finding").textContent).toContain("ISRAEL");
    expect(w.q("#step-findings").textContent).toBe("");
    w.done();
  });

  it("retention offers the right inputs for each kind", () => {
    const w = mountStep("keeping", withData("contact-details"));
    w.choose("#field-data-0-retention", "period");
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 1, unit: "years" });
    w.type("#field-data-0-retention-amount", "6");
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 6, unit: "years" });
    w.choose("#field-data-0-retention", "");
    expect(w.history.current.data[0].retention).toBeUndefined();
    w.done();
  });

  it("an amount typed and then a reason or unit change keeps the amount", () => {
    const w = mountStep("keeping", withData("contact-details"));
    w.choose("#field-data-0-retention", "period");
    w.type("#field-data-0-retention-amount", "6");
    w.type("#field-data-0-retention-reason", "tax");
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 6, unit: "years", reason: "tax" });
    w.type("#field-data-0-retention-amount", "8");
    w.choose("#field-data-0-retention-unit", "months");
    expect(w.history.current.data[0].retention).toEqual({ kind: "period", amount: 8, unit: "months", reason: "tax" });
    w.done();
  });

  it("retention can be the same as another category's, and common periods set amount and unit", () => {
    const w = mountStep("keeping", withData("contact-details", "usage-data"));
    w.choose("#field-data-0-retention", "criteria");
    w.type("#field-data-0-retention-description", "For as long as you are our patient.");
    w.choose("#field-data-1-retention", "same:contact-details");
    expect(w.history.current.data[1].retention).toEqual({ kind: "criteria", description: "For as long as you are our patient." });
    w.choose("#field-data-1-retention", "period");
    w.choose("#field-data-1-retention-common", "6-months");
    expect(w.history.current.data[1].retention).toEqual({ kind: "period", amount: 6, unit: "months" });
    expect(w.q<HTMLInputElement>("#field-data-1-retention-amount").value).toBe("6");
    w.done();
  });

  it("review lists every finding with a way to its field", () => {
    const w = mountStep("review", blankProject(), [finding("organisation.email", "Add an email."), finding("data[0].retention", "Say how long.", "warning")]);
    expect(w.q("#review-summary").textContent).toBe("1 answer(s) to fix before you can export. 1 point(s) worth checking below.");
    const buttons = Array.from(w.c.querySelectorAll<HTMLButtonElement>(".review-list button"));
    expect(buttons.map((b) => b.textContent)).toEqual(["Go to Organisation and contacts", "Go to Retention, security, transfers", "Mark as considered"]);
    buttons[1].click();
    expect(w.visited).toEqual([["keeping", "data[0].retention"]]);
    w.done();
  });

  it("a warning can be marked as considered with a reason, which is saved by code and path", () => {
    const warning = { ...finding("data[0].retention", "Say how long.", "warning"), code: "data.retention-missing", paths: ["data[category=email].retention"] };
    const w = mountStep("review", blankProject(), [warning]);
    const button = (text: string) => Array.from(w.c.querySelectorAll<HTMLButtonElement>(".review-list button")).find((b) => b.textContent === text);
    button("Mark as considered")?.click();
    flushSync();
    const save = button("Save reason");
    expect(save?.disabled).toBe(true);
    const input = w.q<HTMLInputElement>(".considered-reason input");
    input.value = "We keep it only while the order is open.";
    input.dispatchEvent(new Event("input"));
    flushSync();
    button("Save reason")?.click();
    expect(w.wizard.project.considered).toEqual([
      { code: "data.retention-missing", path: "data[category=email].retention", reason: "We keep it only while the order is open." },
    ]);
    w.done();
  });
});
