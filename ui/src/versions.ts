// Versions for the UI: the calls to the version commands, the "file changed on disk" question
// on save and publish, and pure helpers that turn a diff and a change summary into what the
// window shows. No DOM here: components/Versions.svelte and versionsDialog.ts draw it.
import type { Changes } from "./generated/Changes";
import type { CommandError } from "./generated/CommandError";
import type { ExportOptions } from "./generated/ExportOptions";
import type { ExportReport } from "./generated/ExportReport";
import type { FileStamp } from "./generated/FileStamp";
import type { PolicyDiff } from "./generated/PolicyDiff";
import type { Project } from "./generated/Project";
import type { PublishOutcome } from "./generated/PublishOutcome";
import type { RecentProject } from "./generated/RecentProject";
import type { SectionDiff } from "./generated/SectionDiff";
import type { VersionRow } from "./generated/VersionRow";

export type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;

/** The code the backend gives a save refused because the file changed on disk. */
export const CHANGED_ON_DISK = "changed-on-disk";
/** The code the backend gives a publish date it cannot use. */
export const BAD_DATE = "bad-date";

export interface PublishChoices {
  /** What changed, in the owner's words; blank for the generated summary. */
  summary?: string;
  /** YYYY-MM-DD; default today. */
  date?: string;
  /** Replace the file even if it changed on disk since it was opened. */
  overwrite?: boolean;
}

/** The version commands, over `call` (api.ts's invoke, or a mock in tests). */
export function versionsApi(call: Call) {
  return {
    publish: (path: string, project: Project, choices: PublishChoices = {}) =>
      call<PublishOutcome>("publish_version", {
        path,
        project,
        summary: choices.summary ?? null,
        date: choices.date ?? null,
        overwrite: choices.overwrite ?? false,
      }),
    history: (project: Project) => call<VersionRow[]>("version_history", { project }),
    changes: (project: Project) => call<Changes>("change_summary", { project }),
    /** `to` undefined: the current answers. */
    diff: (project: Project, from?: number, to?: number) => call<PolicyDiff>("version_diff", { project, from: from ?? null, to: to ?? null }),
    exportVersion: (project: Project, number: number, options: ExportOptions, dir: string, stem: string) =>
      call<ExportReport>("export_version", { project, number, options, dir, stem }),
    /** save_project with the overwrite flag (api.ts's saveProject does not send it). */
    save: (path: string, project: Project, overwrite: boolean) => call<void>("save_project", { path, project, overwrite }),
    /** The core's base name for exported files of the project saved at `path`. */
    fileName: (path: string | null) => call<string>("export_file_name", { path }),
    /** What is at `path` now, when it changed on disk since this window read or wrote it. */
    diskChange: (path: string) => call<FileStamp | null>("disk_change", { path }),
    /** The owner keeps the window's answers: the next save replaces what `seen` says is there. */
    keepMine: (path: string, seen: FileStamp) => call<void>("keep_mine", { path, seen }),
  };
}

/** True when `error` is a save refused because the file changed on disk. */
export function isChangedOnDisk(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as Partial<CommandError>).code === CHANGED_ON_DISK;
}

/** What the owner chose when the file changed on disk: replace it, or read it again. */
export type DiskChoice = "overwrite" | "reload" | "cancel";

export type Checked<T> = { kind: "done"; value: T } | { kind: "reload" } | { kind: "cancel" };

/**
 * Runs `attempt(false)` (a save or a publish); when the backend refuses because the file changed
 * on disk, asks the owner (`ask` gets the backend's message) and runs `attempt(true)` over it only
 * if they choose to overwrite. "reload": read the file again; "cancel": leave it as it is. Other
 * errors are thrown.
 */
export async function withDiskCheck<T>(attempt: (overwrite: boolean) => Promise<T>, ask: (message: string) => Promise<DiskChoice>): Promise<Checked<T>> {
  try {
    return { kind: "done", value: await attempt(false) };
  } catch (error) {
    if (!isChangedOnDisk(error)) throw error;
    const choice = await ask((error as CommandError).message);
    if (choice !== "overwrite") return { kind: choice };
    return { kind: "done", value: await attempt(true) };
  }
}

/** A save that did not happen because the file changed on disk; `reload` when the owner chose to
 * read the file at that path again. */
export class NotSaved extends Error {
  constructor(
    readonly path: string,
    readonly reload: boolean,
  ) {
    super(reload ? "Not saved: reading the file again as it is on disk." : "Not saved: the file changed on disk and was left as it is.");
  }
}

/** A save function for Session: asks when the file changed on disk, and throws NotSaved unless
 * it saved (so the answers stay marked unsaved). */
export function checkedSave(save: (path: string, project: Project, overwrite: boolean) => Promise<void>, ask: (message: string) => Promise<DiskChoice>) {
  return async (path: string, project: Project): Promise<void> => {
    const result = await withDiskCheck((overwrite) => save(path, project, overwrite), ask);
    if (result.kind !== "done") throw new NotSaved(path, result.kind === "reload");
  };
}

/** Today in the owner's calendar, `YYYY-MM-DD`: the publish date the form starts with. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** One section inline: same words as they are, added in <ins>, removed in <del>; all escaped. */
export function inlineHtml(section: SectionDiff): string {
  return section.pieces
    .map((p) => {
      const text = escapeHtml(p.text);
      if (p.kind === "added") return `<ins>${text}</ins>`;
      if (p.kind === "removed") return `<del>${text}</del>`;
      return text;
    })
    .join("");
}

/** One section side by side: the old text with its removed words marked, the new with its added. */
export function sideBySideHtml(section: SectionDiff): { old: string; new: string } {
  let before = "";
  let after = "";
  for (const p of section.pieces) {
    const text = escapeHtml(p.text);
    if (p.kind !== "added") before += p.kind === "removed" ? `<del>${text}</del>` : text;
    if (p.kind !== "removed") after += p.kind === "added" ? `<ins>${text}</ins>` : text;
  }
  return { old: before, new: after };
}

/** The sections that differ, for a list of changed parts. */
export function changedSections(diff: PolicyDiff): SectionDiff[] {
  return diff.sections.filter((s) => s.status !== "same");
}

/** What the window says before publishing: the owner's changes, then ours. */
export function describeChanges(changes: Changes): { yours: string[]; ours: string[] } {
  const ours = changes.ours;
  const lines = ours ? ours.reasons.map((r) => r.says) : [];
  if (ours && ours.sections.length > 0) lines.push(`The text would change in: ${ours.sections.join("; ")}.`);
  if (ours && lines.length === 0 && ours.parts.length > 0) {
    lines.push(`Our ${ours.parts.join(", ")} changed, with no effect on your policy.`);
  }
  return { yours: changes.owner.changes.map((c) => c.says), ours: lines };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "1 February 2026" for `YYYY-MM-DD`; the text itself when it is not such a date. */
export function longDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${Number(match[3])} ${month} ${match[1]}` : iso;
}

/** "Published 1 February 2026" for the start screen, or "Not published yet". */
export function lastPublishedLabel(recent: RecentProject): string {
  const date = recent.last_published ?? "";
  const long = longDate(date);
  return date && long !== date ? `Published ${long}` : "Not published yet";
}
