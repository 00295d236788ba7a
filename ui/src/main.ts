import "../../templates/html/policy.css";
import "./app.css";
import { exampleNames, newProject, preview } from "./api";
import { showPreview } from "./preview";

const select = document.querySelector<HTMLSelectElement>("#example");
const root = document.querySelector<HTMLElement>("#preview");

async function show(name: string): Promise<void> {
  if (!root) return;
  try {
    showPreview(root, await preview(await newProject(name)));
  } catch (error) {
    root.textContent = typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
  }
}

async function start(): Promise<void> {
  if (!select) return;
  for (const name of await exampleNames()) {
    select.append(new Option(name, name));
  }
  select.addEventListener("change", () => void show(select.value));
  if (select.value) await show(select.value);
}

void start();
