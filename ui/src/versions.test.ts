import { describe, expect, it } from "vitest";
import type { PolicyDiff } from "./generated/PolicyDiff";
import {
  changedSections,
  checkedSave,
  describeChanges,
  inlineHtml,
  lastPublishedLabel,
  NotSaved,
  sideBySideHtml,
  todayIso,
  versionsApi,
  withDiskCheck,
} from "./versions";

const diff: PolicyDiff = {
  from: "version 1 (2026-02-01)",
  to: "the current answers",
  sections: [
    { id: "top", title: "Title and dates", status: "same", pieces: [{ kind: "same", text: "# Privacy policy" }] },
    {
      id: "vendors",
      title: "Who we share it with",
      status: "changed",
      pieces: [
        { kind: "same", text: "We use " },
        { kind: "removed", text: "<Stripe>" },
        { kind: "added", text: "Adyen & co" },
        { kind: "same", text: "." },
      ],
    },
  ],
};

describe("versions", () => {
  it("marks words inline and side by side, escaped", () => {
    const [changed] = changedSections(diff);
    expect(changed.id).toBe("vendors");
    expect(inlineHtml(changed)).toBe("We use <del>&lt;Stripe&gt;</del><ins>Adyen &amp; co</ins>.");
    expect(sideBySideHtml(changed)).toEqual({
      old: "We use <del>&lt;Stripe&gt;</del>.",
      new: "We use <ins>Adyen &amp; co</ins>.",
    });
  });

  it("asks before saving over a file that changed on disk", async () => {
    const calls: boolean[] = [];
    const save = async (overwrite: boolean) => {
      calls.push(overwrite);
      if (!overwrite) throw { message: "changed on disk", findings: [], code: "changed-on-disk" };
      return 7;
    };
    expect(await withDiskCheck(save, async () => "cancel")).toEqual({ kind: "cancel" });
    expect(await withDiskCheck(save, async () => "reload")).toEqual({ kind: "reload" });
    expect(calls).toEqual([false, false]);
    expect(await withDiskCheck(save, async (m) => (m === "changed on disk" ? "overwrite" : "cancel"))).toEqual({ kind: "done", value: 7 });
    expect(calls).toEqual([false, false, false, true]);
    const broken = async () => {
      throw { message: "disk full", findings: [] };
    };
    await expect(withDiskCheck(broken, async () => "overwrite")).rejects.toEqual({ message: "disk full", findings: [] });
  });

  it("a save the owner did not let through throws, saying whether to read the file again", async () => {
    const refused = async (_p: string, _project: unknown, overwrite: boolean) => {
      if (!overwrite) throw { message: "changed on disk", findings: [], code: "changed-on-disk" };
    };
    const project = {} as never;
    await expect(checkedSave(refused, async () => "reload")("/a.policy.json", project)).rejects.toEqual(new NotSaved("/a.policy.json", true));
    const kept = await checkedSave(refused, async () => "cancel")("/a.policy.json", project).catch((e: NotSaved) => e);
    expect(kept).toBeInstanceOf(NotSaved);
    expect((kept as NotSaved).reload).toBe(false);
    await expect(checkedSave(refused, async () => "overwrite")("/a.policy.json", project)).resolves.toBeUndefined();
    expect(todayIso(new Date(2026, 1, 3))).toBe("2026-02-03");
  });

  it("sends the commands their arguments", async () => {
    const sent: [string, unknown][] = [];
    const api = versionsApi(async <T>(cmd: string, args?: Record<string, unknown>) => {
      sent.push([cmd, args]);
      return undefined as T;
    });
    const project = {} as never;
    await api.publish("/a.policy.json", project, { summary: "First." });
    await api.diff(project);
    expect(sent).toEqual([
      ["publish_version", { path: "/a.policy.json", project, summary: "First.", date: null, overwrite: false }],
      ["version_diff", { project, from: null, to: null }],
    ]);
  });

  it("words the changes and the last published date", () => {
    const lines = describeChanges({
      owner: { since: 1, changes: [{ field: "vendors.catalogue", says: "Added vendor: Intercom (customer support)." }] },
      ours: { since: 1, parts: ["catalogues"], reasons: [], sections: [], diff },
    });
    expect(lines).toEqual({
      yours: ["Added vendor: Intercom (customer support)."],
      ours: ["Our catalogues changed, with no effect on your policy."],
    });
    expect(lastPublishedLabel({ path: "/p", name: "p", modified: null, last_published: "2026-02-01" })).toBe("Published 1 February 2026");
    expect(lastPublishedLabel({ path: "/p", name: "p", modified: null })).toBe("Not published yet");
  });
});
