import { describe, expect, it } from "vitest";
import { diff, produce, sameAnswers } from "./draft";
import { blankProject } from "./fixtures";
import { applyEdits } from "./mockBackend";

type Answers = {
  name: string;
  note?: string;
  list: Array<{ id: string; on: boolean; url?: string }>;
  nested: { deep: { n: number }; other: { n: number } };
};

const base = (): Answers => ({
  name: "a",
  list: [
    { id: "x", on: false },
    { id: "y", on: true, url: "https://y.example" },
  ],
  nested: { deep: { n: 1 }, other: { n: 2 } },
});

describe("produce", () => {
  it("copies only the path written to and leaves the base untouched", () => {
    const before = base();
    const snapshot = structuredClone(before);
    const after = produce(before, (d) => void (d.nested.deep.n = 5));
    expect(before).toEqual(snapshot);
    expect(after.nested.deep.n).toBe(5);
    expect(after).not.toBe(before);
    expect(after.nested).not.toBe(before.nested);
    expect(after.nested.other).toBe(before.nested.other);
    expect(after.list).toBe(before.list);
  });

  it("returns the base itself when the edit only reads", () => {
    const before = base();
    expect(produce(before, (d) => void d.list.map((e) => e.on && d.nested.deep.n))).toBe(before);
  });

  it("handles the array and delete operations the editors use", () => {
    const before = base();
    const after = produce(before, (d) => {
      d.list.push({ id: "z", on: false });
      d.list.splice(0, 1);
      delete d.list[0].url;
      d.list[0].on = false;
      d.note = "new";
    });
    expect(after).toEqual({
      ...base(),
      note: "new",
      list: [
        { id: "y", on: false },
        { id: "z", on: false },
      ],
    });
    expect(before).toEqual(base());
    expect(Array.isArray(after.list)).toBe(true);
    expect(Object.keys(after.list[0])).toEqual(["id", "on"]);
  });

  it("replaces drafts inside new values built from them", () => {
    const before = base();
    const after = produce(before, (d) => void (d.list = d.list.filter((e) => e.id === "y")));
    expect(after.list).toEqual([before.list[1]]);
    expect(after.list[0]).toBe(before.list[1]);
    expect(JSON.stringify(after)).toBe(JSON.stringify({ ...before, list: [before.list[1]] }));
  });
});

describe("diff", () => {
  it("lists edits that turn one value into the other", () => {
    const before = base();
    const after = produce(before, (d) => {
      d.name = "b";
      d.list[1].on = false;
      delete d.list[1].url;
      d.note = "n";
      d.nested.deep = { n: 9 };
    });
    const edits = diff(before, after);
    expect(edits).toEqual([
      { op: "set", path: ["name"], value: "b" },
      { op: "set", path: ["list", 1, "on"], value: false },
      { op: "remove", path: ["list", 1, "url"] },
      { op: "set", path: ["nested", "deep", "n"], value: 9 },
      { op: "set", path: ["note"], value: "n" },
    ]);
  });

  it("sends an array that changed length whole, and nothing for equal values", () => {
    const before = base();
    const after = produce(before, (d) => void d.list.pop());
    expect(diff(before, after)).toEqual([{ op: "set", path: ["list"], value: [{ id: "x", on: false }] }]);
    expect(diff(before, structuredClone(before))).toEqual([]);
  });

  it("treats a key set to undefined as absent, as JSON does", () => {
    const before = base();
    const after = produce(before, (d) => void (d.list[1].url = undefined));
    expect(diff(before, after)).toEqual([{ op: "remove", path: ["list", 1, "url"] }]);
    expect(sameAnswers({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameAnswers({ a: [1] }, { a: [1, 2] })).toBe(false);
    expect(sameAnswers([1], { 0: 1 })).toBe(false);
  });

  it("edits applied to the old project give the new one, for random edits", () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    let project = blankProject();
    for (let round = 0; round < 200; round++) {
      const next = produce(project, (d) => {
        switch (rand(6)) {
          case 0:
            d.organisation.legal_name = `Name ${rand(100)}`;
            break;
          case 1:
            d.products.push({ name: `P${rand(9)}`, kind: "website" });
            break;
          case 2:
            if (d.products.length) d.products[rand(d.products.length)].url = `https://p${rand(9)}.example`;
            break;
          case 3:
            if (d.products.length) delete d.products[rand(d.products.length)].url;
            break;
          case 4:
            if (d.products.length) d.products.splice(rand(d.products.length), 1);
            break;
          default:
            d.jurisdictions = rand(2) ? ["eu", "uk"] : [];
        }
      });
      expect(JSON.parse(JSON.stringify(applyEdits(project, diff(project, next))))).toEqual(JSON.parse(JSON.stringify(next)));
      project = next;
    }
  });
});
