// @vitest-environment jsdom
// The country box: by name, by the start of a name, or by code; the owner's text is never cut short.
import { describe, expect, it } from "vitest";
import { matchCountries, parseCountryList, resolveCountry } from "../countries";
import { countryFixture } from "../fixtures";
import { mountStep } from "../testing";

const box = "#field-organisation-address-country";

describe("country picker", () => {
  it("takes a code as typed, in any case", () => {
    const w = mountStep("organisation");
    w.type(box, "gb");
    expect(w.history.current.organisation.address.country).toBe("GB");
    expect(w.q<HTMLInputElement>(box).value).toBe("gb");
    w.q(box).dispatchEvent(new Event("blur"));
    w.find([]);
    expect(w.q<HTMLInputElement>(box).value).toBe("United Kingdom (GB)");
    w.done();
  });

  it("takes a whole name, and offers countries while the name is typed", () => {
    const w = mountStep("organisation");
    w.type(box, "Ir");
    expect(w.history.current.organisation.address.country).toBe("");
    const options = () => Array.from(w.c.querySelectorAll('[role="option"]')).map((o) => o.getAttribute("data-code"));
    // In the core's order: Iran before Ireland.
    expect(options()).toEqual(["IR", "IE"]);
    expect(w.q(box).getAttribute("aria-expanded")).toBe("true");
    w.type(box, "Ireland");
    expect(w.history.current.organisation.address.country).toBe("IE");
    w.done();
  });

  it("offers countries in the order the core lists them, without sorting them again", () => {
    const w = mountStep("organisation");
    w.wizard.countries = [...countryFixture].reverse();
    w.type(box, "Ir");
    const options = Array.from(w.c.querySelectorAll('[role="option"]')).map((o) => o.getAttribute("data-code"));
    expect(options).toEqual(["IE", "IR"]);
    w.done();
  });

  it("picks with the arrow keys and Enter", () => {
    const w = mountStep("organisation");
    w.type(box, "i");
    const input = w.q<HTMLInputElement>(box);
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
    w.find([]);
    expect(w.history.current.organisation.address.country).toBe(matchCountries("i", countryFixture)[1].code);
    expect(input.getAttribute("aria-expanded")).toBe("false");
    w.done();
  });

  it("keeps unknown text as typed on leaving, so validation can name it", () => {
    const w = mountStep("organisation");
    w.type(box, "Narnia");
    w.q(box).dispatchEvent(new Event("blur"));
    w.find([]);
    expect(w.history.current.organisation.address.country).toBe("NARNIA");
    w.done();
  });

  it("resolves names, codes and labels; lists of them too", () => {
    expect(resolveCountry(" ireland ", countryFixture)?.code).toBe("IE");
    expect(resolveCountry("the United States", countryFixture)?.code).toBe("US");
    expect(resolveCountry("Germany (DE)", countryFixture)?.code).toBe("DE");
    expect(resolveCountry("Ire", countryFixture)).toBeNull();
    expect(parseCountryList("Israel, us; Narnia", countryFixture)).toEqual(["IL", "US", "NARNIA"]);
  });
});
