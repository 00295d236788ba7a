// The version commands for MockBackend: a rough stand-in (in a plain browser and in Vitest) for
// the core's publish, history, change summary, diff and past-version export. Its policy text and
// its change phrases are stand-ins; only the core says what really changed.
import type { Changes } from "./generated/Changes";
import type { OurSide } from "./generated/OurSide";
import type { PolicyDiff } from "./generated/PolicyDiff";
import type { Project } from "./generated/Project";
import type { PublishOutcome } from "./generated/PublishOutcome";
import type { Version } from "./generated/Version";
import type { VersionRow } from "./generated/VersionRow";

/** The stand-in policy text: the name and the vendors, as Markdown. */
export function standInMarkdown(p: Project): string {
  return `# Privacy policy\n\n${p.organisation.legal_name}\n\n## Who we share it with\n\nWe use ${p.vendors.catalogue.join(", ") || "no vendors"}.\n`;
}

const latest = (p: Project): Version | undefined => p.history?.[p.history.length - 1];

/** "Added vendor: x." for each vendor the current answers have and the latest version's did not. */
function ownerChanges(p: Project): Changes["owner"] {
  const last = latest(p);
  if (!last) return { since: null, changes: [] };
  const before = (last.answers as Project).vendors.catalogue;
  const changes = p.vendors.catalogue.filter((v) => !before.includes(v)).map((v) => ({ field: "vendors.catalogue", says: `Added vendor: ${v}.` }));
  return { since: last.number, changes };
}

function sectionDiff(old: string, now: string, from: string, to: string): PolicyDiff {
  const [oldTop, oldVendors = ""] = old.split("## ");
  const [newTop, newVendors = ""] = now.split("## ");
  const section = (id: string, title: string, a: string, b: string) => ({
    id,
    title,
    status: a === b ? ("same" as const) : ("changed" as const),
    pieces:
      a === b
        ? [{ kind: "same" as const, text: a }]
        : [
            { kind: "removed" as const, text: a },
            { kind: "added" as const, text: b },
          ],
  });
  return { from, to, sections: [section("top", "Title and dates", oldTop, newTop), section("vendors", "Who we share it with", oldVendors, newVendors)] };
}

export class MockVersions {
  /** What changed on our side, when a test says something did. */
  ours: OurSide | null = null;

  constructor(private readonly save: (path: string, project: Project, overwrite: boolean) => void) {}

  publish(a: { path: string; project: Project; summary: string | null; date: string | null; overwrite: boolean }): PublishOutcome {
    const last = latest(a.project);
    const date = a.date ?? "2026-01-01";
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw { message: `date: "${date}" is not a date; write it as 2026-03-01`, findings: [], code: "bad-date" };
    if (last && last.date > date) throw { message: `the date ${date} is before version ${last.number}'s date, ${last.date}`, findings: [], code: "bad-date" };
    const number = (last?.number ?? 0) + 1;
    const { history = [], ...answers } = a.project;
    const summary =
      a.summary?.trim() ||
      ownerChanges(a.project)
        .changes.map((c) => c.says)
        .join(" ");
    const version = {
      number,
      date,
      summary,
      answers: structuredClone(answers),
      markdown: standInMarkdown(a.project),
      markdown_sha256: "",
    } as unknown as Version;
    const project: Project = { ...structuredClone(a.project), history: [...history, version] };
    this.save(a.path, project, a.overwrite);
    return { project, number, findings: [], notes: [] };
  }

  history(p: Project): VersionRow[] {
    return (p.history ?? []).map((v) => ({ number: v.number, date: v.date, summary: v.summary, intact: true, library_version: "mock" }));
  }

  changes(p: Project): Changes {
    return { owner: ownerChanges(p), ours: latest(p) ? this.ours : null };
  }

  diff(p: Project): PolicyDiff {
    const last = latest(p);
    if (!last) throw { message: "this project has no published version yet; publish one first", findings: [] };
    return sectionDiff(last.markdown, standInMarkdown(p), `version ${last.number} (${last.date})`, "the current answers");
  }
}
