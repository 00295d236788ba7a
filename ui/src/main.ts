import "../../templates/html/policy.css";
import "./app.css";
import { exampleNames, newProject, preview } from "./api";
import { fillStep, renderStep, showFindings } from "./form";
import type { Project } from "./generated/Project";
import { History } from "./history";
import { setAt } from "./paths";
import { showPreview } from "./preview";
import { type Field, steps } from "./steps";

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const root = $<HTMLElement>("#preview");
const wizard = $<HTMLElement>("#wizard");
const status = $<HTMLElement>("#status");
const select = $<HTMLSelectElement>("#example");
const undoButton = $<HTMLButtonElement>("#undo");
const redoButton = $<HTMLButtonElement>("#redo");

let history: History<Project> | null = null;
let step = steps[0];
let requested = 0;

function showError(error: unknown): void {
  status.textContent = typeof error === "object" && error && "message" in error ? String(error.message) : String(error);
}

function updateChrome(): void {
  undoButton.disabled = !history?.canUndo;
  redoButton.disabled = !history?.canRedo;
  document.title = history?.dirty ? "Policywright •" : "Policywright";
}

/** Re-renders the preview; a response that arrives after a newer request is dropped. */
async function refresh(): Promise<void> {
  if (!history) return;
  const mine = ++requested;
  const started = performance.now();
  try {
    const result = await preview(history.current);
    if (mine !== requested) return;
    showPreview(root, result);
    showFindings(wizard, step, result.findings);
    const ms = performance.now() - started;
    root.dataset.renderMs = ms.toFixed(1);
    const errors = result.findings.filter((f) => f.severity === "error").length;
    status.textContent = `${errors} to fix · preview ${ms.toFixed(0)} ms`;
  } catch (error) {
    showError(error);
  }
}

async function open(project: Project): Promise<void> {
  history = new History(project);
  fillStep(wizard, step, history.current);
  updateChrome();
  await refresh();
  document.getElementById(step.section)?.scrollIntoView({ block: "start" });
}

function onInput(field: Field, text: string): void {
  if (!history) return;
  const value = field.kind === "country" ? text.trim().toUpperCase() : text;
  history.edit((draft) => setAt(draft as unknown as Record<string, unknown>, field.path, field.optional && value.trim() === "" ? undefined : value));
  updateChrome();
  void refresh();
}

function undoRedo(redo: boolean): void {
  if (!history) return;
  if (redo) history.redo();
  else history.undo();
  fillStep(wizard, step, history.current);
  updateChrome();
  void refresh();
}

document.addEventListener("keydown", (e) => {
  if (!(e.ctrlKey || e.metaKey)) return;
  const key = e.key.toLowerCase();
  if (key === "z" || key === "y") {
    e.preventDefault();
    undoRedo(key === "y" || e.shiftKey);
  }
});

async function start(): Promise<void> {
  const list = $<HTMLOListElement>("#step-list");
  for (const s of steps) {
    const item = document.createElement("li");
    item.textContent = s.title;
    item.setAttribute("aria-current", s === step ? "step" : "false");
    list.append(item);
  }
  renderStep(wizard, step, onInput);
  undoButton.addEventListener("click", () => undoRedo(false));
  redoButton.addEventListener("click", () => undoRedo(true));
  $<HTMLButtonElement>("#new-blank").addEventListener("click", () => void newProject(null).then(open, showError));
  for (const name of await exampleNames()) select.append(new Option(name, name));
  select.addEventListener("change", () => void newProject(select.value).then(open, showError));
  if (select.value) await open(await newProject(select.value));
}

void start().catch(showError);
