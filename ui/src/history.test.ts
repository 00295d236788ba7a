import { describe, expect, it } from "vitest";
import { History } from "./history";

type Answers = { name: string; vendors: string[] };

describe("History", () => {
  it("undoes and redoes edits in order", () => {
    const h = new History<Answers>({ name: "", vendors: [] });
    h.edit((d) => void (d.name = "Acme"));
    h.edit((d) => void d.vendors.push("stripe"));
    expect(h.current).toEqual({ name: "Acme", vendors: ["stripe"] });
    h.undo();
    expect(h.current).toEqual({ name: "Acme", vendors: [] });
    h.undo();
    expect(h.current.name).toBe("");
    expect(h.canUndo).toBe(false);
    h.redo();
    h.redo();
    expect(h.current).toEqual({ name: "Acme", vendors: ["stripe"] });
    expect(h.canRedo).toBe(false);
  });

  it("drops the redo trail after a new edit", () => {
    const h = new History({ n: 1 });
    h.edit((d) => void (d.n = 2));
    h.undo();
    h.edit((d) => void (d.n = 3));
    expect(h.canRedo).toBe(false);
    h.undo();
    expect(h.current.n).toBe(1);
  });

  it("does not mutate earlier values", () => {
    const first = { list: ["a"] };
    const h = new History(first);
    h.edit((d) => void d.list.push("b"));
    expect(first.list).toEqual(["a"]);
  });

  it("tracks unsaved changes against the last save", () => {
    const h = new History({ n: 1 });
    expect(h.dirty).toBe(false);
    h.edit((d) => void (d.n = 2));
    expect(h.dirty).toBe(true);
    h.markSaved();
    expect(h.dirty).toBe(false);
    h.undo();
    expect(h.dirty).toBe(true);
    h.redo();
    expect(h.dirty).toBe(false);
  });

  it("ignores edits that change nothing and keeps a bounded past", () => {
    const h = new History({ n: 0 }, 3);
    h.edit(() => {});
    expect(h.canUndo).toBe(false);
    for (let i = 1; i <= 5; i++) h.edit((d) => void (d.n = i));
    let steps = 0;
    while (h.canUndo) {
      h.undo();
      steps++;
    }
    expect(steps).toBe(3);
    expect(h.current.n).toBe(2);
  });
});

describe("History values", () => {
  it("share what an edit did not change, and an edit back to the saved answers is not unsaved", () => {
    const h = new History({ name: "a", big: { list: [1, 2, 3] }, other: { x: 1 } });
    const first = h.current;
    h.edit((d) => void (d.name = "b"));
    expect(h.current.big).toBe(first.big);
    expect(h.dirty).toBe(true);
    h.edit((d) => void (d.name = "a"));
    expect(h.current).not.toBe(first);
    expect(h.dirty).toBe(false);
    h.markUnsaved();
    expect(h.dirty).toBe(true);
  });
});
