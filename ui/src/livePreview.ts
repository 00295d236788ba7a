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

/** The full preview `update` makes of `previous`. Throws when the update names a section it
 * neither sends nor `previous` has: then the two sides disagree and must start again. */
export function merge(previous: Preview, update: PreviewUpdate): Preview {
  const byId = new Map(previous.sections.map((s) => [s.id, s]));
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
  private latest: Project | null = null;

  constructor(private readonly backend: PreviewBackend) {}

  /** Another project: the next preview sends its answers whole. */
  reset(): void {
    this.synced = null;
  }

  /** The preview of `project`; null when a newer call superseded this one before it was sent. */
  update(project: Project): Promise<Preview | null> {
    this.latest = project;
    const run = this.queue.then(() => (project === this.latest ? this.send(project) : null));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async send(project: Project): Promise<Preview> {
    const revision = ++this.revisions;
    const synced = this.synced;
    if (synced?.project === project) return synced.preview;
    if (synced) {
      try {
        const update = await this.backend.edit(synced.revision, revision, diff(synced.project, project));
        return this.keep({ project, revision, preview: merge(synced.preview, update) });
      } catch {
        // Refused: answers that do not make a valid project, or the two sides out of step.
        // Sending them whole starts again, and gives the error the owner should see.
      }
    }
    this.synced = null;
    const preview = await this.backend.open(project, revision);
    return this.keep({ project, revision, preview });
  }

  private keep(synced: Synced): Preview {
    this.synced = synced;
    return synced.preview;
  }
}
