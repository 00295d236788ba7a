import { describe, expect, it } from "vitest";
import { blankProject } from "./fixtures";
import type { Project } from "./generated/Project";
import { type Guard, Session, suggestedName } from "./session";

function fake(guardAnswer: Awaited<ReturnType<Guard>> = "cancel", savePath: string | null = "/p/new.policy.json") {
  const log: string[] = [];
  const session = new Session(
    {
      save: async (path) => void log.push(`save ${path}`),
      chooseSavePath: async (name) => (log.push(`choose ${name}`), savePath),
      autosave: async (_p, path) => void log.push(`autosave ${path}`),
      discardRecovery: async () => void log.push("discard"),
    },
    async (name) => (log.push(`guard ${name}`), guardAnswer),
  );
  return { session, log };
}

const named = (name: string): Project => {
  const p = blankProject();
  p.organisation.legal_name = name;
  return p;
};

describe("session", () => {
  it("titles show the file name and an unsaved mark", () => {
    const { session } = fake();
    expect(session.title).toBe("Policywright");
    session.load(blankProject(), "/home/ann/tea.policy.json");
    expect(session.title).toBe("tea.policy.json — Policywright");
    session.history!.edit((d) => void (d.organisation.legal_name = "X"));
    expect(session.title).toBe("• tea.policy.json — Policywright");
  });

  it("the guard only asks when there are unsaved changes, and cancel keeps the project", async () => {
    const { session, log } = fake("cancel");
    session.load(blankProject(), null);
    expect(await session.mayLeave()).toBe(true);
    session.history!.edit((d) => void (d.organisation.legal_name = "X"));
    expect(await session.mayLeave()).toBe(false);
    expect(log).toEqual(["guard Untitled"]);
  });

  it("choosing save asks for a path for a new project, and discard drops the recovery file", async () => {
    const a = fake("save");
    a.session.load(named("Wren & Co Ltd"), null);
    a.session.history!.edit((d) => void (d.effective_date = "2026-01-01"));
    expect(await a.session.mayLeave()).toBe(true);
    expect(a.log).toEqual(["guard Untitled", "choose wren-co-ltd.policy.json", "save /p/new.policy.json"]);
    expect(a.session.dirty).toBe(false);

    const b = fake("discard");
    b.session.load(blankProject(), "/p/x.policy.json");
    b.session.history!.edit((d) => void (d.effective_date = "2026-01-01"));
    expect(await b.session.mayLeave()).toBe(true);
    expect(b.log).toEqual(["guard x.policy.json", "discard"]);
  });

  it("a cancelled Save As leaves the project unsaved", async () => {
    const { session } = fake("save", null);
    session.load(blankProject(), null);
    session.history!.edit((d) => void (d.effective_date = "2026-01-01"));
    expect(await session.save()).toBe(false);
    expect(session.dirty).toBe(true);
  });

  it("autosave writes changed answers once, and clears the file when nothing is unsaved", async () => {
    const { session, log } = fake();
    session.load(blankProject(), "/p/x.policy.json");
    expect(await session.autosaveTick()).toBe("idle");
    session.history!.edit((d) => void (d.effective_date = "2026-01-01"));
    expect(await session.autosaveTick()).toBe("written");
    expect(await session.autosaveTick()).toBe("idle");
    session.history!.undo();
    expect(await session.autosaveTick()).toBe("cleared");
    expect(log).toEqual(["autosave /p/x.policy.json", "discard"]);
  });

  it("an autosave under way when Save is pressed cannot leave a recovery file behind", async () => {
    const log: string[] = [];
    let recoveryFile: string | null = null;
    let finishAutosave = () => {};
    const session = new Session(
      {
        save: async () => {
          log.push("save");
          recoveryFile = null;
        },
        chooseSavePath: async () => "/p/x.policy.json",
        autosave: (p) =>
          new Promise<void>((done) => {
            log.push("autosave started");
            finishAutosave = () => {
              recoveryFile = p.organisation.legal_name;
              log.push("autosave written");
              done();
            };
          }),
        discardRecovery: async () => {
          log.push("discard");
          recoveryFile = null;
        },
      },
      async () => "cancel",
    );
    session.load(blankProject(), "/p/x.policy.json");
    session.history!.edit((d) => void (d.organisation.legal_name = "Draft"));
    const tick = session.autosaveTick();
    await Promise.resolve();
    const saved = session.save();
    // A tick during the save waits its turn, then finds nothing unsaved.
    const during = session.autosaveTick();
    await new Promise((r) => setTimeout(r, 0));
    expect(log).toEqual(["autosave started"]);
    finishAutosave();
    expect(await tick).toBe("written");
    expect(await saved).toBe(true);
    expect(await during).toBe("idle");
    expect(log).toEqual(["autosave started", "autosave written", "save"]);
    expect(recoveryFile).toBeNull();
    expect(await session.autosaveTick()).toBe("idle");
  });

  it("a failed save does not stop later autosaves", async () => {
    const log: string[] = [];
    const session = new Session(
      {
        save: async () => {
          throw new Error("disk full");
        },
        chooseSavePath: async () => "/p/x.policy.json",
        autosave: async (p) => void log.push(`autosave ${p.organisation.legal_name}`),
        discardRecovery: async () => void log.push("discard"),
      },
      async () => "cancel",
    );
    session.load(blankProject(), "/p/x.policy.json");
    session.history!.edit((d) => void (d.organisation.legal_name = "Draft"));
    await expect(session.save()).rejects.toThrow("disk full");
    expect(session.dirty).toBe(true);
    expect(await session.autosaveTick()).toBe("written");
    expect(log).toEqual(["autosave Draft"]);
  });

  it("restored answers count as unsaved", () => {
    const { session } = fake();
    session.load(blankProject(), null, true);
    expect(session.dirty).toBe(true);
  });

  it("suggests a file name from the organisation", () => {
    expect(suggestedName(named("Ünïcode Café GmbH"))).toBe("unicode-cafe-gmbh.policy.json");
    expect(suggestedName(blankProject())).toBe("privacy-policy.policy.json");
  });
});
