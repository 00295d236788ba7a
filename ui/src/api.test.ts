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
    expect((await api.pendingRecovery())?.project.organisation.legal_name).toBe("Draft");
    await s.save();
    expect(await api.pendingRecovery()).toBeNull();
  });

  it("the stand-in preview escapes the answers and reports what blocks export", async () => {
    const p = await api.newProject(null);
    p.organisation.legal_name = "<b>Bold</b>";
    const preview = await api.previewOpen(p, 1);
    expect(preview.sections[0].html).toContain("&#60;b&#62;Bold");
    expect(preview.findings.map((f) => f.field)).toEqual(["organisation.email"]);
    await expect(api.exportPolicy(p, { format: "all", fragment: false, front_matter: false }, "/out", "p")).rejects.toMatchObject({ findings: [{ field: "organisation.email" }] });
    p.organisation.email = "privacy@example.com";
    const report = await api.exportPolicy(p, { format: "all", fragment: false, front_matter: false }, "/out", "p");
    expect(report.files).toEqual(["/out/p.md", "/out/p.html", "/out/p.pdf"]);
    await api.copyPolicy(p, { format: "html", fragment: true, front_matter: false });
    expect(backend.clipboard).toContain("&#60;b&#62;Bold");
  });
});
