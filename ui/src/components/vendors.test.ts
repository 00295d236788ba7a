// @vitest-environment jsdom
// The vendor step's recipients beyond the catalogue's facts: the owner's adjustments of catalogue
// vendors, custom vendors' own use, and group companies.

import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { blankProject } from "../fixtures";
import type { Project } from "../generated/Project";
import { finding, mountStep } from "../testing";

const withStripe = (): Project => {
  const p = blankProject();
  p.data = ["contact-details", "usage-data", "health"].map((category) => ({ category, sources: ["directly"], required: false }));
  p.vendors.catalogue = ["stripe"];
  return p;
};

describe("vendor choices", () => {
  it("say a host receives any of the data you collect, not every label", () => {
    const w = mountStep("vendors", withStripe());
    expect(w.q("#field-vendor-hetzner-help").textContent).toContain("Receives: any of the data you collect.");
    // An entity ending in "Ltd." gets no second full stop.
    expect(w.q("#field-vendor-stripe-help").textContent).toContain("Stripe Payments Europe, Ltd. Receives: Contact details, usage data.");
    w.done();
  });
});

describe("vendor facts for the owner's country", () => {
  it("come from the core's preview, not the catalogue's entry for an owner in Europe", () => {
    const w = mountStep("vendors", withStripe());
    w.wizard.listed = [{ id: "stripe", legal_entity: "Stripe, Inc.", locations: ["US"] }];
    flushSync();
    expect(w.q("#field-vendor-stripe-help").textContent).toContain("Stripe, Inc. Receives:");
    expect(w.q("#field-vendor-stripe-help").textContent).toContain("Processes data in: the United States, possibly other countries.");
    expect(w.q("#vendor-adjustments").textContent).toContain("Stripe: processes data in the United States, possibly other countries.");
    w.done();
  });

  it("name no company where the core gives none, never the catalogue's default", () => {
    const w = mountStep("vendors", withStripe());
    w.wizard.listed = [{ id: "stripe", legal_entity: null, locations: ["US"] }];
    flushSync();
    const help = w.q("#field-vendor-stripe-help").textContent ?? "";
    expect(help).toContain("Its company for your country is not confirmed in our list. Receives:");
    expect(help).not.toContain("Stripe Payments Europe");
    w.done();
  });
});

describe("vendor adjustments", () => {
  it("are offered only for chosen vendors and saved only once opened", () => {
    const w = mountStep("vendors", withStripe());
    expect(w.c.querySelector("#adjust-stripe")).not.toBeNull();
    expect(w.c.querySelector("#adjust-hetzner"), "Hetzner is not chosen").toBeNull();
    expect(w.q("#vendor-adjustments").textContent).toContain("Stripe: processes data in Ireland, the United States, possibly other countries.");
    expect(w.history.current.vendors.adjustments).toBeUndefined();
    w.q<HTMLButtonElement>("#adjust-stripe").click();
    w.find([]);
    expect(w.history.current.vendors.adjustments).toEqual([{ vendor: "stripe" }]);
    expect(w.q("#field-vendors-adjustments-0 > legend").textContent).toBe("Your set-up of Stripe");
    w.done();
  });

  it("a country changed by name replaces the catalogue's list, which can come back", () => {
    const w = mountStep("vendors", withStripe());
    w.q<HTMLButtonElement>("#adjust-stripe").click();
    w.find([]);
    const first = "#field-vendors-adjustments-0-locations-0";
    expect(w.q<HTMLInputElement>(first).value).toBe("Ireland (IE)");
    // Our list's countries may not be all of them: the owner is told, and asked for theirs.
    expect(w.q("#field-vendors-adjustments-0-locations-help").textContent).toContain('the policy adds "possibly other countries"');
    w.type(first, "Germany");
    w.q(first).dispatchEvent(new Event("blur"));
    expect(w.history.current.vendors.adjustments?.[0].locations).toEqual(["DE", "US"]);
    expect(w.q("#field-vendor-stripe-help").textContent).toContain("Processes your data in: Germany, the United States (your set-up).");
    w.q<HTMLButtonElement>('#field-vendors-adjustments-0-locations button[aria-label="Remove country 2"]').click();
    w.find([]);
    expect(w.history.current.vendors.adjustments?.[0].locations).toEqual(["DE"]);
    expect(w.q("#field-vendors-adjustments-0-locations-help").textContent).toBe("Yours. Our list says: Ireland, the United States, possibly other countries.");
    w.q<HTMLButtonElement>("#field-vendors-adjustments-0-catalogue-locations").click();
    w.find([]);
    expect(w.history.current.vendors.adjustments).toEqual([{ vendor: "stripe" }]);
    expect(w.q<HTMLInputElement>(first).value).toBe("Ireland (IE)");
    w.done();
  });

  it("offers only collected data the catalogue does not list, and safeguards, and removes cleanly", () => {
    const w = mountStep("vendors", withStripe());
    w.q<HTMLButtonElement>("#adjust-stripe").click();
    w.find([]);
    expect(w.c.querySelector("#field-vendors-adjustments-0-data-contact-details"), "Stripe receives it already").toBeNull();
    w.toggle("#field-vendors-adjustments-0-data-health");
    w.toggle("#field-vendors-adjustments-0-safeguards-uk-idta");
    expect(w.history.current.vendors.adjustments).toEqual([{ vendor: "stripe", data: ["health"], safeguards: ["uk-idta"] }]);
    w.toggle("#field-vendors-adjustments-0-data-health");
    expect(w.history.current.vendors.adjustments?.[0]).toEqual({ vendor: "stripe", safeguards: ["uk-idta"] });
    w.q<HTMLButtonElement>("#field-vendors-adjustments-0-remove").click();
    w.find([]);
    expect(w.history.current.vendors.adjustments).toBeUndefined();
    expect(w.c.querySelector("#adjust-stripe")).not.toBeNull();
    w.done();
  });

  it("a finding on an adjusted country shows beside that country", () => {
    const p = withStripe();
    p.vendors.adjustments = [{ vendor: "stripe", locations: ["NARNIA"] }];
    const w = mountStep("vendors", p, [finding("vendors.adjustments[0].locations[0]", "“NARNIA” is not a country we know.")]);
    expect(w.q("#field-vendors-adjustments-0-locations-0-finding").textContent).toContain("NARNIA");
    expect(w.q("#step-findings").textContent).toBe("");
    w.done();
  });
});

