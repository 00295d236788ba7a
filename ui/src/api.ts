// The only module that talks to the Rust side. Types come from ./generated (ts-rs). Outside the
// desktop app (a plain browser, Vitest) the calls go to MockBackend instead.
import { invoke } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import type { Catalogues } from "./generated/Catalogues";
import type { CountryName } from "./generated/CountryName";
import type { Edit } from "./generated/Edit";
import type { ExampleChoice } from "./generated/ExampleChoice";
import type { ExportOptions } from "./generated/ExportOptions";
import type { ExportPlace } from "./generated/ExportPlace";
import type { ExportReport } from "./generated/ExportReport";
import type { NormalisedUrl } from "./generated/NormalisedUrl";
import type { Preview } from "./generated/Preview";
import type { PreviewUpdate } from "./generated/PreviewUpdate";
import type { Project } from "./generated/Project";
import type { RecentProject } from "./generated/RecentProject";
import type { Recovery } from "./generated/Recovery";
import { MockBackend } from "./mockBackend";
import { versionsApi } from "./versions";

type Call = <T>(cmd: string, args?: Record<string, unknown>) => Promise<T>;

export const inDesktopApp = typeof window !== "undefined" && "__TAURI_INTERNALS__" in window;
let call: Call = inDesktopApp ? invoke : new MockBackend().invoke;

/** Sends every call to `backend` (tests). */
export function useBackend(backend: Call): void {
  call = backend;
}

/** The version commands: publish, history, change summary, diff, export of a past version. */
export const versions = versionsApi(<T>(cmd: string, args?: Record<string, unknown>) => call<T>(cmd, args));

export const examples = () => call<ExampleChoice[]>("examples");
export const newProject = (example: string | null) => call<Project>("new_project", { example });
/** The live preview: the window's answers are sent whole once (numbered `revision`), then as
 * edits on top of the numbered answers they change (see livePreview.ts). */
export const previewOpen = (project: Project, revision: number) => call<Preview>("preview_open", { project, revision });
export const previewEdit = (base: number, revision: number, edits: Edit[]) => call<PreviewUpdate>("preview_edit", { base, revision, edits });
export const catalogue = () => call<Catalogues>("catalogue");

/** A country as the pickers offer it: ISO 3166-1 alpha-2 code and English short name. */
export type CountryOption = CountryName;
/** Every ISO 3166-1 country, for the country pickers, in the order the core lists them (by name). */
export const listCountries = () => call<CountryOption[]>("list_countries");

/** The data categories a newly ticked purpose starts with, by the core's defaults. */
export const defaultPurposeData = (purpose: string, project: Project) => call<string[]>("default_purpose_data", { purpose, project });
/** A typed web address as the core reads it (`https://` added); refused when it is none. */
export const normaliseUrl = (url: string) => call<NormalisedUrl>("normalise_url", { url });

export const openProject = (path: string) => call<Project>("open_project", { path });
/** A project named on the command line or by the file manager, not yet opened. */
export const takeOpenRequest = () => call<string | null>("take_open_request");

/** Calls `handler` with each project a second start or the file manager asks this app to open. */
export async function onOpenRequested(handler: (path: string) => void): Promise<void> {
  if (!inDesktopApp) return;
  await listen<string>("open-project-requested", (event) => handler(event.payload));
}
export const saveProject = (path: string, project: Project) => call<void>("save_project", { path, project });
export const recentProjects = () => call<RecentProject[]>("recent_projects");
export const forgetRecent = (path: string) => call<void>("forget_recent", { path });

/** This window's recovery file: written while answers are unsaved, removed when they are not. */
export const autosave = (project: Project, path: string | null) => call<void>("autosave", { project, path });
export const discardRecovery = () => call<void>("discard_recovery");
/** Answers a crashed window left, offered at start; restoring makes them this window's. */
export const pendingRecovery = () => call<Recovery | null>("pending_recovery");
export const restoreRecovery = () => call<Recovery>("restore_recovery");
export const discardRecovered = () => call<void>("discard_recovered");

/** Native dialogs; each resolves to null when the owner cancels. */
export const chooseProjectToOpen = () => call<string | null>("choose_project_to_open");
export const chooseSavePath = (suggestedName: string) => call<string | null>("choose_save_path", { suggestedName });
export const chooseExportFolder = () => call<string | null>("choose_export_folder");

export const exportPolicy = (project: Project, options: ExportOptions, dir: string, stem: string) =>
  call<ExportReport>("export_policy", { project, options, dir, stem });
/** The file name (without extension) the core gives exports of the project saved at `path`. */
export const exportFileName = (path: string | null) => call<string>("export_file_name", { path });
/** Where the project saved at `project` was last exported (the app's own settings), if anywhere;
 * with null, where this window's unsaved project was exported. */
export const exportPlace = (project: string | null) => call<ExportPlace | null>("export_place", { project });
/** Remembers the place for the project saved at `project`; with null, for this window's unsaved
 * project, until its first save files it under the project's path. */
export const rememberExportPlace = (project: string | null, place: ExportPlace) => call<void>("remember_export_place", { project, place });
/** The files exports with `options` into `dir` as `stem` would overwrite. */
/** The files an export would replace; with `version`, those of that published version's export. */
export const existingExports = (options: ExportOptions[], dir: string, stem: string, version?: number) =>
  call<string[]>("existing_exports", { options, dir, stem, version: version ?? null });
export const copyPolicy = (project: Project, options: ExportOptions) => call<void>("copy_policy", { project, options });
export const openExported = (path: string) => call<void>("open_exported", { path });
export const showExported = (path: string) => call<void>("show_exported", { path });
/** Opens an https or mailto link from the preview outside the app; the Rust side checks it. */
export const openLink = (url: string) => call<void>("open_link", { url });

/** The window: its title, and the close request the unsaved-changes guard intercepts. */
export async function setWindowTitle(title: string): Promise<void> {
  if (inDesktopApp) await getCurrentWindow().setTitle(title);
}

/** Calls `handler` when the window gets the focus back or the page becomes visible again (the
 * owner returns from a terminal, say): the page's own events, and in the desktop app the window's
 * focus event too, since a webview does not always pass the window's focus on to the page. */
export async function onWindowReturn(handler: () => void): Promise<void> {
  window.addEventListener("focus", handler);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") handler();
  });
  if (inDesktopApp)
    await getCurrentWindow().onFocusChanged(({ payload: focused }) => {
      if (focused) handler();
    });
}

/** `guard` decides whether the window may close; it is asked only while `mustAsk()` is true. */
export async function guardClose(mustAsk: () => boolean, guard: () => Promise<boolean>): Promise<void> {
  if (!inDesktopApp) {
    window.addEventListener("beforeunload", (e) => {
      if (mustAsk()) e.preventDefault();
    });
    return;
  }
  const win = getCurrentWindow();
  await win.onCloseRequested(async (event) => {
    if (!mustAsk()) return;
    event.preventDefault();
    if (await guard()) await win.destroy();
  });
}
