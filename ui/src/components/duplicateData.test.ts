// @vitest-environment jsdom
// A project file can list one kind of data twice (hand-edited, or written by another tool; the
// core reports it as `data.duplicate`). Every step that lists the collected data must still
// render, offering each kind once; keyed lists over the entries used to fail on the repeated key,
// leaving the step blank.

import { describe, expect, it } from "vitest";
import { blankProject } from "../fixtures";
import type { Project } from "../generated/Project";
import { mountStep } from "../testing";

const twice = (): Project => {
  const p = blankProject();
  p.data = ["contact-details", "usage-data", "contact-details"].map((category) => ({ category, sources: ["directly"], required: false }));
  p.purposes = [{ purpose: "provide-service", legal_basis: "contract", categories: ["contact-details"] }];
  p.vendors.catalogue = ["stripe"];
  p.vendors.adjustments = [{ vendor: "stripe" }];
  p.vendors.custom = [{ name: "Acme Mail", category: "hosting", data: [], locations: [] }];
  return p;
};

describe("a kind of data listed twice", () => {
  it("is offered once to a vendor of your own and to a vendor's adjustment", () => {
    const w = mountStep("vendors", twice());
    expect(w.c.querySelectorAll('[id="field-vendors-custom-0-data-contact-details"]')).toHaveLength(1);
    expect(w.c.querySelectorAll('[id="field-vendors-custom-0-data-usage-data"]')).toHaveLength(1);
    expect(w.c.querySelector("#field-vendors-custom-0-name")).not.toBeNull();
    w.done();
  });

  it("is offered once to a purpose", () => {
    const w = mountStep("purposes", twice());
    expect(w.c.querySelectorAll('[id="field-purposes-0-uses-contact-details"]')).toHaveLength(1);
    w.done();
  });

  it("keeps a retention row for each entry", () => {
    const w = mountStep("keeping", twice());
    expect(w.c.querySelector("#field-data-2-retention")).not.toBeNull();
    w.done();
  });
});