describe("custom vendors and group companies", () => {
  it("a custom vendor's own use is saved, and removed when cleared", () => {
    const p = blankProject();
    p.vendors.custom = [{ name: "Ads Co", category: "payments", data: [], locations: [] }];
    const w = mountStep("vendors", p);
    w.type("#field-vendors-custom-0-own-use", "Its own advertising.");
    expect(w.history.current.vendors.custom[0].own_use).toBe("Its own advertising.");
    w.type("#field-vendors-custom-0-own-use", " ");
    expect("own_use" in w.history.current.vendors.custom[0]).toBe(false);
    w.done();
  });

  it("group companies are added, named, placed by country name and removed", () => {
    const w = mountStep("vendors");
    w.q<HTMLButtonElement>("#add-group-company").click();
    w.q<HTMLButtonElement>("#add-group-company").click();
    w.find([]);
    w.type("#field-vendors-group-companies-1-name", "Kestrel Inc.");
    w.type("#field-vendors-group-companies-1-country", "United States");
    w.toggle("#field-vendors-group-companies-1-safeguards-standard-contractual-clauses");
    expect(w.q("#field-vendors-group-companies-1 > legend").textContent).toBe("Kestrel Inc.");
    expect(w.history.current.vendors.group_companies?.[1]).toEqual({ name: "Kestrel Inc.", country: "US", safeguards: ["standard-contractual-clauses"] });
    w.q<HTMLButtonElement>("#field-vendors-group-companies-0 button.secondary").click();
    w.find([]);
    expect(w.history.current.vendors.group_companies?.map((g) => g.name)).toEqual(["Kestrel Inc."]);
    expect(w.q("#field-vendors-group-companies-0 > legend").textContent).toBe("Kestrel Inc.");
    expect(w.q<HTMLInputElement>("#field-vendors-group-companies-0-country").value).toBe("United States (US)");
    w.q<HTMLButtonElement>("#field-vendors-group-companies-0 button.secondary").click();
    expect(w.history.current.vendors.group_companies).toBeUndefined();
    w.done();
  });

  it("a web address typed without https:// is read by the core when the box is left", async () => {
    const p = blankProject();
    p.vendors.custom = [{ name: "Wix", category: "hosting", data: [], locations: [] }];
    const w = mountStep("vendors", p);
    const box = "#field-vendors-custom-0-privacy-url";
    w.type(box, "www.wix.com/privacy");
    expect(w.history.current.vendors.custom[0].privacy_url).toBe("www.wix.com/privacy");
    w.q(box).dispatchEvent(new Event("blur"));
    await w.settle();
    expect(w.history.current.vendors.custom[0].privacy_url).toBe("https://www.wix.com/privacy");
    expect(w.q<HTMLInputElement>(box).value).toBe("https://www.wix.com/privacy");
    w.type(box, "mailto:x@wix.com");
    w.q(box).dispatchEvent(new Event("blur"));
    await w.settle();
    expect(w.history.current.vendors.custom[0].privacy_url, "not a web address: kept for validation").toBe("mailto:x@wix.com");
    w.done();
  });
});

describe("many vendors of your own", () => {
  const many = (n: number): Project => {
    const p = blankProject();
    p.vendors.custom = Array.from({ length: n }, (_, i) => ({ name: `Vendor ${i} Ltd`, category: "hosting", data: [], locations: [] }));
    return p;
  };

  it("show as closed rows that open one at a time, and a new one opens", () => {
    const w = mountStep("vendors", many(13));
    expect(w.c.querySelector("#field-vendors-custom-0-name")).toBeNull();
    expect(w.q("#open-custom-vendor-0").textContent).toBe("Open Vendor 0 Ltd");
    w.q<HTMLButtonElement>("#open-custom-vendor-0").click();
    flushSync();
    expect(w.q<HTMLInputElement>("#field-vendors-custom-0-name").value).toBe("Vendor 0 Ltd");
    expect(w.c.querySelector("#field-vendors-custom-1-name")).toBeNull();
    w.q<HTMLButtonElement>("#add-custom-vendor").click();
    w.find([]);
    expect(w.c.querySelector("#field-vendors-custom-13-name")).not.toBeNull();
    w.done();
  });

  it("open the one a chosen finding is about", () => {
    const w = mountStep("vendors", many(20));
    w.wizard.focus = "vendors.custom[7].name";
    flushSync();
    expect(w.c.querySelector("#field-vendors-custom-7-name")).not.toBeNull();
    w.done();
  });

  it("stay open when there are only a few", () => {
    const w = mountStep("vendors", many(12));
    expect(w.c.querySelector("#field-vendors-custom-11-name")).not.toBeNull();
    w.done();
  });
});
