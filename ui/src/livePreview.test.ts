import { describe, expect, it } from "vitest";
import { produce } from "./draft";
import { blankProject } from "./fixtures";
import type { Edit } from "./generated/Edit";
import type { Preview } from "./generated/Preview";
import type { Project } from "./generated/Project";
import { LivePreview, merge } from "./livePreview";
import { MockBackend } from "./mockBackend";

/** The mock backend, logging each call. */
function backend() {
  const mock = new MockBackend();
  const calls: string[] = [];
  const edits: Edit[][] = [];
  const live = new LivePreview({
    open: (project, revision) => (calls.push(`open ${revision}`), mock.invoke<Preview>("preview_open", { project, revision })),
    edit: (base, revision, e) => (calls.push(`edit ${base}→${revision}`), edits.push(e), mock.invoke("preview_edit", { base, revision, edits: e })),
  });
  return { mock, live, calls, edits };
}

const named = (p: Project, name: string) => produce(p, (d) => void (d.organisation.legal_name = name));

describe("merge", () => {
  const section = (id: string, html: string) => ({ id, title: id, html, reasons: [] });
  const previous: Preview = {
    title: "T",
    organisation: "O",
    last_updated: null,
    sections: [section("a", "1"), section("b", "2")],
    findings: [],
    paper: "a4",
    listed_vendors: [],
  };

  it("takes changed sections from the update and the rest from before, in the new order", () => {
    const merged = merge(previous, {
      title: "T2",
      organisation: "O",
      last_updated: "now",
      order: ["c", "b"],
      changed: [section("c", "3")],
      spliced: [],
      findings: [],
      paper: "letter",
      listed_vendors: null,
    });
    expect(merged.sections.map((s) => `${s.id}${s.html}`)).toEqual(["c3", "b2"]);
    expect(merged.sections[1]).toBe(previous.sections[1]);
    expect([merged.title, merged.last_updated, merged.paper]).toEqual(["T2", "now", "letter"]);
  });

  it("keeps the findings when the update leaves them out, and takes new ones", () => {
    const finding = { code: "c", field: "f", paths: ["f"], severity: "error" as const, message: "m", fix: "x" };
    const withFinding = { ...previous, findings: [finding] };
    const update = { title: "T", organisation: "O", last_updated: null, order: ["a"], changed: [], spliced: [], paper: "a4" as const, listed_vendors: null };
    expect(merge(withFinding, { ...update, findings: null }).findings).toEqual([finding]);
    expect(merge(withFinding, { ...update, findings: [] }).findings).toEqual([]);
  });

  it("splices a large section's changed part into the HTML shown, counting as JavaScript does", () => {
    const shown = { ...previous, sections: [section("a", "<td>é😀 one</td><td>two</td>"), section("b", "2")] };
    const update = {
      title: "T",
      organisation: "O",
      last_updated: null,
      order: ["a", "b"],
      changed: [],
      findings: null,
      paper: "a4" as const,
      listed_vendors: null,
    };
    const splice = { id: "a", title: "A", reasons: [], keep_start: 8, keep_end: 17, html: "ONE" };
    const merged = merge(shown, { ...update, spliced: [splice] });
    expect(merged.sections.map((s) => `${s.id}:${s.title}:${s.html}`)).toEqual(["a:A:<td>é😀 ONE</td><td>two</td>", "b:b:2"]);
    expect(merged.sections[1]).toBe(shown.sections[1]);
    expect(() => merge(shown, { ...update, spliced: [{ ...splice, keep_end: 40 }] })).toThrow(/splice section a/);
    expect(() => merge(shown, { ...update, spliced: [{ ...splice, id: "zz" }] })).toThrow(/splice section zz/);
  });

  it("refuses an update naming a section it does not have", () => {
    expect(() =>
      merge(previous, {
        title: "T",
        organisation: "O",
        last_updated: null,
        order: ["zz"],
        changed: [],
        spliced: [],
        findings: [],
        paper: "a4",
        listed_vendors: null,
      }),
    ).toThrow(/zz/);
  });

  it("keeps the vendors' entities and countries when the update leaves them out, and takes new ones", () => {
    const listed = [{ id: "aws", legal_entity: "Amazon Web Services, Inc.", locations: ["US"] }];
    const update = { title: "T", organisation: "O", last_updated: null, order: ["a"], changed: [], spliced: [], findings: null, paper: "a4" as const };
    const before = merge(previous, { ...update, listed_vendors: listed });
    expect(before.listed_vendors).toEqual(listed);
    expect(merge(before, { ...update, listed_vendors: null }).listed_vendors).toEqual(listed);
    expect(merge(before, { ...update, listed_vendors: [] }).listed_vendors).toEqual([]);
  });
});

