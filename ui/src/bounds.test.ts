// The number boxes' ranges come from the core, and what an owner types is kept as typed (a whole
// number) so the core's finding can say what is allowed, within what the answer can hold.
import { describe, expect, it } from "vitest";
import { boundFor, boundPath, numberAttrs, storedNumber } from "./bounds";

describe("number ranges from the core", () => {
  it("finds a list item's range by its path with any position", () => {
    expect(boundPath("data[12].retention.amount")).toBe("data[*].retention.amount");
    expect(boundFor("data[3].retention.grace_days").min).toBe(0);
    expect(numberAttrs(boundFor("children.minimum_age"))).toEqual({ min: 1, max: 21, inputmode: "numeric" });
    expect(numberAttrs(boundFor("backups.kept_days"))).toEqual({ min: 1, max: 3650, inputmode: "numeric" });
  });

  it("keeps a number outside the range for the core to flag, within what the answer holds", () => {
    const age = boundFor("children.minimum_age");
    expect(storedNumber("40", age)).toBe(40);
    expect(storedNumber("0", age)).toBe(0);
    expect(storedNumber("2.6", age)).toBe(3);
    expect(storedNumber("-3", age)).toBe(0);
    expect(storedNumber("300", age)).toBe(255);
    expect(storedNumber("99999", boundFor("ai.provider_keeps_days"))).toBe(99999);
    expect(storedNumber(" ", age)).toBeUndefined();
    expect(storedNumber("abc", age)).toBeUndefined();
  });
});
