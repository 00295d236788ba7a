// The state a wizard step reads and edits: the answers (one immutable value per edit, from
// History), the catalogue, the latest findings and where they are shown. Components get it from
// Svelte's context (`useWizard`) and edit through `edit`: there is no redraw to ask for, because
// each component re-renders what depends on the answers it reads.
import { getContext, setContext } from "svelte";
import { SvelteSet } from "svelte/reactivity";
import type { CountryOption } from "./api";
import type { Catalogues } from "./generated/Catalogues";
import type { Finding } from "./generated/Finding";
import type { ListedVendor } from "./generated/ListedVendor";
import type { Project } from "./generated/Project";
import type { History } from "./history";
import { place } from "./place";
import { type Step, steps } from "./steps";

export interface WizardHooks {
  /** Called after every edit (the app refreshes the preview and its chrome). */
  edited(): void;
  /** Opens another step; `focus` names a finding's path to scroll to and focus there. */
  goTo(stepId: string, focus?: string): void;
}

export class Wizard {
  project: Project;
  findings: Finding[] = $state.raw([]);
  /** Each catalogue vendor's entity and locations for this owner, from the core's latest preview. */
  listed: ListedVendor[] = $state.raw([]);
  step: Step = $state.raw(steps[0]);
  /** Every country, by name and code, for the country pickers. */
  countries: CountryOption[] = $state.raw([]);
  /** A finding's field path to bring into view once its field is drawn. */
  focus: string | null = $state(null);
  /** Paths of the fields the current step shows, each with a finding slot. */
  readonly shown = new SvelteSet<string>();
  readonly placement = $derived(place(this.findings, this.step, this.shown));

  constructor(
    readonly history: History<Project>,
    readonly catalogue: Catalogues,
    private readonly hooks: WizardHooks,
  ) {
    this.project = $state.raw(history.current);
  }

  /** Applies `change` to a draft of the current answers, recording it for undo. */
  edit(change: (draft: Project) => void): void {
    this.history.edit(change);
    this.project = this.history.current;
    this.hooks.edited();
  }

  /** Takes up answers History changed by itself (undo, redo). */
  sync(): void {
    this.project = this.history.current;
  }

  goTo(stepId: string, focus?: string): void {
    this.hooks.goTo(stepId, focus);
  }

  findingsAt(path: string): Finding[] {
    return this.placement.byField.get(path) ?? [];
  }
}

const key = Symbol("wizard");

export function provideWizard(wizard: Wizard): void {
  setContext(key, wizard);
}

/** The wizard of the step being drawn; undefined outside one (a dialog, a test of one control). */
export function useWizard(): Wizard | undefined {
  return getContext<Wizard | undefined>(key);
}

/** A context holding `wizard`, to mount one component on its own (tests). */
export function wizardContext(wizard: Wizard): Map<symbol, Wizard> {
  return new Map([[key, wizard]]);
}
