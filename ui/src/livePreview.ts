// Keeps the preview in step with the answers at the cost of what changed. The Rust side holds
// the window's answers: the first preview sends them whole, each later one only the edits since
// the answers it last acknowledged, and gets back only the sections whose HTML changed. Calls go
// one at a time, in order, and a call superseded before it was sent is skipped, so a burst of
// keystrokes costs one round trip for the latest answers, not one per keystroke.
import { diff } from "./draft";
import type { Edit } from "./generated/Edit";
import type { Preview } from "./generated/Preview";
import type { PreviewUpdate } from "./generated/PreviewUpdate";
import type { Project } from "./generated/Project";

export interface PreviewBackend {
  open(project: Project, revision: number): Promise<Preview>;
  edit(base: number, revision: number, edits: Edit[]): Promise<PreviewUpdate>;
}

/** The full preview `update` makes of `previous`. A large section that changed comes as a
 * splice: the shown HTML keeps its first `keep_start` and last `keep_end` characters (UTF-16
 * code units, as `slice` counts) around the new part. Throws when the update names a section it
 * neither sends nor `previous` has, or splices one it cannot: then the two sides disagree and
 * must start again. */
export function merge(previous: Preview, update: PreviewUpdate): Preview {
  const byId = new Map(previous.sections.map((s) => [s.id, s]));
  for (const s of update.spliced) {
    const old = byId.get(s.id);
    if (!old || s.keep_start + s.keep_end > old.html.length) throw new Error(`the preview update cannot splice section ${s.id}`);
    const html = old.html.slice(0, s.keep_start) + s.html + old.html.slice(old.html.length - s.keep_end);
    byId.set(s.id, { id: s.id, title: s.title, html, reasons: s.reasons });
  }
  for (const s of update.changed) byId.set(s.id, s);
  const sections = update.order.map((id) => {
    const section = byId.get(id);
    if (!section) throw new Error(`the preview update has no section ${id}`);
    return section;
  });
  const { title, organisation, last_updated, paper } = update;
  return {
    title,
    organisation,
    last_updated,
    sections,
    findings: update.findings ?? previous.findings,
    paper,
    listed_vendors: update.listed_vendors ?? previous.listed_vendors,
  };
}

/** When the latest request went out and its answer came back (`performance.now()`), and how long
 * listing its edits took: the app's timing figures read them. */
export interface Timing {
  diffMs: number;
  sent: number;
  received: number;
}

interface Synced {
  project: Project;
  revision: number;
  preview: Preview;
}

export class LivePreview {
  /** The answers the Rust side holds (by number) and the preview they gave. */
  private synced: Synced | null = null;
  private revisions = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Calls made and not yet settled (sent, or waiting for the one before them). */
  private running = 0;
  private latest: Project | null = null;
  readonly timing: Timing = { diffMs: 0, sent: 0, received: 0 };

  constructor(private readonly backend: PreviewBackend) {}

  /** Another project: the next preview sends its answers whole. */
  reset(): void {
    this.synced = null;
  }

  /** The preview of `project`; null when a newer call superseded this one before it was sent.
   * When no call is running, the request goes out at once, before the caller returns: the UI's
   * own work on the edit (Svelte's flush, a microtask later) then overlaps the Rust side's. */
  update(project: Project): Promise<Preview | null> {
    this.latest = project;
    const run = this.running === 0 ? this.send(project) : this.queue.then(() => (project === this.latest ? this.send(project) : null));
    this.running++;
    this.queue = run.then(
      () => void this.running--,
      () => void this.running--,
    );
    return run;
  }

  private async send(project: Project): Promise<Preview> {
    const revision = ++this.revisions;
    const synced = this.synced;
    if (synced?.project === project) return synced.preview;
    if (synced) {
      try {
        const listing = performance.now();
        const edits = diff(synced.project, project);
        this.timing.sent = performance.now();
        this.timing.diffMs = this.timing.sent - listing;
        const update = await this.backend.edit(synced.revision, revision, edits);
        this.timing.received = performance.now();
        return this.keep({ project, revision, preview: merge(synced.preview, update) });
      } catch {
        // Refused: answers that do not make a valid project, or the two sides out of step.
        // Sending them whole starts again, and gives the error the owner should see.
      }
    }
    this.synced = null;
    this.timing.sent = performance.now();
    this.timing.diffMs = 0;
    const preview = await this.backend.open(project, revision);
    this.timing.received = performance.now();
    return this.keep({ project, revision, preview });
  }

  private keep(synced: Synced): Preview {
    this.synced = synced;
    return synced.preview;
  }
}
