import "../../templates/html/policy.css";
import "./app.css";
import * as api from "./api";
import { el } from "./dom";
import { openExportDialog } from "./exportDialog";
import { showFindings } from "./findings";
import { renderStep, type StepContext } from "./form";
import type { Catalogues } from "./generated/Catalogues";
import type { Finding } from "./generated/Finding";
import type { Paper } from "./generated/Paper";
import type { Project } from "./generated/Project";
import type { Recovery } from "./generated/Recovery";
import { LivePreview } from "./livePreview";
import { ask } from "./modal";
import { keepLinksOutOfTheWindow, showPreview } from "./preview";
import { badge, stepStates } from "./progress";
import { baseName, Session } from "./session";
import { type Step, steps } from "./steps";

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const previewRoot = $<HTMLElement>("#preview");
const wizard = $<HTMLElement>("#wizard");
const status = $<HTMLElement>("#status");
const startScreen = $<HTMLElement>("#start");
const workspace = $<HTMLElement>("#workspace");

const session = new Session(
  {
    save: api.saveProject,
    chooseSavePath: api.chooseSavePath,
    autosave: api.autosave,
    discardRecovery: api.discardRecovery,
  },
  async (name) => {
    const choice = await ask(
      "Save your changes?",
      `${name} has changes that are not saved. If you go on without saving, they are lost.`,
      [
        { value: "save", label: "Save", primary: true },
        { value: "discard", label: "Don't save" },
        { value: "cancel", label: "Cancel" },
      ],
      "unsaved-guard",
    );
    return choice === "save" || choice === "discard" ? choice : "cancel";
  },
);

let catalogue: Catalogues;
/** A blank project, to tell which steps have answers yet. */
let blank: Project;
const exampleLabels: Record<string, string> = {
  saas: "Software for businesses (Germany; EU, UK, California)",
  shop: "Online tea shop (UK; UK and EU customers)",
  "consumer-app": "Hiking app (US; US states, Canada, Brazil, Australia)",
};
let step: Step = steps[0];
let findings: Finding[] = [];
/** The PDF paper from the latest preview: the core decides it from the answers. */
let paper: Paper = "a4";
let requested = 0;
const live = new LivePreview({ open: api.previewOpen, edit: api.previewEdit });

function message(error: unknown): string {
  return typeof error === "object" && error && "message" in error ? String((error as { message: unknown }).message) : String(error);
}

function showError(error: unknown): void {
  status.textContent = message(error);
  status.dataset.kind = "error";
}

function say(text: string): void {
  status.textContent = text;
  status.dataset.kind = "";
}

function updateChrome(): void {
  const open = session.history !== null;
  for (const id of ["#home", "#save", "#save-as", "#export"]) $<HTMLButtonElement>(id).disabled = !open;
  $<HTMLButtonElement>("#undo").disabled = !session.history?.canUndo;
  $<HTMLButtonElement>("#redo").disabled = !session.history?.canRedo;
  document.title = session.title;
  void api.setWindowTitle(session.title).catch(() => {});
}

function drawStepList(): void {
  if (!session.history) return;
  const states = stepStates(findings, session.history.current, blank);
  const list = $<HTMLOListElement>("#step-list");
  const items = steps.map((s, i) => {
    const state = states.get(s.id) ?? { kind: "done" };
    const button = el(
      "button",
      { type: "button", id: `step-${s.id}`, class: "step-link", "aria-current": s === step ? "step" : undefined, "data-state": state.kind },
      el("span", { class: "step-number", text: `${i + 1}` }),
      el("span", { class: "step-title", text: s.title }),
      el("span", { class: "step-badge", text: badge(state) }),
    );
    button.addEventListener("click", () => goTo(s.id));
    return el("li", {}, button);
  });
  list.replaceChildren(...items);
  const fix = [...states.values()].filter((st) => st.kind === "fix").length;
  const notStarted = [...states.values()].filter((st) => st.kind === "not-started").length;
  $<HTMLElement>("#progress").textContent =
    fix === 0 && notStarted === 0 ? "Every step has what the policy needs." : `${steps.length - fix - notStarted} of ${steps.length} steps complete.`;
}

function context(): StepContext {
  return {
    project: session.history!.current,
    catalogue,
    findings,
    goTo,
    edit(change, redraw = false) {
      if (!session.history) return;
      session.history.edit(change);
      if (redraw) drawStep();
      updateChrome();
      void refresh();
    },
  };
}

/** Draws the current step again, keeping focus on the control that had it. */
function drawStep(): void {
  if (!session.history) return;
  const focused = document.activeElement?.id;
  const scroll = wizard.parentElement?.scrollTop ?? 0;
  renderStep(wizard, step, context());
  showFindings(wizard, step, findings);
  if (focused) document.getElementById(focused)?.focus({ preventScroll: true });
  if (wizard.parentElement) wizard.parentElement.scrollTop = scroll;
  $<HTMLButtonElement>("#prev").disabled = step === steps[0];
  $<HTMLButtonElement>("#next").textContent = step === steps[steps.length - 1] ? "Export…" : "Next";
}

