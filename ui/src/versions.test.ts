import { describe, expect, it } from "vitest";
import type { PolicyDiff } from "./generated/PolicyDiff";
import { changedSections, describeChanges, inlineHtml, lastPublishedLabel, saveAsking, sideBySideHtml, versionsApi } from "./versions";

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
    };
    expect(await saveAsking(save, async () => false)).toBe("kept");
    expect(calls).toEqual([false]);
    expect(await saveAsking(save, async (m) => m === "changed on disk")).toBe("saved");
    expect(calls).toEqual([false, false, true]);
    const broken = async () => {
      throw { message: "disk full", findings: [] };
    };
    await expect(saveAsking(broken, async () => true)).rejects.toEqual({ message: "disk full", findings: [] });
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
