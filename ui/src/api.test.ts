import { beforeEach, describe, expect, it } from "vitest";
import * as api from "./api";
import { MockBackend } from "./mockBackend";
import { Session } from "./session";

let backend: MockBackend;
beforeEach(() => {
  backend = new MockBackend();
  api.useBackend(backend.invoke);
});

function session(answer: "save" | "discard" | "cancel" = "cancel") {
  return new Session(
    { save: api.saveProject, chooseSavePath: api.chooseSavePath, autosave: api.autosave, discardRecovery: api.discardRecovery },
    async () => answer,
  );
}

describe("the UI against the mock backend", () => {
  it("saves through the dialog, lists the project as recent, and re-opens it", async () => {
    const s = session();
    s.load(await api.newProject(null), null);
    s.history!.edit((d) => void (d.organisation.legal_name = "Mock & Co"));
    backend.dialogAnswers.push("/docs/mock");
    expect(await s.save()).toBe(true);
    expect(s.path).toBe("/docs/mock.policy.json");
    const recent = await api.recentProjects();
    expect(recent.map((r) => r.name)).toEqual(["mock.policy.json"]);
    const reopened = await api.openProject(recent[0].path);
    expect(reopened.organisation.legal_name).toBe("Mock & Co");
  });

  it("autosaves unsaved answers and a save clears the recovery", async () => {
    const s = session();
    s.load(await api.newProject(null), "/docs/a.policy.json");
    s.history!.edit((d) => void (d.organisation.legal_name = "Draft"));
    await s.autosaveTick();
    expect(backend.recovery?.project.organisation.legal_name).toBe("Draft");
    expect(await api.pendingRecovery()).toBeNull();
    await s.save();
    expect(backend.recovery).toBeNull();
  });

  it("restores a crashed window's answers as this window's own", async () => {
    const crashed = await api.newProject(null);
    crashed.organisation.legal_name = "Crashed";
    backend.orphan = { path: null, saved_at: "2026-01-01T00:00:00Z", project: crashed };
    expect((await api.pendingRecovery())?.project.organisation.legal_name).toBe("Crashed");
    expect((await api.restoreRecovery()).project.organisation.legal_name).toBe("Crashed");
    expect(backend.recovery?.project.organisation.legal_name).toBe("Crashed");
    expect(await api.pendingRecovery()).toBeNull();
    await expect(api.restoreRecovery()).rejects.toMatchObject({ message: expect.stringContaining("no unsaved answers") });
  });

  it("the stand-in preview escapes the answers and reports what blocks export", async () => {
    const p = await api.newProject(null);
    p.organisation.legal_name = "<b>Bold</b>";
    const preview = await api.previewOpen(p, 1);
    expect(preview.sections[0].html).toContain("&#60;b&#62;Bold");
    expect(preview.findings.map((f) => f.field)).toEqual(["organisation.email"]);
    await expect(api.exportPolicy(p, { format: "all", fragment: false, front_matter: false }, "/out", "p")).rejects.toMatchObject({
      findings: [{ field: "organisation.email" }],
    });
    p.organisation.email = "privacy@example.com";
    const report = await api.exportPolicy(p, { format: "all", fragment: false, front_matter: false }, "/out", "p");
    expect(report.files).toEqual(["/out/p.md", "/out/p.html", "/out/p.pdf"]);
    await api.copyPolicy(p, { format: "html", fragment: true, front_matter: false });
    expect(backend.clipboard).toContain("&#60;b&#62;Bold");
  });
});
