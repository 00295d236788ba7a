// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import * as api from "./api";
import { type DiskNotice, DiskWatch, diskNoticeText } from "./diskWatch";
import type { FileStamp } from "./generated/FileStamp";
import { MockBackend } from "./mockBackend";
import { Session } from "./session";
import { checkedSave } from "./versions";

const changed: FileStamp = { len: 10, sha256: "ab".repeat(32) };

/** A watch over `path`, with the backend's answers from `answer`; what it showed, in order. */
function watch(path: () => string | null, answer: (path: string) => Promise<FileStamp | null>, whenIdle = <T>(work: () => Promise<T>) => work()) {
  const shown: Array<DiskNotice | null> = [];
  const errors: unknown[] = [];
  const asked: string[] = [];
  const w = new DiskWatch(
    {
      path,
      changed: (p) => {
        asked.push(p);
        return answer(p);
      },
      whenIdle,
    },
    (n) => shown.push(n),
    (e) => errors.push(e),
  );
  return { w, shown, errors, asked };
}

describe("disk watch", () => {
  it("shows a change on disk, and hides the notice once the file is what the window expects", async () => {
    let answer: FileStamp | null = changed;
    const { w, shown, asked } = watch(
      () => "/p/tea.policy.json",
      async () => answer,
    );
    await w.check();
    expect(shown).toEqual([{ path: "/p/tea.policy.json", seen: changed }]);
    answer = null;
    await w.check();
    expect(shown.at(-1)).toBeNull();
    expect(asked).toEqual(["/p/tea.policy.json", "/p/tea.policy.json"]);
  });

  it("asks nothing while no saved project is open", async () => {
    const { w, shown, asked } = watch(
      () => null,
      async () => changed,
    );
    await w.check();
    expect(asked).toEqual([]);
    expect(shown).toEqual([]);
  });

  it("asks once for focus and visibility arriving together", async () => {
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const { w, asked, shown } = watch(
      () => "/p/a.policy.json",
      async () => {
        await gate;
        return changed;
      },
    );
    const first = w.check();
    const second = w.check();
    release();
    await Promise.all([first, second]);
    expect(asked).toHaveLength(1);
    expect(shown).toHaveLength(1);
    await w.check();
    expect(asked).toHaveLength(2);
  });

  it("drops the answer about a file that is no longer the open one", async () => {
    let path = "/p/a.policy.json";
    const { w, shown } = watch(
      () => path,
      async () => {
        path = "/p/b.policy.json";
        return changed;
      },
    );
    await w.check();
    expect(shown).toEqual([]);
  });

  it("waits for a save under way, so the window's own save is never taken for a change", async () => {
    const order: string[] = [];
    let finishSave = () => {};
    const saving = new Promise<void>((r) => (finishSave = r));
    const session = new Session(
      {
        save: async () => {
          order.push("save started");
          await saving;
          order.push("save done");
        },
        chooseSavePath: async () => null,
        autosave: async () => {},
        discardRecovery: async () => {},
      },
      async () => "cancel",
    );
    session.load({} as never, "/p/a.policy.json");
    const { w } = watch(
      () => session.path,
      async () => {
        order.push("checked");
        return null;
      },
      (work) => session.whenIdle(work),
    );
    const saved = session.save();
    const checked = w.check();
    await Promise.resolve();
    finishSave();
    await Promise.all([saved, checked]);
    expect(order).toEqual(["save started", "save done", "checked"]);
  });

  it("reports a failed check and still checks next time", async () => {
    let fail = true;
    const { w, errors, shown } = watch(
      () => "/p/a.policy.json",
      async () => {
        if (fail) throw { message: "unreadable", findings: [] };
        return changed;
      },
    );
    await w.check();
    expect(errors).toEqual([{ message: "unreadable", findings: [] }]);
    fail = false;
    await w.check();
    expect(shown).toHaveLength(1);
  });

  it("says what each choice loses", () => {
    expect(diskNoticeText("tea.policy.json", true)).toContain("loses your changes here since the last save");
    expect(diskNoticeText("tea.policy.json", false)).toContain("you have no unsaved changes here");
    expect(diskNoticeText("tea.policy.json", true)).toMatch(/^tea\.policy\.json changed on disk.*Keep mine.*next save replaces the file/);
  });

  it("checks when the window gets the focus back, and Keep mine lets the next save replace the file", async () => {
    const backend = new MockBackend();
    api.useBackend(backend.invoke);
    const asked: string[] = [];
    const save = checkedSave(api.versions.save, async (message) => {
      asked.push(message);
      return "cancel";
    });
    const s = new Session({ save, chooseSavePath: api.chooseSavePath, autosave: api.autosave, discardRecovery: api.discardRecovery }, async () => "cancel");
    s.load(await api.newProject(null), null);
    backend.dialogAnswers.push("/p/tea");
    expect(await s.saveAs()).toBe(true);
    const shown: Array<DiskNotice | null> = [];
    const w = new DiskWatch(
      { path: () => s.path, changed: api.versions.diskChange, whenIdle: (work) => s.whenIdle(work) },
      (n) => shown.push(n),
      (e) => {
        throw e;
      },
    );
    let checks: Promise<void>[] = [];
    await api.onWindowReturn(() => checks.push(w.check()));

    window.dispatchEvent(new Event("focus"));
    await Promise.all(checks);
    expect(shown).toEqual([null]);

    // `policywright publish` meanwhile.
    backend.changedOnDisk.add("/p/tea.policy.json");
    checks = [];
    Object.defineProperty(document, "visibilityState", { value: "visible", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    await Promise.all(checks);
    expect(checks).toHaveLength(1);
    const notice = shown.at(-1);
    expect(notice?.path).toBe("/p/tea.policy.json");

    await api.versions.keepMine(notice!.path, notice!.seen);
    s.history!.edit((d) => void (d.organisation.legal_name = "Mine Ltd"));
    expect(await s.save()).toBe(true);
    expect(asked).toEqual([]);
  });
});
