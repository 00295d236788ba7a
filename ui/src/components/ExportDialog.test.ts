// @vitest-environment jsdom
// The export dialog against the mock backend: files chosen, folder asked for, results listed.
import { flushSync } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import * as api from "../api";
import { openExportDialog } from "../exportDialog";
import { blankProject } from "../fixtures";
import type { Paper } from "../generated/Paper";
import type { MockBackend } from "../mockBackend";
import { freshDialogPage, settle } from "../testing";

let backend: MockBackend;
beforeEach(() => {
  backend = freshDialogPage();
});

const text = (sel: string) => document.querySelector(sel)?.textContent?.trim();
const q = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;

/** Answers the folder dialog with `dir` and presses "Choose folder…". */
async function chooseFolder(dir: string) {
  backend.dialogAnswers.push(dir);
  q<HTMLButtonElement>("#choose-folder").click();
  await settle();
}

/** A project the core can export: a name and an email. */
function wren() {
  const project = blankProject();
  project.organisation.legal_name = "Wren Ltd";
  project.organisation.email = "privacy@wren.example";
  return project;
}

function open(paper: Paper = "a4") {
  const project = wren();
  const papers: Paper[] = [];
  openExportDialog({ project: () => project, paper, setPaper: (p) => papers.push(p), stem: "wren" });
  flushSync();
  return { papers };
}

describe("export dialog", () => {
  it("asks for a folder first, then writes the ticked files and lists them", async () => {
    open();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#export-result")).toBe("Choose a folder first.");
    await chooseFolder("/out");
    expect(q<HTMLInputElement>("#export-folder").value).toBe("/out");
    q<HTMLInputElement>("#fmt-md").click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(q("#export-done").textContent).toBe("Exported 2 file(s).");
    expect(Array.from(document.querySelectorAll("li[data-file]")).map((li) => li.getAttribute("data-file"))).toEqual(["/out/wren.html", "/out/wren.pdf"]);
  });

  it("records a paper change in the answers, and says when nothing is ticked", async () => {
    const { papers } = open("a4");
    await chooseFolder("/out");
    q<HTMLInputElement>("#paper-letter").click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(papers).toEqual(["letter"]);
    for (const id of ["#fmt-html", "#fmt-md", "#fmt-pdf"]) q<HTMLInputElement>(id).click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#export-result")).toBe("Tick at least one kind of file.");
  });

  it("copies to the clipboard, and shows the core's error when the answers cannot be exported", async () => {
    openExportDialog({ project: () => blankProject(), paper: "a4", setPaper() {}, stem: "x" });
    flushSync();
    q<HTMLButtonElement>("#copy-md").click();
    await settle();
    expect(text("#export-result")).toBe("the project has errors to fix before it can be exported");
    open();
    expect(document.querySelectorAll("#export-dialog")).toHaveLength(1);
    q<HTMLButtonElement>("#copy-md").click();
    await settle();
    expect(text("#export-result")).toBe("Markdown copied to the clipboard.");
    expect(backend.clipboard).toContain("Wren Ltd");
    q<HTMLButtonElement>("#close-export").click();
    flushSync();
    expect(document.querySelector("#export-dialog")).toBeNull();
  });

  it("asks before it replaces files already there, and remembers the place for the project", async () => {
    const project = wren();
    const deps = { project: () => project, paper: "a4" as Paper, setPaper() {}, stem: "wren", projectPath: "/p/wren.policy.json" };
    openExportDialog(deps);
    flushSync();
    await chooseFolder("/out");
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(document.querySelector("#overwrite-guard"), "nothing there yet").toBeNull();
    expect(text("#export-done")).toBe("Exported 3 file(s).");
    expect(backend.exportPlaces.get("/p/wren.policy.json")).toEqual({ folder: "/out", stem: "wren" });

    q<HTMLInputElement>("#fmt-md").click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#overwrite-guard-message")).toBe("/out already has wren.html, wren.pdf. Exporting replaces them with the policy as it is now.");
    q<HTMLButtonElement>('#overwrite-guard button[data-value="cancel"]').click();
    await settle();
    expect(text("#export-result")).toBe("Nothing exported: the files there were kept.");
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    q<HTMLButtonElement>('#overwrite-guard button[data-value="replace"]').click();
    await settle();
    expect(text("#export-done")).toBe("Exported 2 file(s).");
  });

  it("an unsaved project's place is remembered for the window, and the first save files it under the path", async () => {
    const project = wren();
    openExportDialog({ project: () => project, paper: "a4", setPaper() {}, stem: "wren", projectPath: null });
    flushSync();
    await chooseFolder("/out");
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#export-done")).toBe("Exported 3 file(s).");
    expect(backend.exportPlaces.get(null)).toEqual({ folder: "/out", stem: "wren" });
    await backend.invoke("save_project", { path: "/p/wren.policy.json", project });
    expect(backend.exportPlaces.get("/p/wren.policy.json")).toEqual({ folder: "/out", stem: "wren" });
    expect(backend.exportPlaces.has(null)).toBe(false);
  });

  it("a past version asks only about its own files, not the current policy's", async () => {
    const project = wren();
    backend.exported.add("/out/wren.md");
    openExportDialog({ project: () => project, paper: "a4", setPaper() {}, stem: "wren", version: 1 });
    flushSync();
    await chooseFolder("/out");
    q<HTMLButtonElement>("#fmt-html").click();
    q<HTMLButtonElement>("#fmt-pdf").click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(document.querySelector("#overwrite-guard"), "wren.md is the current policy's file").toBeNull();
    expect(text("#export-done")).toBe("Exported 1 file(s).");
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#overwrite-guard-message")).toBe("/out already has wren-v1.md. Exporting replaces it with version 1.");
    expect(backend.exportPlaces.size, "a version's export is not where the project goes").toBe(0);
  });

  it("a place that cannot be remembered is a warning beside what was exported", async () => {
    const project = wren();
    const invoke = backend.invoke;
    api.useBackend(async <T>(cmd: string, args?: Record<string, unknown>): Promise<T> => {
      if (cmd === "remember_export_place") throw { message: "the disk is full", findings: [] };
      return invoke<T>(cmd, args);
    });
    openExportDialog({ project: () => project, paper: "a4", setPaper() {}, stem: "wren", projectPath: "/p/wren.policy.json" });
    flushSync();
    await chooseFolder("/out");
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(text("#export-done")).toBe("Exported 3 file(s).");
    expect(text("#export-result .finding")).toBe("The folder was not remembered for next time: the disk is full");
  });

  it("starts in the folder and with the name it was given", () => {
    openExportDialog({ project: () => blankProject(), paper: "a4", setPaper() {}, stem: "site-policy", folder: "/site" });
    flushSync();
    expect(q<HTMLInputElement>("#export-folder").value).toBe("/site");
    expect(q<HTMLInputElement>("#export-stem").value).toBe("site-policy");
  });
});
