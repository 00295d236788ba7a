// Test support: the field paths the core's validation can give findings, read from its Rust
// source (crates/policywright/src/validate/*.rs), where each finding's place is built with
// `At::field("…")`, `At::item("list", i, …)` / `At::id(…)` and `.child("…")`. List positions
// come out as [0]; `{placeholder}` parts are expanded from `placeholders`.
// A Rust-side list written by the core's own tests would be sturdier; until then the contract
// test checks that this reading finds every rule's path (it fails on too few).

/** What a `{name}` in a Rust format string stands for. */
const placeholders: Record<string, string[]> = {
  name: ["dpo", "eu_representative", "uk_representative"],
  setting: ["google_analytics_data_sharing", "hubspot_data_sharing"],
};

function expand(path: string): string[] {
  const withIndexes = path.replace(/\[\{[a-z_]+\}\]/g, "[0]");
  const m = /\{([a-z_]+)\}/.exec(withIndexes);
  if (!m) return [withIndexes];
  const values = placeholders[m[1]];
  if (!values) throw new Error(`no values for {${m[1]}} in ${path}`);
  return values.flatMap((v) => expand(withIndexes.replace(m[0], v)));
}

const literal = (name: string) => String.raw`&?(?:format!\()?"(?<${name}>[^"]+)"`;
const tokens = new RegExp(
  [
    String.raw`(?<letAt>let (?:mut )?at = (?:\|[^|]*\| )?At::(?:item|id)\("(?<letList>[^"]+)")`,
    String.raw`(?<inline>At::(?:item|id)\("(?<inList>[^"]+)"[^;]*?\)(?:\s*\.child\(${literal("inChild")}\))?)`,
    String.raw`At::field\(${literal("field")}\)`,
    String.raw`\bat(?:\.clone\(\))?\s*\.child\(${literal("atChild")}\)`,
    String.raw`\bat\(${literal("atCall")}\)`,
    // A finding about the whole item: `f.add(&RULE, at, …)`.
    String.raw`(?<atItem>\bat(?:\.clone\(\))?(?=\s*[,)]))`,
    // `let at = At::field(…)`: the calls that follow are not about a list item.
    "(?<letField>let (?:mut )?at = (?=At::field))",
  ].join("|"),
  "g",
);

/** Every field path the given Rust sources can give a finding. */
export function findingPaths(sources: string[]): string[] {
  const out = new Set<string>();
  const add = (path: string) => {
    for (const p of expand(path)) out.add(p);
  };
  for (const whole of sources) {
    // The module's own tests build example places; they are not findings.
    const source = whole.split("#[cfg(test)]")[0];
    let list = "";
    for (const m of source.matchAll(tokens)) {
      const g = m.groups ?? {};
      const child = g.atChild ?? g.atCall;
      if (g.letAt) list = g.letList;
      else if (g.letField) list = "";
      else if (g.atItem) {
        if (list) add(`${list}[0]`);
      } else if (g.inline) add(g.inChild ? `${g.inList}[0].${g.inChild}` : `${g.inList}[0]`);
      else if (g.field) add(g.field);
      else if (child && list) add(`${list}[0].${child}`);
    }
  }
  return [...out].sort();
}