function goTo(id: string): void {
  step = steps.find((s) => s.id === id) ?? steps[0];
  drawStep();
  drawStepList();
  wizard.parentElement?.scrollTo({ top: 0 });
  $<HTMLElement>("#step-title").focus();
  document.getElementById(step.section)?.scrollIntoView({ block: "start" });
}

/** Re-renders the preview; a response that arrives after a newer request is dropped. */
async function refresh(): Promise<void> {
  if (!session.history) return;
  const mine = ++requested;
  const started = performance.now();
  try {
    const result = await live.update(session.history.current);
    if (mine !== requested || !result) return;
    showPreview(previewRoot, result);
    findings = result.findings;
    paper = result.paper;
    if (step.id === "review") drawStep();
    else showFindings(wizard, step, findings);
    drawStepList();
    const ms = performance.now() - started;
    previewRoot.dataset.renderMs = ms.toFixed(1);
    const errors = findings.filter((f) => f.severity === "error").length;
    say(`${errors} to fix · preview ${ms.toFixed(0)} ms`);
  } catch (error) {
    showError(error);
  }
}

/** Answers a crash left behind, while the start screen still offers them. */
let pendingRecovery: Recovery | null = null;

/** Before another project replaces them (autosave would overwrite the file), the owner decides. */
async function settleRecovery(): Promise<"go" | "cancel"> {
  const recovery = pendingRecovery;
  if (!recovery) return "go";
  const choice = await ask(
    "Restore your unsaved answers first?",
    "Answers from before Policywright closed unexpectedly are still waiting. If you start something else, they are discarded.",
    [
      { value: "restore", label: "Restore them", primary: true },
      { value: "discard", label: "Discard them" },
      { value: "cancel", label: "Cancel" },
    ],
    "recovery-guard",
  );
  if (choice === "cancel") return "cancel";
  if (choice === "restore") {
    await restore();
    return "cancel";
  }
  await discardRecovered();
  return "go";
}

/** The offer is answered: no longer shown, no longer pending. */
function closeOffer(): void {
  pendingRecovery = null;
  $<HTMLElement>("#recovery").hidden = true;
}

async function discardRecovered(): Promise<void> {
  closeOffer();
  await api.discardRecovered();
}

/** The offered answers become this window's unsaved answers (and its recovery file). */
async function restore(): Promise<void> {
  closeOffer();
  const recovery = await api.restoreRecovery();
  await load(recovery.project, recovery.path, true);
  say("Restored your unsaved answers. Save them to keep them.");
}

/** Shows another project; false when the owner chose to deal with recovered answers instead. */
async function show(project: Project, path: string | null): Promise<boolean> {
  if ((await settleRecovery()) === "cancel") return false;
  await load(project, path, false);
  return true;
}

async function load(project: Project, path: string | null, dirty: boolean): Promise<void> {
  session.load(project, path, dirty);
  live.reset();
  startScreen.hidden = true;
  workspace.hidden = false;
  previewRoot.replaceChildren();
  findings = [];
  step = steps[0];
  updateChrome();
  drawStep();
  await refresh();
  goTo(step.id);
}

async function leave(then: () => Promise<void>): Promise<void> {
  try {
    if (!(await session.mayLeave())) return;
    updateChrome();
    await then();
  } catch (error) {
    showError(error);
  }
}

const newProject = (example: string | null) => leave(async () => void (await show(await api.newProject(example), null)));

async function openPath(path: string): Promise<void> {
  if (await show(await api.openProject(path), path)) say(`Opened ${baseName(path)}`);
}

/** Asks for the file first: cancelling the dialog leaves the current project untouched. */
async function openChosen(): Promise<void> {
  try {
    const path = await api.chooseProjectToOpen();
    if (path) await leave(() => openPath(path));
  } catch (error) {
    showError(error);
  }
}

async function save(as: boolean): Promise<void> {
  if (!session.history) return;
  try {
    const done = as ? await session.saveAs() : await session.save();
    updateChrome();
    if (done) say(`Saved ${session.fileName}`);
  } catch (error) {
    showError(error);
  }
}

function exportDialog(): void {
  if (!session.history) return;
  openExportDialog({
    project: () => session.history!.current,
    paper,
    setPaper: (paper) => context().edit((d) => void (d.style.paper = paper)),
    stem: session.path ? baseName(session.path).replace(/\.policy\.json$/, "") : "privacy-policy",
  });
}

