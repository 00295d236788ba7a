// Finding countries by what an owner types: a two-letter code ("gb"), a name ("Ireland"), or the
// start of one ("Ire"). The list comes from the core (`list_countries`, every ISO 3166-1 country,
// by name) and is offered in its order: nothing here sorts or renames countries.
import type { CountryOption } from "./api";

const fold = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .trim();

/** "Ireland (IE)": how a chosen country reads in its box. */
export const countryLabel = (c: CountryOption) => `${c.name} (${c.code})`;

/** The country `text` names exactly: its code, its name, or its label; null when none does. */
export function resolveCountry(text: string, countries: readonly CountryOption[]): CountryOption | null {
  const t = text.trim();
  if (t === "") return null;
  const code = t.toUpperCase();
  const byCode = countries.find((c) => c.code === code);
  if (byCode) return byCode;
  const labelled = /\(([A-Za-z]{2})\)$/.exec(t);
  if (labelled) return countries.find((c) => c.code === labelled[1].toUpperCase()) ?? null;
  const name = fold(t);
  return countries.find((c) => fold(c.name) === name) ?? null;
}

/** Countries whose code is `text` or whose name starts with it, then those whose name holds it. */
export function matchCountries(text: string, countries: readonly CountryOption[], limit = 8): CountryOption[] {
  const q = fold(text);
  if (q === "") return [];
  const code = q.toUpperCase();
  const starts = countries.filter((c) => c.code === code || fold(c.name).startsWith(q));
  const inside = countries.filter((c) => !starts.includes(c) && fold(c.name).includes(q));
  return [...starts, ...inside].slice(0, limit);
}

/** A list of countries typed as names or codes, "Israel, us" → ["IL", "US"]; a part that names no
 * country is kept as typed (upper case), so validation can say which one it does not know. */
export function parseCountryList(text: string, countries: readonly CountryOption[]): string[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => resolveCountry(part, countries)?.code ?? part.toUpperCase());
}

/** Country names as one phrase, ending in "possibly other countries" when our list may not name
 * them all (a vendor's `locations_open`), as the policy says it. Empty when there are none. */
export function placesPhrase(names: readonly string[], open: boolean | undefined): string {
  return [...names, ...(names.length && open ? ["possibly other countries"] : [])].join(", ");
}
