import { describe, expect, it } from "vitest";
import { stepFor, steps } from "./steps";

describe("steps", () => {
  it("are the ten steps of the wizard, with unique ids", () => {
    expect(steps.map((s) => s.id)).toEqual(["organisation", "offer", "data", "purposes", "vendors", "cookies", "where", "keeping", "choices", "review"]);
  });

  it("send each finding to the step that asks the question", () => {
    expect(stepFor("organisation.address.city").id).toBe("organisation");
    expect(stepFor("data[2].sources").id).toBe("data");
    expect(stepFor("data[2].retention.amount").id).toBe("keeping");
    expect(stepFor("data").id).toBe("data");
    expect(stepFor("purposes[0].legitimate_interest").id).toBe("purposes");
    expect(stepFor("vendors.custom[1].name").id).toBe("vendors");
    expect(stepFor("sale_and_sharing.opt_out_url").id).toBe("choices");
    expect(stepFor("rights.toll_free_phone").id).toBe("where");
    expect(stepFor("governance.url").id).toBe("where");
    expect(stepFor("minors.excluded_under").id).toBe("choices");
    expect(stepFor("datapoints").id).toBe("review");
  });
});
