// The only module that talks to the Rust side.
import { invoke } from "@tauri-apps/api/core";

export function exampleNames(): Promise<string[]> {
  return invoke<string[]>("example_names");
}

export function previewExample(name: string): Promise<string> {
  return invoke<string>("preview_example", { name });
}
