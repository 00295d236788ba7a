// The only module that talks to the Rust side. Types come from ./generated (ts-rs).
import { invoke } from "@tauri-apps/api/core";
import type { Catalogues } from "./generated/Catalogues";
import type { ExportOptions } from "./generated/ExportOptions";
import type { ExportReport } from "./generated/ExportReport";
import type { Preview } from "./generated/Preview";
import type { Project } from "./generated/Project";
import type { RecentProject } from "./generated/RecentProject";
import type { Recovery } from "./generated/Recovery";

export const exampleNames = () => invoke<string[]>("example_names");
export const newProject = (example: string | null) => invoke<Project>("new_project", { example });
export const preview = (project: Project) => invoke<Preview>("preview", { project });
export const catalogue = () => invoke<Catalogues>("catalogue");

export const openProject = (path: string) => invoke<Project>("open_project", { path });
export const saveProject = (path: string, project: Project) => invoke<void>("save_project", { path, project });
export const recentProjects = () => invoke<RecentProject[]>("recent_projects");
export const forgetRecent = (path: string) => invoke<void>("forget_recent", { path });

export const autosave = (project: Project, path: string | null) => invoke<void>("autosave", { project, path });
export const pendingRecovery = () => invoke<Recovery | null>("pending_recovery");
export const discardRecovery = () => invoke<void>("discard_recovery");

/** Native dialogs; each resolves to null when the owner cancels. */
export const chooseProjectToOpen = () => invoke<string | null>("choose_project_to_open");
export const chooseSavePath = (suggestedName: string) => invoke<string | null>("choose_save_path", { suggestedName });
export const chooseExportFolder = () => invoke<string | null>("choose_export_folder");

export const exportPolicy = (project: Project, options: ExportOptions, dir: string, stem: string) =>
  invoke<ExportReport>("export_policy", { project, options, dir, stem });
export const copyPolicy = (project: Project, options: ExportOptions) => invoke<void>("copy_policy", { project, options });
export const openExported = (path: string) => invoke<void>("open_exported", { path });
export const showExported = (path: string) => invoke<void>("show_exported", { path });
