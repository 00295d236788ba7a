import { describe, expect, it } from "vitest";
import { parentPath, place, slotFor } from "./place";
import { steps } from "./steps";
import { finding } from "./testing";

describe("placing findings", () => {
  it("walks up a path one part at a time", () => {
    expect(parentPath("vendors.custom[0].locations[1]")).toBe("vendors.custom[0].locations");
    expect(parentPath("vendors.custom[0]")).toBe("vendors.custom");
    expect(parentPath("vendors")).toBe("");
  });

  it("lands on the field, its nearest holder, or the first field of an optional group", () => {
    const shown = new Set(["vendors.custom[0]", "vendors.custom[0].locations", "organisation.dpo.name", "organisation.dpo.email", "organisation.legal_name"]);
    expect(slotFor("vendors.custom[0].locations[1]", shown)).toBe("vendors.custom[0].locations");
    expect(slotFor("vendors.custom[0].cookies", shown)).toBe("vendors.custom[0]");
    expect(slotFor("organisation.dpo", shown)).toBe("organisation.dpo.name");
    expect(slotFor("organisation", shown), "not a group: no field of its own").toBeNull();
  });

  it("keeps other steps' findings out, and lists those without a field", () => {
    const step = steps[0];
    const shown = new Set(["organisation.email"]);
    const p = place([finding("organisation.email", "a"), finding("organisation.email", "b"), finding("organisation", "c"), finding("data", "d")], step, shown);
    expect(p.byField.get("organisation.email")?.map((f) => f.message)).toEqual(["a", "b"]);
    expect(p.unplaced.map((f) => f.message)).toEqual(["c"]);
  });
});
