// Opens the export dialog (components/ExportDialog.svelte) over the page; closing removes it.
import ExportDialog from "./components/ExportDialog.svelte";
import type { Paper } from "./generated/Paper";
import type { Project } from "./generated/Project";
import { dialogOpener } from "./modal";

export interface ExportDeps {
  project(): Project;
  /** The paper the PDF gets now (from the core's latest preview). */
  paper: Paper;
  /** Records the paper choice in the answers, so the next export uses it too. */
  setPaper(paper: Paper): void;
  /** Base name for the files: where the project was exported last, or the core's name for it. */
  stem: string;
  /** A published version to export instead of the current answers: its stored text, with the
   * paper it was published on; no front matter and no copying. */
  version?: number;
  /** The folder the project was exported to last ("" when none). */
  folder?: string;
  /** The project's file, under which the app remembers where it was exported; null when unsaved
   * (the app keeps the place for the window and files it under the path the project is first
   * saved at); left out, the place is not remembered. */
  projectPath?: string | null;
}

export const openExportDialog = dialogOpener<ExportDeps>(ExportDialog);