describe("LivePreview", () => {
  it("sends the answers whole once, then only the edits, and gives the preview a full one would", async () => {
    const { mock, live, calls, edits } = backend();
    const p0 = blankProject();
    await live.update(p0);
    const p1 = named(p0, "<i>Wren</i>");
    const preview = await live.update(p1);
    expect(calls).toEqual(["open 1", "edit 1→2"]);
    expect(edits[0]).toEqual([{ op: "set", path: ["organisation", "legal_name"], value: "<i>Wren</i>" }]);
    const full = await new MockBackend().invoke<Preview>("preview_open", { project: p1, revision: 1 });
    expect(preview).toEqual(full);
    expect(mock.live?.project).toEqual(p1);
  });

  it("sends a call at once when none is running, skips those superseded while one runs, and undo is an edit too", async () => {
    const { live, calls } = backend();
    const p0 = blankProject();
    await live.update(p0);
    const typed: Project[] = [];
    for (const name of ["W", "Wr", "Wre", "Wren"]) typed.push(named(typed[typed.length - 1] ?? p0, name));
    const first = live.update(typed[0]);
    // Sent before update returned: not a microtask later, after the UI's own work on the edit.
    expect(calls).toEqual(["open 1", "edit 1→2"]);
    const results = await Promise.all([first, ...typed.slice(1).map((p) => live.update(p))]);
    expect(results[0]?.sections[0].html).toContain("W");
    expect(results.slice(1, 3)).toEqual([null, null]);
    expect(results[3]?.sections[0].html).toContain("Wren");
    expect(calls).toEqual(["open 1", "edit 1→2", "edit 2→3"]);
    const back = await live.update(p0);
    expect(calls.at(-1)).toBe("edit 3→4");
    expect(back?.sections[0].html).toContain("Your organisation");
  });

  it("starts again with the whole answers when an edit is refused, and after reset", async () => {
    const { mock, live, calls } = backend();
    const p0 = blankProject();
    await live.update(p0);
    if (mock.live) mock.live.revision = 99; // the Rust side lost step with the UI
    const p1 = named(p0, "Again");
    expect((await live.update(p1))?.sections[0].html).toContain("Again");
    expect(calls).toEqual(["open 1", "edit 1→2", "open 2"]);
    live.reset();
    await live.update(named(p1, "Other project"));
    expect(calls.at(-1)).toBe("open 3");
  });

  it("passes on the error when the whole answers are refused too, and recovers after", async () => {
    const mock = new MockBackend();
    let fail = true;
    const live = new LivePreview({
      open: (project, revision) => (fail ? Promise.reject({ message: "bad answers" }) : mock.invoke<Preview>("preview_open", { project, revision })),
      edit: (base, revision, edits) => mock.invoke("preview_edit", { base, revision, edits }),
    });
    await expect(live.update(blankProject())).rejects.toMatchObject({ message: "bad answers" });
    fail = false;
    expect((await live.update(named(blankProject(), "Fine")))?.sections[0].html).toContain("Fine");
  });
});
