// A stand-in for the Rust side, so the UI runs in a plain browser (`npm run dev`, for styling and
// layout work) and in Vitest. It keeps files, the recent list and the recovery file in memory;
// its preview is a rough stand-in, because only the core writes the real policy.

import { blankProject, catalogueFixture, countryFixture } from "./fixtures";
import type { Edit } from "./generated/Edit";
import type { ExportPlace } from "./generated/ExportPlace";
import type { Finding } from "./generated/Finding";
import type { Preview } from "./generated/Preview";
import type { PreviewUpdate } from "./generated/PreviewUpdate";
import type { Project } from "./generated/Project";
import type { RecentProject } from "./generated/RecentProject";
import type { Recovery } from "./generated/Recovery";
import { MockVersions } from "./mockVersions";

/** `edits` applied to a copy of `project`, as the Rust side applies them. */
export function applyEdits(project: Project, edits: Edit[]): Project {
  const root = structuredClone(project) as unknown as Record<string | number, unknown>;
  for (const edit of edits) {
    const path = [...edit.path];
    const last = path.pop();
    let at: Record<string | number, unknown> | undefined = root;
    for (const key of path) at = at?.[key] as Record<string | number, unknown> | undefined;
    if (at === undefined || last === undefined || typeof at !== "object") throw { message: `no answer at ${edit.path.join(".")}`, findings: [] };
    if (edit.op === "set") at[last] = structuredClone(edit.value);
    else delete at[last];
  }
  return root as unknown as Project;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export class MockBackend {
  files = new Map<string, Project>();
  recent: string[] = [];
  /** This window's recovery file. */
  recovery: Recovery | null = null;
  /** A crashed window's recovery file, offered at start. */
  orphan: Recovery | null = null;
  /** What the next native dialogs answer, in order; empty means "Cancel". */
  dialogAnswers: Array<string | null> = [];
  /** What the last "copy" put on the clipboard. */
  clipboard = "";
  /** Links handed to the system browser or mail client. */
  openedLinks: string[] = [];
  /** Project files something else wrote since they were read: a save refuses them once. */
  changedOnDisk = new Set<string>();
  /** The version commands. */
  versions = new MockVersions((path, project, overwrite) => this.write(path, project, overwrite));
  /** Where each project was last exported, by project path (the app's own settings); under null,
   * the unsaved project's place until its first save. */
  exportPlaces = new Map<string | null, ExportPlace>();
  /** Files the exports wrote. */
  exported = new Set<string>();
  /** The live preview's answers, their number and the preview they gave. */
  live: { project: Project; revision: number; preview: Preview } | null = null;

  private findings(p: Project): Finding[] {
    const out: Finding[] = [];
    if (!p.organisation.legal_name.trim())
      out.push({
        code: "organisation.legal-name-missing",
        field: "organisation.legal_name",
        paths: ["organisation.legal_name"],
        severity: "error",
        message: "Your organisation's legal name is missing.",
        fix: "Add it.",
      });
    if (!p.organisation.email.includes("@"))
      out.push({
        code: "email.malformed",
        field: "organisation.email",
        paths: ["organisation.email"],
        severity: "error",
        message: "There is no valid email address for privacy questions.",
        fix: "Add one.",
      });
    return out;
  }

  private preview(p: Project): Preview {
    return {
      title: "Privacy policy",
      organisation: p.organisation.trading_name ?? p.organisation.legal_name,
      last_updated: p.effective_date || null,
      sections: [
        {
          id: "who-we-are",
          title: "Who we are",
          html: `<p>${escapeHtml(p.organisation.legal_name || "Your organisation")} (stand-in preview: the desktop app shows the real policy).</p>`,
          reasons: [],
        },
      ],
      findings: this.findings(p),
      paper: p.style.paper ?? "a4",
      listed_vendors: catalogueFixture.vendors.map((v) => ({ id: v.id, legal_entity: v.legal_entity, locations: v.locations })),
    };
  }

  private write(path: string, project: Project, overwrite: boolean): void {
    if (this.changedOnDisk.has(path) && !overwrite)
      throw { message: `${path}: not saved: the file changed on disk after it was opened.`, findings: [], code: "changed-on-disk" };
    this.changedOnDisk.delete(path);
    this.files.set(path, structuredClone(project));
    this.remember(path);
  }

  private remember(path: string): void {
    this.recent = [path, ...this.recent.filter((p) => p !== path)].slice(0, 8);
  }

  invoke = async <T>(cmd: string, args: Record<string, unknown> = {}): Promise<T> => {
    const a = args as Record<string, never>;
    const result = ((): unknown => {
      switch (cmd) {
        case "examples":
          return [];
        case "new_project":
          this.exportPlaces.delete(null);
          return blankProject();
        case "catalogue":
          return catalogueFixture;
        case "list_countries":
          return countryFixture;
        case "take_open_request":
          return null;
        case "preview_open":
          this.live = { project: structuredClone(a.project), revision: a.revision, preview: this.preview(a.project) };
          return this.live.preview;
        case "preview_edit": {
          if (this.live?.revision !== a.base) throw { message: "the preview is at other answers; send them all again", findings: [] };
          const project = applyEdits(this.live.project, a.edits);
          const preview = this.preview(project);
          const old = new Map(this.live.preview.sections.map((s) => [s.id, s.html]));
          const { sections, ...rest } = preview;
          const sameFindings = JSON.stringify(rest.findings) === JSON.stringify(this.live.preview.findings);
          const update: PreviewUpdate = {
            ...rest,
            order: sections.map((s) => s.id),
            changed: sections.filter((s) => old.get(s.id) !== s.html),
            spliced: [],
            findings: sameFindings ? null : rest.findings,
          };
          this.live = { project, revision: a.revision, preview };
          return update;
        }
        case "save_project": {
          this.write(a.path, a.project, a.overwrite ?? false);
          this.recovery = null;
          const unsaved = this.exportPlaces.get(null);
          if (unsaved) this.exportPlaces.set(a.path, unsaved);
          this.exportPlaces.delete(null);
          return null;
        }
        case "publish_version":
          return this.versions.publish(args as Parameters<MockVersions["publish"]>[0]);
        case "version_history":
          return this.versions.history(a.project);
        case "change_summary":
          return this.versions.changes(a.project);
        case "version_diff":
          return this.versions.diff(a.project);
        case "disk_change":
          return this.changedOnDisk.has(a.path) ? { len: 1, sha256: `changed:${a.path}` } : null;
        case "keep_mine":
          this.changedOnDisk.delete(a.path);
          return null;
        case "export_file_name":
          return a.path
            ? (a.path as string)
                .split("/")
                .pop()
                ?.replace(/\.policy\.json$/, "")
            : "privacy-policy";
        case "open_project": {
          const project = this.files.get(a.path);
          if (!project) throw { message: `${a.path}: no such file`, findings: [] };
          this.remember(a.path);
          this.changedOnDisk.delete(a.path);
          this.exportPlaces.delete(null);
          return structuredClone(project);
        }
        case "recent_projects":
          return this.recent.map(
            (path): RecentProject => ({
              path,
              name: path.split("/").pop() ?? path,
              modified: this.files.has(path) ? "2026-01-01T00:00:00Z" : null,
              last_published: this.files.get(path)?.history?.at(-1)?.date,
            }),
          );
        case "forget_recent":
          this.recent = this.recent.filter((p) => p !== a.path);
          return null;
        case "autosave":
          this.recovery = { path: a.path, saved_at: "2026-01-01T00:00:00Z", project: structuredClone(a.project) };
          return null;
        case "discard_recovery":
          this.recovery = null;
          return null;
        // Answers a crashed window left; set by tests.
        case "pending_recovery":
          return this.orphan;
        case "restore_recovery": {
          if (!this.orphan) throw { message: "there are no unsaved answers to restore", findings: [] };
          [this.recovery, this.orphan] = [this.orphan, null];
          return this.recovery;
        }
        case "discard_recovered":
          this.orphan = null;
          return null;
        case "choose_project_to_open":
        case "choose_export_folder":
          return this.dialogAnswers.shift() ?? null;
        case "choose_save_path": {
          const path = this.dialogAnswers.shift() ?? null;
          return path && !path.endsWith(".policy.json") ? `${path}.policy.json` : path;
        }
        case "export_version": {
          const file = `${a.dir}/${a.stem}-v${a.number}.${(a.options as { format: string }).format}`;
          this.exported.add(file);
          return { files: [file], findings: [], warnings: [] };
        }
        case "export_policy":
        case "copy_policy": {
          const findings = this.findings(a.project);
          if (findings.some((f) => f.severity === "error")) throw { message: "the project has errors to fix before it can be exported", findings };
          if (cmd === "copy_policy") {
            this.clipboard = this.preview(a.project)
              .sections.map((s) => s.html)
              .join("\n");
            return null;
          }
          const options = a.options as { format: string };
          const files = (options.format === "all" ? ["md", "html", "pdf"] : [options.format]).map((ext) => `${a.dir}/${a.stem}.${ext}`);
          for (const f of files) this.exported.add(f);
          return { files, findings, warnings: [] };
        }
        case "default_purpose_data": {
          // A stand-in for the core's per-purpose defaults: what is collected, never special-category data.
          const special = new Set(catalogueFixture.categories.filter((c) => c.gdpr_special).map((c) => c.id));
          return (a.project as Project).data.map((d) => d.category).filter((c) => !special.has(c));
        }
        case "normalise_url": {
          const url = String(a.url).trim();
          if (/^mailto:/i.test(url)) throw { message: `${url} is not a web address`, findings: [] };
          return { url: /^[a-z]+:\/\//i.test(url) ? url : `https://${url}`, insecure: /^http:/i.test(url) };
        }
        case "export_place":
          return this.exportPlaces.get(a.project) ?? null;
        case "remember_export_place":
          this.exportPlaces.set(a.project, structuredClone(a.place));
          return null;
        case "existing_exports": {
          const exts = (a.options as Array<{ format: string }>).flatMap((o) => (o.format === "all" ? ["md", "html", "pdf"] : [o.format]));
          const stem = a.version == null ? a.stem : `${a.stem}-v${a.version}`;
          return exts.map((ext) => `${a.dir}/${stem}.${ext}`).filter((f) => this.exported.has(f));
        }
        case "open_exported":
        case "show_exported":
          return null;
        case "open_link":
          this.openedLinks.push(a.url);
          return null;
        default:
          throw { message: `the mock backend has no command ${cmd}`, findings: [] };
      }
    })();
    return result as T;
  };
}
