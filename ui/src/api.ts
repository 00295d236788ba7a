// The only module that talks to the Rust side. Types come from ./generated (ts-rs).
import { invoke } from "@tauri-apps/api/core";
import type { Project } from "./generated/Project";
import type { Preview } from "./generated/Preview";

export function exampleNames(): Promise<string[]> {
  return invoke<string[]>("example_names");
}

export function newProject(example: string | null): Promise<Project> {
  return invoke<Project>("new_project", { example });
}

export function preview(project: Project): Promise<Preview> {
  return invoke<Preview>("preview", { project });
}
