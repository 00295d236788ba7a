// Opens the versions dialog (components/Versions.svelte) over the page, and asks the owner what
// to do when the project file changed on disk since this window read it.
import Versions from "./components/Versions.svelte";
import type { Project } from "./generated/Project";
import { ask, dialogOpener } from "./modal";
import type { DiskChoice } from "./versions";

export interface VersionsDeps {
  /** The window's answers now. */
  project(): Project;
  /** The project file, or null while it was never saved. */
  path(): string | null;
  /** Saves an unsaved project, asking for a file; the path, or null when cancelled. */
  saveAs(): Promise<string | null>;
  /** The answers with their new version, saved: they become the window's. */
  published(project: Project): void;
  /** Reads the project file again (the owner chose that after it changed on disk). */
  reload(path: string): Promise<void>;
  /** Opens the export dialog for published version `number`. */
  exportVersion(number: number): void;
}

export const openVersionsDialog = dialogOpener<VersionsDeps>(Versions);

/** Asks whether to overwrite a project file that changed on disk, or to read it again. */
export async function askAboutDiskChange(message: string): Promise<DiskChoice> {
  const choice = await ask(
    "The project file changed on disk",
    `${message} Reloading loses your changes here since the last save; overwriting loses what was written there, including any version published there.`,
    [
      { value: "reload", label: "Reload from disk", primary: true },
      { value: "overwrite", label: "Overwrite it" },
      { value: "cancel", label: "Cancel" },
    ],
    "changed-on-disk",
  );
  return choice === "reload" || choice === "overwrite" ? choice : "cancel";
}
