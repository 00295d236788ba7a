// @vitest-environment jsdom
// The versions dialog against the mock backend: what changed, the diff, publishing (with its
// errors and the changed-on-disk question), the history and exporting a past version.
import { flushSync } from "svelte";
import { beforeEach, describe, expect, it } from "vitest";
import * as api from "../api";
import { openExportDialog } from "../exportDialog";
import { blankProject } from "../fixtures";
import type { Project } from "../generated/Project";
import type { MockBackend } from "../mockBackend";
import { freshDialogPage, settle } from "../testing";
import { openVersionsDialog, type VersionsDeps } from "../versionsDialog";

let backend: MockBackend;
beforeEach(() => {
  backend = freshDialogPage();
});

const text = (sel: string) => document.querySelector(sel)?.textContent?.replace(/\s+/g, " ").trim();
const q = <T extends HTMLElement>(sel: string) => {
  const el = document.querySelector<T>(sel);
  if (!el) throw new Error(`nothing matches ${sel}`);
  return el;
};
const items = (sel: string) => Array.from(document.querySelectorAll(`${sel} li`)).map((li) => li.textContent?.replace(/\s+/g, " ").trim());

function wren(): Project {
  const p = blankProject();
  p.organisation.legal_name = "Wren <Sons> & Co";
  p.organisation.email = "privacy@wren.example";
  p.vendors.catalogue = ["stripe"];
  return p;
}

/** Opens the dialog on `project` saved at `path` (null: never saved); records what it asks of the app. */
async function open(project: Project, path: string | null = "/p/wren.policy.json") {
  const seen = { published: [] as Project[], reloaded: [] as string[], exported: [] as number[], saveAs: 0 };
  let current = project;
  const deps: VersionsDeps = {
    project: () => current,
    path: () => path,
    saveAs: async () => {
      seen.saveAs++;
      return null;
    },
    published: (p) => {
      current = p;
      seen.published.push(p);
    },
    reload: async (p) => void seen.reloaded.push(p),
    exportVersion: (n) => void seen.exported.push(n),
  };
  openVersionsDialog(deps);
  await settle();
  return seen;
}

/** `project` with version 1 published on 2026-02-01, as the backend would return it. */
async function publishedOnce(project: Project): Promise<Project> {
  backend.files.set("/p/wren.policy.json", project);
  const outcome = await api.versions.publish("/p/wren.policy.json", project, { summary: "First.", date: "2026-02-01" });
  return outcome.project;
}