function undoRedo(redo: boolean): void {
  if (!session.history) return;
  if (redo) session.history.redo();
  else session.history.undo();
  drawStep();
  updateChrome();
  void refresh();
}

async function showStart(): Promise<void> {
  session.close();
  updateChrome();
  say("");
  workspace.hidden = true;
  startScreen.hidden = false;
  const recent = await api.recentProjects();
  const items = recent.map((r) => {
    const open = el("button", { type: "button", class: "link recent-open", text: r.name, "data-path": r.path });
    open.addEventListener("click", () => void openPath(r.path).catch(showError));
    const forget = el("button", { type: "button", class: "link", text: "Remove from list", "aria-label": `Remove ${r.name} from the list` });
    forget.addEventListener("click", () => void api.forgetRecent(r.path).then(showStart, showError));
    const edited = r.modified ? `last edited ${new Date(r.modified).toLocaleString()}` : "file not found";
    return el("li", {}, open, el("span", { class: "help", text: ` ${r.path} · ${edited} ` }), forget);
  });
  $<HTMLUListElement>("#recent-list").replaceChildren(...(items.length ? items : [el("li", { class: "help", text: "Projects you open or save appear here." })]));
  const last = recent.find((r) => r.modified);
  const reopen = $<HTMLButtonElement>("#reopen-last");
  reopen.hidden = !last;
  if (last) {
    reopen.textContent = `Re-open ${last.name}`;
    reopen.onclick = () => void openPath(last.path).catch(showError);
  }
  $<HTMLButtonElement>("#new-blank").focus();
}

function offerRecovery(recovery: Recovery): void {
  pendingRecovery = recovery;
  const box = $<HTMLElement>("#recovery");
  const when = new Date(recovery.saved_at).toLocaleString();
  const what = recovery.path ? baseName(recovery.path) : "an unsaved project";
  $<HTMLElement>("#recovery-message").textContent = `Policywright closed before your changes to ${what} were saved. The answers from ${when} can be restored.`;
  box.hidden = false;
  $<HTMLButtonElement>("#restore").onclick = () => void restore().catch(showError);
  $<HTMLButtonElement>("#discard-recovery").onclick = () => void discardRecovered().catch(showError);
  $<HTMLButtonElement>("#restore").focus();
}

document.addEventListener("keydown", (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  const actions: Record<string, () => void> = {
    z: () => undoRedo(e.shiftKey),
    y: () => undoRedo(true),
    s: () => void save(e.shiftKey),
    o: () => void openChosen(),
    n: () => void newProject(null),
    e: () => exportDialog(),
  };
  if (actions[key]) {
    e.preventDefault();
    actions[key]();
  }
});

async function start(): Promise<void> {
  keepLinksOutOfTheWindow(previewRoot, (url) => void api.openLink(url).catch(showError));
  catalogue = await api.catalogue();
  blank = await api.newProject(null);
  const select = $<HTMLSelectElement>("#example");
  for (const name of await api.exampleNames()) select.append(new Option(exampleLabels[name] ?? name, name));
  $<HTMLButtonElement>("#new-blank").addEventListener("click", () => void newProject(null));
  $<HTMLButtonElement>("#new-from-example").addEventListener("click", () => void newProject(select.value));
  $<HTMLButtonElement>("#open-start").addEventListener("click", () => void openChosen());
  $<HTMLButtonElement>("#open").addEventListener("click", () => void openChosen());
  $<HTMLButtonElement>("#home").addEventListener("click", () => void leave(showStart));
  $<HTMLButtonElement>("#save").addEventListener("click", () => void save(false));
  $<HTMLButtonElement>("#save-as").addEventListener("click", () => void save(true));
  $<HTMLButtonElement>("#export").addEventListener("click", exportDialog);
  $<HTMLButtonElement>("#undo").addEventListener("click", () => undoRedo(false));
  $<HTMLButtonElement>("#redo").addEventListener("click", () => undoRedo(true));
  $<HTMLButtonElement>("#prev").addEventListener("click", () => goTo(steps[Math.max(0, steps.indexOf(step) - 1)].id));
  $<HTMLButtonElement>("#next").addEventListener("click", () => {
    const i = steps.indexOf(step);
    if (i === steps.length - 1) exportDialog();
    else goTo(steps[i + 1].id);
  });
  setInterval(() => {
    void session
      .autosaveTick()
      .then((r) => {
        if (r === "written") document.body.dataset.autosavedAt = String(Date.now());
      })
      .catch(showError);
  }, 2000);
  await api.guardClose(
    () => session.dirty,
    () => session.mayLeave(),
  );
  await showStart();
  const recovery = await api.pendingRecovery().catch((e) => {
    showError(e);
    return null;
  });
  if (recovery) offerRecovery(recovery);
  document.body.dataset.ready = "true";
}

void start().catch(showError);
