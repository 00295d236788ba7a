import "../../templates/html/policy.css";
import "./app.css";
import { exampleNames, previewExample } from "./api";

const select = document.querySelector<HTMLSelectElement>("#example");
const preview = document.querySelector<HTMLElement>("#preview");

async function show(name: string): Promise<void> {
  if (!preview) return;
  try {
    // The fragment is built by the core, which escapes every answer before it reaches HTML.
    preview.innerHTML = await previewExample(name);
  } catch (error) {
    preview.textContent = String(error);
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
