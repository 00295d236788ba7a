// Test helpers: a wizard step mounted in jsdom against History and the fixture catalogue, with
// the events an owner's typing and clicking fire. Not part of the app bundle (only tests import it).
import { flushSync, mount, unmount } from "svelte";
import * as api from "./api";
import StepForm from "./components/StepForm.svelte";
import { blankProject, catalogueFixture, countryFixture } from "./fixtures";
import type { Finding } from "./generated/Finding";
import type { Project } from "./generated/Project";
import { History } from "./history";
import { MockBackend } from "./mockBackend";
import { steps } from "./steps";
import { Wizard } from "./wizard.svelte";

export function mountStep(stepId: string, project: Project = blankProject(), findings: Finding[] = []) {
  const history = new History(project);
  const visited: Array<[string, string | undefined]> = [];
  const c = document.createElement("div");
  document.body.append(c);
  const wizard = new Wizard(history, catalogueFixture, { edited: () => {}, goTo: (id, focus) => visited.push([id, focus]) });
  wizard.countries = countryFixture;
  wizard.findings = findings;
  const step = steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId}`);
  wizard.step = step;
  const component = mount(StepForm, { target: c, props: { wizard, step } });
  flushSync();
  const q = <T extends HTMLElement = HTMLElement>(sel: string): T => {
    const node = c.querySelector<T>(sel);
    if (!node) throw new Error(`nothing matches ${sel}`);
    return node;
  };
  return {
    c,
    history,
    wizard,
    visited,
    q,
    /** Ticks or unticks a checkbox or radio as a click would. */
    toggle(sel: string) {
      const box = q<HTMLInputElement>(sel);
      box.checked = box.type === "radio" ? true : !box.checked;
      box.dispatchEvent(new Event("change", { bubbles: true }));
      flushSync();
    },
    type(sel: string, value: string) {
      const box = q<HTMLInputElement | HTMLTextAreaElement>(sel);
      box.value = value;
      box.dispatchEvent(new Event("input", { bubbles: true }));
      flushSync();
    },
    choose(sel: string, value: string) {
      const s = q<HTMLSelectElement>(sel);
      s.value = value;
      s.dispatchEvent(new Event("change", { bubbles: true }));
      flushSync();
    },
    /** Lets calls to the backend (the mock) answer, then draws what they changed. */
    async settle() {
      for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
      flushSync();
    },
    /** New findings, as a preview brings them. */
    find(next: Finding[]) {
      wizard.findings = next;
      flushSync();
    },
    done() {
      void unmount(component);
      c.remove();
    },
  };
}

export const finding = (field: string, message: string, severity: Finding["severity"] = "error"): Finding => ({
  code: "test.finding",
  field,
  paths: [field],
  severity,
  message,
  fix: "",
});

/** A fresh mock backend behind the API and an empty page, for a dialog test's `beforeEach`. */
export function freshDialogPage(): MockBackend {
  const backend = new MockBackend();
  api.useBackend(backend.invoke);
  document.body.replaceChildren();
  return backend;
}

/** Lets the mock backend's promises and the component's updates run out. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 8; i++) await new Promise((r) => setTimeout(r, 0));
  flushSync();
}
