// Noticing that the open project's file changed on disk (a CLI `policywright publish`, another
// window) while this window had it open, without waiting for a save: the window asks the backend
// when it gets the focus back or becomes visible, and shows a notice offering "Reload" or "Keep
// mine". The backend compares the file with what this window last read or wrote there, so the
// window's own saves and publishes never look like a change, and autosave writes the recovery
// file, not the project. No DOM here: App.svelte draws the notice.
import type { FileStamp } from "./generated/FileStamp";

/** A change on disk the owner is told about: which file, and what is there now. */
export interface DiskNotice {
  path: string;
  seen: FileStamp;
}

export interface DiskWatchIo {
  /** The open project's file; null while there is none or it was never saved. */
  path(): string | null;
  /** What is on disk at `path`, when it changed since this window read or wrote it. */
  changed(path: string): Promise<FileStamp | null>;
  /** Runs `work` when no save of the window's is under way (Session.whenIdle). */
  whenIdle<T>(work: () => Promise<T>): Promise<T>;
}

export class DiskWatch {
  private running: Promise<void> | null = null;

  constructor(
    private readonly io: DiskWatchIo,
    /** Shows the notice (a change on disk) or hides it (null). */
    private readonly show: (notice: DiskNotice | null) => void,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Asks whether the open file changed on disk. Focus and visibility come together, so a check
   * asked for while one runs is that one. */
  check(): Promise<void> {
    if (this.running) return this.running;
    const run = this.io
      .whenIdle(async () => {
        const path = this.io.path();
        if (!path) return;
        const seen = await this.io.changed(path);
        // Another project may have been opened meanwhile.
        if (this.io.path() !== path) return;
        this.show(seen ? { path, seen } : null);
      })
      .catch(this.failed)
      .finally(() => {
        this.running = null;
      });
    this.running = run;
    return run;
  }
}

/** What the notice says about `fileName`. */
export function diskNoticeText(fileName: string, unsaved: boolean): string {
  const mine = unsaved ? "your changes here since the last save" : "nothing: you have no unsaved changes here";
  return `${fileName} changed on disk since this window opened or saved it, perhaps published from the command line. Reload reads it as it is now and loses ${mine}. Keep mine keeps your answers here, and your next save replaces the file, including any version published there.`;
}
