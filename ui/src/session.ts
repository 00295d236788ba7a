// The open project: its answers with undo history, the file it came from, saving, the
// unsaved-changes guard and autosave to the recovery file. The side effects come in through
// `SessionIo`, so Vitest drives this with fakes and the app with the real commands.

import { sameAnswers } from "./draft";
import type { Project } from "./generated/Project";
import { History } from "./history";

export interface SessionIo {
  save(path: string, project: Project): Promise<void>;
  chooseSavePath(suggestedName: string): Promise<string | null>;
  autosave(project: Project, path: string | null): Promise<void>;
  discardRecovery(): Promise<void>;
}

/** Asks what to do with unsaved changes before they would be lost. */
export type Guard = (fileName: string) => Promise<"save" | "discard" | "cancel">;

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** A file name from the organisation's name: "Wren & Co Ltd" → "wren-co-ltd.policy.json". */
export function suggestedName(project: Project): string {
  const name = project.organisation.trading_name || project.organisation.legal_name || "privacy-policy";
  const slug =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "privacy-policy";
  return `${slug}.policy.json`;
}

export class Session {
  history: History<Project> | null = null;
  path: string | null = null;
  /** The answers last written to the recovery file, to skip writing the same ones again. */
  private autosaved: Project | null = null;
  /** Saves and recovery-file writes and removals run one at a time, in the order asked, each
   * deciding what to do only when its turn comes: an autosave still under way when Save is pressed
   * finishes before the save clears the file, and one asked for during a save sees it saved. */
  private queue: Promise<unknown> = Promise.resolve();

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Runs `work` after the saves and recovery-file writes asked for so far, and before any asked
   * for later: a look at the file on disk never sees one of this window's saves half done. */
  whenIdle<T>(work: () => Promise<T>): Promise<T> {
    return this.inTurn(work);
  }

  constructor(
    private readonly io: SessionIo,
    private readonly guard: Guard,
  ) {}

  load(project: Project, path: string | null, dirty = false): void {
    this.history = new History(project);
    if (dirty) this.history.markUnsaved();
    this.path = path;
    this.autosaved = null;
  }

  close(): void {
    this.history = null;
    this.path = null;
    this.autosaved = null;
  }

  get dirty(): boolean {
    return this.history?.dirty ?? false;
  }

  get fileName(): string {
    return this.path ? baseName(this.path) : "Untitled";
  }

  /** The window title: file name, a dot while there are unsaved changes, then the app. */
  get title(): string {
    if (!this.history) return "Policywright";
    return `${this.dirty ? "• " : ""}${this.fileName} — Policywright`;
  }

  /** Saves to the project's file, asking for one the first time. False when cancelled. */
  async save(): Promise<boolean> {
    if (!this.history) return false;
    if (!this.path) return this.saveAs();
    const [path, history] = [this.path, this.history];
    await this.inTurn(async () => {
      await this.io.save(path, history.current);
      history.markSaved();
      this.autosaved = null;
    });
    return true;
  }

  async saveAs(): Promise<boolean> {
    if (!this.history) return false;
    const path = await this.io.chooseSavePath(this.path ? baseName(this.path) : suggestedName(this.history.current));
    if (!path) return false;
    this.path = path;
    return this.save();
  }

  /** True when it is fine to replace or close the project: saved, or the owner chose. */
  async mayLeave(): Promise<boolean> {
    if (!this.dirty) return true;
    const choice = await this.guard(this.fileName);
    if (choice === "cancel") return false;
    if (choice === "save") return this.save();
    await this.inTurn(async () => {
      await this.io.discardRecovery();
      this.autosaved = null;
    });
    return true;
  }

  /** Called every few seconds: writes unsaved answers to the recovery file, or removes it once
   * there is nothing unsaved (after undoing back to the saved answers, say). */
  autosaveTick(): Promise<"written" | "cleared" | "idle"> {
    return this.inTurn(async () => {
      if (!this.history) return "idle";
      if (!this.dirty) {
        if (this.autosaved === null) return "idle";
        await this.io.discardRecovery();
        this.autosaved = null;
        return "cleared";
      }
      const current = this.history.current;
      if (this.autosaved && sameAnswers(current, this.autosaved)) return "idle";
      await this.io.autosave(current, this.path);
      this.autosaved = current;
      return "written";
    });
  }
}