describe("versions dialog", () => {
  it("publishes the first version with the summary and date given, then lists it", async () => {
    const seen = await open(wren());
    expect(text("#versions-intro")).toContain("Nothing has been published yet");
    expect(document.querySelector("#change-list")).toBeNull();
    expect(q<HTMLTextAreaElement>("#publish-summary").value).toBe("First version.");
    expect(q<HTMLInputElement>("#publish-date").value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    q<HTMLInputElement>("#publish-date").value = "2026-02-01";
    q<HTMLInputElement>("#publish-date").dispatchEvent(new Event("input", { bubbles: true }));
    q<HTMLButtonElement>("#publish").click();
    await settle();
    expect(text("#publish-done")).toBe("Published version 1, dated 1 February 2026, and saved the project.");
    expect(seen.published).toHaveLength(1);
    expect(seen.published[0].history?.[0].summary).toBe("First version.");
    expect(backend.files.get("/p/wren.policy.json")?.history).toHaveLength(1);
    expect(items("#version-history")).toEqual(["Version 1 · 1 February 2026 First version. Export this version…"]);
    q<HTMLButtonElement>("#export-version-1").click();
    expect(seen.exported).toEqual([1]);
  });

  it("shows the owner's changes, ours marked as ours, and the diff escaped, inline or side by side", async () => {
    const project = await publishedOnce(wren());
    const now = { ...project, vendors: { ...project.vendors, catalogue: ["stripe", "intercom"] } };
    backend.versions.ours = {
      since: 1,
      parts: ["catalogues"],
      reasons: [{ about: "vendor:stripe", says: "Stripe now stores data in Ireland." }],
      sections: ["Who we share it with"],
      diff: { from: "", to: "", sections: [] },
    };
    await open(now);
    expect(text("#versions-intro")).toContain("Version 1 was published on 1 February 2026");
    expect(items("#change-list")).toEqual(["Added vendor: intercom."]);
    expect(items("#our-changes")).toEqual(["On our side Stripe now stores data in Ireland.", "On our side The text would change in: Who we share it with."]);
    expect(q<HTMLTextAreaElement>("#publish-summary").value).toBe("Added vendor: intercom.");
    const sections = Array.from(document.querySelectorAll<HTMLElement>("#version-diff .diff-section"));
    expect(sections.map((s) => s.dataset.section)).toEqual(["vendors"]);
    expect(sections[0].querySelector("h4")?.textContent).toContain("includes changes on our side");
    const inline = q("#version-diff .diff-text");
    expect(inline.querySelector("del")?.textContent).toContain("We use stripe.");
    expect(inline.querySelector("ins")?.textContent).toContain("We use stripe, intercom.");
    q<HTMLInputElement>("#diff-mode-side").click();
    flushSync();
    expect(q(".diff-old").querySelector("ins")).toBeNull();
    expect(q(".diff-new ins").textContent).toContain("intercom");
    expect(document.querySelector("#version-diff script, #version-diff b")).toBeNull();
  });

  it("keeps the owner's markup as text in the diff", async () => {
    const project = await publishedOnce(wren());
    await open({ ...project, organisation: { ...project.organisation, legal_name: "Wren <script>x</script> Ltd" } });
    const top = q("#version-diff .diff-section[data-section='top'] .diff-text");
    expect(top.querySelector("script")).toBeNull();
    expect(top.querySelector("ins")?.textContent).toContain("<script>x</script>");
  });

  it("shows a date the core refuses beside the date, and other errors beside the button", async () => {
    const project = await publishedOnce(wren());
    await open(project);
    q<HTMLInputElement>("#publish-date").value = "2025-12-31";
    q<HTMLInputElement>("#publish-date").dispatchEvent(new Event("input", { bubbles: true }));
    q<HTMLButtonElement>("#publish").click();
    await settle();
    expect(text("#publish-date-error")).toContain("before version 1's date");
    expect(q("#publish-date").getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector("#publish-error")).toBeNull();

    const seen = await open(wren(), null);
    q<HTMLButtonElement>("#publish").click();
    await settle();
    expect(seen.saveAs).toBe(1);
    expect(text("#publish-error")).toBe("Save the project first: its versions are kept in the project file.");
  });

  it("asks when the file changed on disk: overwrite publishes, reload reads the file again", async () => {
    const path = "/p/wren.policy.json";
    backend.changedOnDisk.add(path);
    let seen = await open(wren());
    q<HTMLButtonElement>("#publish").click();
    await settle();
    expect(text("#changed-on-disk-message")).toContain("changed on disk");
    q<HTMLButtonElement>("#changed-on-disk button[data-value='overwrite']").click();
    await settle();
    expect(seen.published).toHaveLength(1);
    expect(backend.files.get(path)?.history).toHaveLength(1);

    backend.changedOnDisk.add(path);
    seen = await open(wren());
    q<HTMLButtonElement>("#publish").click();
    await settle();
    q<HTMLButtonElement>("#changed-on-disk button[data-value='reload']").click();
    await settle();
    expect(seen.reloaded).toEqual([path]);
    expect(seen.published).toHaveLength(0);
    expect(document.querySelector("#versions-dialog")).toBeNull();
  });

  it("exports a past version through the export dialog, as published", async () => {
    const project = await publishedOnce(wren());
    openExportDialog({ project: () => project, paper: "a4", setPaper() {}, stem: "wren", version: 1 });
    flushSync();
    expect(text("#export-title")).toBe("Export version 1");
    for (const gone of ["#copy-md", "#copy-html", "#md-front-matter", "#paper-letter"]) expect(document.querySelector(gone)).toBeNull();
    backend.dialogAnswers.push("/out");
    q<HTMLButtonElement>("#choose-folder").click();
    await settle();
    q<HTMLInputElement>("#fmt-html").click();
    q<HTMLInputElement>("#fmt-pdf").click();
    q<HTMLButtonElement>("#do-export").click();
    await settle();
    expect(Array.from(document.querySelectorAll("li[data-file]")).map((li) => li.getAttribute("data-file"))).toEqual(["/out/wren-v1.md"]);
  });
});
