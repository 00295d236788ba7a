// @vitest-environment jsdom
// The contracts between the wizard and the core that nothing else type-checks: every answer path
// steps.ts names exists in the project schema (docs/project.schema.json, written from the Rust
// model), and every place the core's validation can put a finding lands on a step that owns it
// and, there, on a field, so the owner reads it beside what it is about. Every number box takes
// its range from the core's list (model/bounds.rs), and every number in that list has a box.
import { describe, expect, it } from "vitest";
import schema from "../../docs/project.schema.json";
import { fieldId, stepFields } from "./answers";
import { boundFor } from "./bounds";
import { blankProject } from "./fixtures";
import { bounds } from "./generated/bounds";
import type { Project } from "./generated/Project";
import { slotFor } from "./place";
import { findingPaths } from "./rustFindings";
import { ownerOf, steps } from "./steps";
import { mountStep } from "./testing";

type Schema = { [key: string]: unknown };
const defs = (schema as Schema).$defs as Record<string, Schema>;

/** The sub-schemas `node` stands for: through $ref and every anyOf / oneOf / allOf branch. */
function branches(node: Schema): Schema[] {
  const ref = typeof node.$ref === "string" ? defs[node.$ref.replace("#/$defs/", "")] : undefined;
  const more = ["anyOf", "oneOf", "allOf"].flatMap((k) => (Array.isArray(node[k]) ? (node[k] as Schema[]) : []));
  return [node, ...(ref ? branches(ref) : []), ...more.flatMap(branches)];
}

/** Whether `path` (`a.b[0].c`, `a[*].b`) names an answer the schema allows. */
function inSchema(path: string): boolean {
  let nodes: Schema[] = [schema as Schema];
  for (const part of path.match(/[^.[\]]+|\[[^\]]*\]/g) ?? []) {
    const all = nodes.flatMap(branches);
    nodes = part.startsWith("[")
      ? all.flatMap((n) => (n.items && typeof n.items === "object" ? [n.items as Schema] : []))
      : all.flatMap((n) => {
          const props = n.properties as Record<string, Schema> | undefined;
          return props?.[part] ? [props[part]] : [];
        });
    if (nodes.length === 0) return false;
  }
  return true;
}

const rust = import.meta.glob(["../../crates/policywright/src/validate/*.rs", "!**/at.rs"], { query: "?raw", import: "default", eager: true });
const sources = Object.values(rust).filter((s): s is string => typeof s === "string");
/** Where the core puts a finding about a number: its range's path, first list item for `[*]`. */
const boundPlaces = bounds.map((b) => b.path.replaceAll("[*]", "[0]"));
// The range check builds its places from the list of ranges, which reading the source cannot see.
const emitted = [...new Set([...findingPaths(sources), ...boundPlaces])].sort();

/** Findings about a whole step's answers, shown at the top of that step. */
const stepLevel = new Set(["data", "purposes", "sale_and_sharing", "language", "vendors"]);
/** A finding about the owner's "considered" marks is shown in the review's list, where marks are made. */
const inReviewList = (path: string) => path.startsWith("considered[");
/** A project with one of everything, so each step shows every field a finding can land on. */
function full(path: string): Project {
  const p = blankProject();
  p.products = [{ name: "Wren", kind: "website", url: "https://wren.example" }];
  const retention = path.includes("retention.description")
    ? { kind: "criteria" as const, description: "" }
    : path.includes("retention.grace_days")
      ? { kind: "until-account-closed" as const, grace_days: 30 }
      : { kind: "period" as const, amount: 1, unit: "years" as const };
  p.data = [{ category: "contact-details", sources: ["directly"], required: false, retention }];
  p.purposes = [{ purpose: "security", legal_basis: "legitimate-interests", categories: ["contact-details"] }];
  p.jurisdictions = ["eu"];
  // How long backups are kept is asked once backups are ticked; the standard, once certified.
  p.security = ["backups", "certification"];
  p.vendors = {
    // With every vendor whose account setting the wizard asks about: it asks only once one is chosen.
    catalogue: ["stripe", ...steps.flatMap(stepFields).flatMap((f) => (f.vendor ? [f.vendor] : []))],
    custom: [{ name: "Tiny", category: "hosting", data: ["contact-details"], locations: ["US"] }],
    adjustments: [{ vendor: "stripe", locations: ["US"], data: ["contact-details"], safeguards: ["uk-idta"] }],
    group_companies: [{ name: "Kestrel Inc.", country: "US" }],
  };
  if (path.includes("special_condition")) {
    p.data.push({ category: "health", sources: ["directly"], required: false });
    p.purposes[0].categories.push("health");
  }
  return p;
}

describe("contracts with the core", () => {
  it("every field path and owned path in steps.ts exists in the project schema", () => {
    expect(inSchema("organisation.address.city")).toBe(true);
    expect(inSchema("organisation.address.town")).toBe(false);
    for (const step of steps) {
      for (const field of stepFields(step)) expect(inSchema(field.path), field.path).toBe(true);
      for (const owned of step.owns) expect(inSchema(owned), owned).toBe(true);
    }
  });

  it("reads every finding place out of the core's validation", () => {
    // Too few means the reading of the Rust source broke, not that the core lost its checks.
    expect(emitted.length).toBeGreaterThanOrEqual(45);
    expect(emitted).toContain("vendors.custom[0].locations[0]");
    expect(emitted).toContain("organisation.uk_representative.name");
    for (const path of ["vendors.adjustments[0].locations[0]", "vendors.group_companies[0]", "purposes[0].special_condition"]) expect(emitted).toContain(path);
    for (const path of emitted) expect(inSchema(path), path).toBe(true);
  });

  it("every finding the core can give lands on the step that asks, and there on a field", () => {
    for (const path of emitted) {
      const step = ownerOf(path);
      expect(step, `no step owns ${path}`).toBeDefined();
      if (!step || stepLevel.has(path) || inReviewList(path)) continue;
      const w = mountStep(step.id, full(path));
      expect(slotFor(path, w.wizard.shown), `${path} has no field in step ${step.id}`).not.toBeNull();
      w.done();
    }
    // Every step is drawn once per finding place: slow on a busy machine.
  }, 30_000);

  it("every number field in steps.ts takes its range from the core, and the core has no range without a field", () => {
    const numberFields = steps.flatMap(stepFields).filter((f) => f.kind === "number");
    expect(numberFields.length).toBeGreaterThanOrEqual(4);
    for (const field of numberFields) expect(() => boundFor(field.path), field.path).not.toThrow();
    const inSteps = new Set(numberFields.map((f) => f.path));
    // The retention numbers are asked by the retention widget, one box per data entry.
    const inWidgets = bounds.filter((b) => !inSteps.has(b.path)).map((b) => b.path);
    expect(inWidgets).toEqual(["data[*].retention.amount", "data[*].retention.grace_days"]);
    for (const place of boundPlaces) {
      const bound = boundFor(place);
      expect(inSchema(place), place).toBe(true);
      const step = ownerOf(place);
      if (!step) throw new Error(`no step owns ${place}`);
      const w = mountStep(step.id, full(place));
      const box = w.q<HTMLInputElement>(`#${fieldId(place)}`);
      expect([box.type, box.min, box.max], place).toEqual(["number", String(bound.min), String(bound.max)]);
      w.done();
    }
    expect(() => boundFor("children.age")).toThrow(/no range/);
  });
});
