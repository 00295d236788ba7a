// Versions for the UI: the calls to the version commands, the "file changed on disk" question
// on save, and pure helpers that turn a diff and a change summary into what the window shows.
// Self-contained (no DOM, no framework) so the Svelte UI can use it as it is; not wired into
// main.ts yet.
import type { Changes } from "./generated/Changes";
import type { CommandError } from "./generated/CommandError";
import type { ExportOptions } from "./generated/ExportOptions";
import type { ExportReport } from "./generated/ExportReport";
import type { PolicyDiff } from "./generated/PolicyDiff";
import type { Project } from "./generated/Project";
import type { PublishOutcome } from "./generated/PublishOutcome";
import type { RecentProject } from "./generated/RecentProject";
import type { SectionDiff } from "./generated/SectionDiff";
import type { VersionRow } from "./generated/VersionRow";

export type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;

/** The code the backend gives a save refused because the file changed on disk. */
export const CHANGED_ON_DISK = "changed-on-disk";

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
  };
}

/** True when `error` is a save refused because the file changed on disk. */
export function isChangedOnDisk(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as Partial<CommandError>).code === CHANGED_ON_DISK;
}

/**
 * Saves with `save(overwrite)`; when the file changed on disk, asks the owner (`ask` gets the
 * backend's message) and saves again over it only if they agree. "kept" means the file on disk
 * was left as it is (the owner should re-open it); other errors are thrown.
 */
export async function saveAsking(save: (overwrite: boolean) => Promise<void>, ask: (message: string) => Promise<boolean>): Promise<"saved" | "kept"> {
  try {
    await save(false);
    return "saved";
  } catch (error) {
    if (!isChangedOnDisk(error)) throw error;
    if (!(await ask((error as CommandError).message))) return "kept";
    await save(true);
    return "saved";
  }
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

/** "Published 1 February 2026" for the start screen, or "Not published yet". */
export function lastPublishedLabel(recent: RecentProject): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(recent.last_published ?? "");
  if (!match) return "Not published yet";
  const month = MONTHS[Number(match[2]) - 1];
  return month ? `Published ${Number(match[3])} ${month} ${match[1]}` : "Not published yet";
}
