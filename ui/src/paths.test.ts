import { describe, expect, it } from "vitest";
import { getAt, setAt } from "./paths";

describe("paths", () => {
  it("reads nested answers and tolerates missing ones", () => {
    const p = { organisation: { address: { city: "Berlin" } } };
    expect(getAt(p, "organisation.address.city")).toBe("Berlin");
    expect(getAt(p, "organisation.dpo.name")).toBeUndefined();
  });

  it("writes nested answers, creating objects and removing optional ones", () => {
    const p: Record<string, unknown> = { organisation: { trading_name: "Old" } };
    setAt(p, "organisation.address.city", "Leeds");
    expect(p).toEqual({ organisation: { trading_name: "Old", address: { city: "Leeds" } } });
    setAt(p, "organisation.trading_name", undefined);
    expect(p).toEqual({ organisation: { address: { city: "Leeds" } } });
  });
});
