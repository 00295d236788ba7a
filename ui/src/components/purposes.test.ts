// @vitest-environment jsdom
// The Art. 9 condition asked beside a purpose once it uses special-category data, and the owner's
// own examples of a data category.

import { describe, expect, it } from "vitest";
import { blankProject } from "../fixtures";
import type { Project } from "../generated/Project";
import { finding, mountStep } from "../testing";

const withPurpose = (): Project => {
  const p = blankProject();
  p.data = ["contact-details", "health"].map((category) => ({ category, sources: ["directly"], required: false }));
  p.purposes = [{ purpose: "provide-service", legal_basis: "contract", categories: ["contact-details"] }];
  return p;
};
const condition = "#field-purposes-0-special-condition";

describe("the Art. 9 condition", () => {
  it("is asked beside a purpose only once it uses special-category data", () => {
    const w = mountStep("purposes", withPurpose());
    expect(w.c.querySelector(condition)).toBeNull();
    w.toggle("#field-purposes-0-uses-health");
    expect(w.history.current.purposes[0].categories).toEqual(["contact-details", "health"]);
    expect(w.c.querySelector(condition)).not.toBeNull();
    expect(w.q<HTMLSelectElement>(condition).value).toBe("");
    w.choose(condition, "health-care");
    expect(w.history.current.purposes[0].special_condition).toBe("health-care");
    w.choose(condition, "");
    expect("special_condition" in w.history.current.purposes[0]).toBe(false);
    w.done();
  });

  it("shows the purpose's finding beside it, and goes with the last special category", () => {
    const p = withPurpose();
    p.purposes[0].categories.push("health");
    p.purposes[0].special_condition = "explicit-consent";
    const w = mountStep("purposes", p, [finding("purposes[0].special_condition", "“Provide the service” uses special-category data.")]);
    expect(w.q(`${condition}-finding`).textContent).toContain("special-category");
    expect(w.q("#step-findings").textContent).toBe("");
    w.toggle("#field-purposes-0-uses-health");
    expect(w.history.current.purposes[0]).toEqual({ purpose: "provide-service", legal_basis: "contract", categories: ["contact-details"] });
    expect(w.c.querySelector(condition)).toBeNull();
    w.done();
  });
});

describe("data examples", () => {
  it("are the owner's, one a line, and removed when cleared", () => {
    const w = mountStep("data", withPurpose());
    const box = "#field-data-1-examples";
    expect(w.q(`${box}-help`).textContent).toBe("One a line. They replace ours in the policy: medical conditions.");
    w.type(box, "step counts\n heart rate \n\n");
    expect(w.history.current.data[1].examples).toEqual(["step counts", "heart rate"]);
    w.type(box, "  ");
    expect("examples" in w.history.current.data[1]).toBe(false);
    w.done();
  });
});
