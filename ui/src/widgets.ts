// The wizard's list editors: products, data categories, purposes, vendors, jurisdictions,
// retention, and the review of every finding. Each draws from the answers and the catalogue and
// edits through the step context, like the plain fields in form.ts.
import { el, idFor } from "./dom";
import { findingText } from "./findings";
import type { CollectedData } from "./generated/CollectedData";
import type { CookieKind } from "./generated/CookieKind";
import type { CustomVendor } from "./generated/CustomVendor";
import type { LegalBasis } from "./generated/LegalBasis";
import type { Product } from "./generated/Product";
import type { Project } from "./generated/Project";
import type { PurposeUse } from "./generated/PurposeUse";
import type { Retention } from "./generated/Retention";
import type { Source } from "./generated/Source";
import type { TransferSafeguard } from "./generated/TransferSafeguard";
import type { StepContext } from "./form";
import { cookieKinds, legalBases, type Option, safeguards, stepFor, type Widget } from "./steps";

const fid = (path: string) => `field-${idFor(path)}`;

/** A checkbox with its label; `id` is the input's id. */
function tick(id: string, label: string, checked: boolean, onChange: (checked: boolean) => void, help?: string): HTMLElement {
  const box = el("input", { type: "checkbox", id, checked });
  box.addEventListener("change", () => onChange(box.checked));
  const helpEl = help ? el("p", { class: "help", id: `${id}-help`, text: help }) : null;
  if (helpEl) box.setAttribute("aria-describedby", helpEl.id);
  return el("div", { class: "field check" }, box, el("label", { for: id, text: label }), helpEl);
}

/** A labelled text input bound to one answer; typing edits without redrawing. */
function textInput(path: string, label: string, value: string, onInput: (v: string) => void, opts: { type?: string; multiline?: boolean; help?: string } = {}): HTMLElement {
  const id = fid(path);
  const input = opts.multiline ? el("textarea", { id, rows: 2 }) : el("input", { id, type: opts.type ?? "text" });
  input.value = value;
  input.setAttribute("aria-describedby", `${id}-help ${id}-finding`);
  input.addEventListener("input", () => onInput(input.value));
  return el(
    "div",
    { class: "field" },
    el("label", { for: id, text: label }),
    input,
    el("p", { class: "help", id: `${id}-help`, text: opts.help ?? "" }),
    el("p", { class: "finding", id: `${id}-finding`, "aria-live": "polite" }),
  );
}

function select(path: string, label: string, options: Array<[string, string]>, value: string, onChange: (v: string) => void): HTMLElement {
  const id = fid(path);
  const s = el("select", { id });
  for (const [v, text] of options) s.append(new Option(text, v, false, v === value));
  s.value = value;
  s.setAttribute("aria-describedby", `${id}-finding`);
  s.addEventListener("change", () => onChange(s.value));
  return el("div", { class: "field" }, el("label", { for: id, text: label }), s, el("p", { class: "finding", id: `${id}-finding`, "aria-live": "polite" }));
}

const optional = (v: string): string | null => (v.trim() === "" ? null : v);

/** Lower-cases a label's first letter, except in acronyms ("IP address"), as the core does. */
const lowerFirst = (label: string) => (label.length > 1 && label[1] === label[1].toUpperCase() && label[1] !== label[1].toLowerCase() ? label : label.charAt(0).toLowerCase() + label.slice(1));

/** Labels as one phrase: "Usage data, device and browser data, IP address". */
const phrase = (labels: string[]) => labels.map((l, i) => (i === 0 ? l : lowerFirst(l))).join(", ");

/** Catalogue descriptions are written to continue "We use your data to …"; alone, they start a sentence. */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

const productKinds: Array<[Product["kind"], string]> = [
  ["website", "Website"],
  ["web-app", "Web app people sign in to"],
  ["mobile-app", "Phone or tablet app"],
  ["desktop-app", "Desktop program"],
  ["api", "Programming interface (API)"],
  ["shop", "Online shop"],
];

function products(ctx: StepContext): HTMLElement {
  const list = el("div", { class: "rows" });
  ctx.project.products.forEach((p, i) => {
    const at = `products[${i}]`;
    const row = el(
      "fieldset",
      { class: "row" },
      el("legend", { text: p.name.trim() || `Product ${i + 1}` }),
      textInput(`${at}.name`, "Name", p.name, (v) => ctx.edit((d) => void (d.products[i].name = v))),
      select(`${at}.kind`, "Kind", productKinds, p.kind, (v) => ctx.edit((d) => void (d.products[i].kind = v as Product["kind"]), true)),
      textInput(`${at}.url`, "Address", p.url ?? "", (v) => ctx.edit((d) => void (optional(v) === null ? delete d.products[i].url : (d.products[i].url = v))), { type: "url", help: "Full address, or the app store page." }),
    );
    const remove = el("button", { type: "button", class: "secondary", text: `Remove ${p.name.trim() || "this product"}` });
    remove.addEventListener("click", () => ctx.edit((d) => void d.products.splice(i, 1), true));
    row.append(remove);
    list.append(row);
  });
  const add = el("button", { type: "button", id: "add-product", text: "Add a website or app" });
  add.addEventListener("click", () => ctx.edit((d) => void d.products.push({ name: "", kind: "website" }), true));
  return el("div", {}, list, add);
}

const sources: Array<[Source, string]> = [
  ["directly", "They give it to you"],
  ["automatically", "Collected automatically as they use the service"],
  ["third-parties", "From other companies (sign-in, payments, partners)"],
  ["public-sources", "From public sources"],
];

/** Unticking a category also drops it from purposes and custom vendors that named it. */
function dropCategory(d: Project, id: string): void {
  d.data = d.data.filter((c) => c.category !== id);
  for (const p of d.purposes) p.categories = p.categories.filter((c) => c !== id);
  for (const v of d.vendors.custom) v.data = v.data.filter((c) => c !== id);
}

function data(ctx: StepContext): HTMLElement {
  const wrap = el("div", { class: "catalogue-list" });
  for (const cat of ctx.catalogue.categories) {
    const i = ctx.project.data.findIndex((c) => c.category === cat.id);
    const entry = i >= 0 ? ctx.project.data[i] : null;
    const help = cat.examples.join(", ") + (cat.gdpr_special ? ". Special category under GDPR Art. 9: extra rules apply." : "");
    const item = el(
      "div",
      { class: "catalogue-item" },
      tick(`field-data-${cat.id}`, cat.label, entry !== null, (on) =>
        ctx.edit((d) => {
          if (on) d.data.push({ category: cat.id, sources: ["directly"], required: false } as CollectedData);
          else dropCategory(d, cat.id);
        }, true), help),
    );
    if (entry) {
      const at = `data[${i}]`;
      const detail = el("fieldset", { class: "detail", id: fid(`${at}.sources`) }, el("legend", { text: `Where ${cat.label.toLowerCase()} comes from` }));
      for (const [value, label] of sources) {
        detail.append(
          tick(`${fid(at)}-source-${value}`, label, entry.sources.includes(value), (on) =>
            ctx.edit((d) => {
              const chosen = new Set(d.data[i].sources);
              if (on) chosen.add(value);
              else chosen.delete(value);
              d.data[i].sources = sources.map(([v]) => v).filter((v) => chosen.has(v));
            }, true)),
        );
      }
      detail.append(
        tick(`${fid(at)}-required`, "People must give it to use the service", entry.required, (on) => ctx.edit((d) => void (d.data[i].required = on), true)),
        el("p", { class: "finding", id: `${fid(`${at}.sources`)}-finding`, "aria-live": "polite" }),
      );
      item.append(detail);
    }
    wrap.append(item);
  }
  return wrap;
}

function purposes(ctx: StepContext): HTMLElement {
  const wrap = el("div", { class: "catalogue-list" });
  const labels = new Map(ctx.catalogue.categories.map((c) => [c.id, c.label]));
  for (const purpose of ctx.catalogue.purposes) {
    const i = ctx.project.purposes.findIndex((p) => p.purpose === purpose.id);
    const use = i >= 0 ? ctx.project.purposes[i] : null;
    const item = el(
      "div",
      { class: "catalogue-item" },
      tick(`field-purpose-${purpose.id}`, purpose.label, use !== null, (on) =>
        ctx.edit((d) => {
          if (on) d.purposes.push({ purpose: purpose.id, legal_basis: purpose.legal_basis, categories: d.data.map((c) => c.category) } as PurposeUse);
          else d.purposes = d.purposes.filter((p) => p.purpose !== purpose.id);
        }, true), sentence(purpose.description)),
    );
    if (use) {
      const at = `purposes[${i}]`;
      const detail = el("div", { class: "detail" });
      const basis = use.legal_basis ?? purpose.legal_basis;
      const basisField = select(`${at}.legal_basis`, "Legal basis (Europe, UK, Brazil)", legalBases.map((b) => [b.value, b.label]), basis, (v) =>
        ctx.edit((d) => void (d.purposes[i].legal_basis = v as LegalBasis), true));
      const explain = legalBases.find((b) => b.value === basis)?.explain ?? "";
      const usual = basis === purpose.legal_basis ? " This is the usual basis for this use." : "";
      basisField.insertBefore(el("p", { class: "help", id: `${fid(`${at}.legal_basis`)}-help`, text: explain + usual }), basisField.querySelector(".finding"));
      basisField.querySelector("select")?.setAttribute("aria-describedby", `${fid(`${at}.legal_basis`)}-help ${fid(`${at}.legal_basis`)}-finding`);
      detail.append(basisField);
      if ((use.legal_basis ?? purpose.legal_basis) === "legitimate-interests") {
        detail.append(
          textInput(`${at}.legitimate_interest`, "The interest you pursue", use.legitimate_interest ?? "", (v) =>
            ctx.edit((d) => void (optional(v) === null ? delete d.purposes[i].legitimate_interest : (d.purposes[i].legitimate_interest = v))), { multiline: true, help: "In your own words, for example “keeping the service secure”." }),
        );
      }
      const used = el("fieldset", { class: "detail", id: fid(`${at}.categories`) }, el("legend", { text: "Data it uses" }));
      if (ctx.project.data.length === 0) used.append(el("p", { class: "help", text: "Tick the data you collect in step 3 first." }));
      for (const c of ctx.project.data) {
        used.append(
          tick(`${fid(at)}-uses-${c.category}`, labels.get(c.category) ?? c.category, use.categories.includes(c.category), (on) =>
            ctx.edit((d) => {
              const chosen = new Set(d.purposes[i].categories);
              if (on) chosen.add(c.category);
              else chosen.delete(c.category);
              d.purposes[i].categories = d.data.map((x) => x.category).filter((x) => chosen.has(x));
            }, true)),
        );
      }
      detail.append(used);
      item.append(detail);
    }
    wrap.append(item);
  }
  return wrap;
}

function vendors(ctx: StepContext): HTMLElement {
  const cats = ctx.catalogue.vendor_categories;
  const catLabel = new Map(cats.map((c) => [c.id, c.label]));
  const dataLabel = new Map(ctx.catalogue.categories.map((c) => [c.id, c.label]));
  const countries = ctx.catalogue.countries;
  const where = (codes: string[]) => codes.map((c) => countries[c]?.name ?? c).join(", ");
  const chosen = new Set(ctx.project.vendors.catalogue);

  const search = el("input", { id: "vendor-search", type: "search", placeholder: "Name, for example Stripe" });
  const filter = el("select", { id: "vendor-category" });
  filter.append(new Option("All kinds", ""));
  for (const c of cats) filter.append(new Option(c.label, c.id));
  const list = el("ul", { class: "vendor-list", id: "vendor-list" });
  for (const v of ctx.catalogue.vendors) {
    const id = `field-vendor-${v.id}`;
    const row = tick(id, `${v.name} (${catLabel.get(v.category) ?? v.category})`, chosen.has(v.id), (on) =>
      ctx.edit((d) => {
        const ids = new Set(d.vendors.catalogue);
        if (on) ids.add(v.id);
        else ids.delete(v.id);
        d.vendors.catalogue = ctx.catalogue.vendors.map((x) => x.id).filter((x) => ids.has(x));
      }, true), `${v.legal_entity}. Receives: ${phrase(v.data.map((d) => dataLabel.get(d) ?? d))}. Processes data in: ${where(v.locations)}.`);
    const li = el("li", { "data-name": v.name.toLowerCase(), "data-category": v.category }, row);
    list.append(li);
  }
  const applyFilter = () => {
    const q = search.value.trim().toLowerCase();
    let shown = 0;
    for (const li of Array.from(list.children) as HTMLElement[]) {
      const visible = (!q || (li.dataset.name ?? "").includes(q)) && (!filter.value || li.dataset.category === filter.value);
      li.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = `${shown} of ${list.children.length} vendors shown · ${chosen.size} chosen`;
  };
  const count = el("p", { class: "help", id: "vendor-count", "aria-live": "polite" });
  search.addEventListener("input", applyFilter);
  filter.addEventListener("change", applyFilter);
  applyFilter();

  const custom = el("div", { class: "rows" }, el("h3", { text: "Vendors not in the list" }));
  ctx.project.vendors.custom.forEach((v, i) => custom.append(customVendor(ctx, v, i, catLabel)));
  const add = el("button", { type: "button", id: "add-custom-vendor", text: "Add a vendor that is not listed" });
  add.addEventListener("click", () => ctx.edit((d) => void d.vendors.custom.push({ name: "", category: cats[0]?.id ?? "hosting", data: [], locations: [] } as CustomVendor), true));
  custom.append(add);

  const names = ctx.catalogue.vendors.filter((v) => chosen.has(v.id)).map((v) => v.name);
  return el(
    "div",
    {},
    el("p", { id: "vendor-chosen", text: names.length ? `Chosen: ${names.join(", ")}.` : "No vendors chosen yet." }),
    el("div", { class: "field" }, el("label", { for: "vendor-search", text: "Search vendors" }), search),
    el("div", { class: "field" }, el("label", { for: "vendor-category", text: "Kind of vendor" }), filter),
    count,
    list,
    custom,
  );
}

/** A select's choices from catalogue options, led by "none". */
const withNone = (none: string, options: Option[]): Array<[string, string]> => [["", none], ...options.map((o): [string, string] => [o.value, o.label])];

function customVendor(ctx: StepContext, v: CustomVendor, i: number, catLabel: Map<string, string>): HTMLElement {
  const at = `vendors.custom[${i}]`;
  const set = (change: (c: CustomVendor) => void, redraw = false) => ctx.edit((d) => change(d.vendors.custom[i]), redraw);
  const opt = (key: "legal_entity" | "purpose" | "privacy_url" | "opt_out_url") => (value: string) =>
    set((c) => void (optional(value) === null ? delete c[key] : (c[key] = value)));
  const labels = new Map(ctx.catalogue.categories.map((c) => [c.id, c.label]));
  const receives = el("fieldset", { class: "detail", id: fid(`${at}.data`) }, el("legend", { text: "Data it receives" }));
  for (const c of ctx.project.data) {
    receives.append(
      tick(`${fid(at)}-data-${c.category}`, labels.get(c.category) ?? c.category, v.data.includes(c.category), (on) =>
        set((x) => {
          const s = new Set(x.data);
          if (on) s.add(c.category);
          else s.delete(c.category);
          x.data = ctx.project.data.map((y) => y.category).filter((y) => s.has(y));
        }, true)),
    );
  }
  const remove = el("button", { type: "button", class: "secondary", text: `Remove ${v.name.trim() || "this vendor"}` });
  remove.addEventListener("click", () => ctx.edit((d) => void d.vendors.custom.splice(i, 1), true));
  return el(
    "fieldset",
    { class: "row" },
    el("legend", { text: v.name.trim() || `Vendor ${i + 1}` }),
    textInput(`${at}.name`, "Name", v.name, (x) => set((c) => void (c.name = x))),
    textInput(`${at}.legal_entity`, "Legal entity", v.legal_entity ?? "", opt("legal_entity"), { help: "The company that processes the data." }),
    select(`${at}.category`, "Kind", [...catLabel.entries()], v.category, (x) => set((c) => void (c.category = x), true)),
    textInput(`${at}.purpose`, "What it does for you", v.purpose ?? "", opt("purpose")),
    receives,
    textInput(`${at}.locations`, "Countries where it processes data", v.locations.join(", "), (x) =>
      set((c) => void (c.locations = x.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))), { help: "Two-letter codes, separated by commas: US, IE." }),
    select(`${at}.safeguard`, "Safeguard for data it handles abroad", withNone("None needed, or not known", safeguards), v.safeguard ?? "", (x) =>
      set((c) => void (x === "" ? delete c.safeguard : (c.safeguard = x as TransferSafeguard)), true)),
    select(`${at}.cookies`, "Cookies it sets on your site", withNone("None", cookieKinds), v.cookies ?? "", (x) =>
      set((c) => void (x === "" ? delete c.cookies : (c.cookies = x as CookieKind)), true)),
    textInput(`${at}.privacy_url`, "Its privacy policy", v.privacy_url ?? "", opt("privacy_url"), { type: "url" }),
    textInput(`${at}.opt_out_url`, "Opt-out page", v.opt_out_url ?? "", opt("opt_out_url"), { type: "url" }),
    remove,
  );
}

function jurisdictions(ctx: StepContext): HTMLElement {
  const chosen = new Set(ctx.project.jurisdictions);
  const wrap = el("div", { class: "catalogue-list", id: fid("jurisdictions") });
  for (const j of ctx.catalogue.jurisdictions) {
    wrap.append(
      tick(`field-jurisdiction-${j.id}`, `${j.short}: ${j.law}`, chosen.has(j.id), (on) =>
        ctx.edit((d) => {
          const s = new Set(d.jurisdictions);
          if (on) s.add(j.id);
          else s.delete(j.id);
          d.jurisdictions = ctx.catalogue.jurisdictions.map((x) => x.id).filter((x) => s.has(x));
        }, true), `Does it apply to you? ${j.applies}`),
    );
  }
  return wrap;
}

type RetentionKind = Retention["kind"] | "";

function retention(ctx: StepContext): HTMLElement {
  const wrap = el("div", { class: "rows" });
  const labels = new Map(ctx.catalogue.categories.map((c) => [c.id, c.label]));
  if (ctx.project.data.length === 0) wrap.append(el("p", { class: "help", text: "Tick the data you collect in step 3 first." }));
  ctx.project.data.forEach((entry, i) => {
    const at = `data[${i}].retention`;
    const r = entry.retention ?? null;
    const kind: RetentionKind = r?.kind ?? "";
    const set = (next: Retention | null, redraw = false) =>
      ctx.edit((d) => void (next === null ? delete d.data[i].retention : (d.data[i].retention = next)), redraw);
    const row = el("fieldset", { class: "row" }, el("legend", { text: labels.get(entry.category) ?? entry.category }));
    row.append(
      select(at, "Kept for", [["", "Not decided yet"], ["period", "A fixed period"], ["until-account-closed", "Until the account is closed"], ["criteria", "Depends (describe)"]], kind, (v) => {
        const k = v as RetentionKind;
        set(k === "" ? null : k === "period" ? { kind: "period", amount: 1, unit: "years" } : k === "until-account-closed" ? { kind: "until-account-closed", grace_days: 30 } : { kind: "criteria", description: "" }, true);
      }),
    );
    if (r?.kind === "period") {
      row.append(
        textInput(`${at}.amount`, "How many", String(r.amount), (v) => {
          const n = Math.max(1, Math.min(1000, Math.round(Number(v)) || 1));
          set({ ...r, amount: n });
        }, { type: "number" }),
        select(`${at}.unit`, "Unit", [["days", "Days"], ["months", "Months"], ["years", "Years"]], r.unit, (v) => set({ ...r, unit: v as typeof r.unit }, true)),
        textInput(`${at}.reason`, "Why this long", r.reason ?? "", (v) => {
          const next = { ...r };
          if (optional(v) === null) delete next.reason;
          else next.reason = v;
          set(next);
        }, { help: "Optional, for example “tax law requires six years”." }),
      );
    } else if (r?.kind === "until-account-closed") {
      row.append(textInput(`${at}.grace_days`, "Days after closing before deletion", String(r.grace_days), (v) => set({ ...r, grace_days: Math.max(0, Math.min(3650, Math.round(Number(v)) || 0)) }), { type: "number" }));
    } else if (r?.kind === "criteria") {
      row.append(textInput(`${at}.description`, "What decides how long", r.description, (v) => set({ ...r, description: v }), { multiline: true }));
    }
    wrap.append(row);
  });
  return wrap;
}

function summary(errors: number, warnings: number): string {
  const check = warnings === 0 ? "Nothing else to check." : `${warnings} point(s) worth checking below.`;
  return errors === 0 ? `Ready to export. ${check}` : `${errors} answer(s) to fix before you can export. ${check}`;
}

function review(ctx: StepContext): HTMLElement {
  const errors = ctx.findings.filter((f) => f.severity === "error");
  const warnings = ctx.findings.filter((f) => f.severity !== "error");
  const wrap = el("div", { class: "review", id: "review" });
  wrap.append(
    el("p", { class: "review-summary", id: "review-summary", text: summary(errors.length, warnings.length) }),
  );
  for (const [title, list] of [["To fix", errors], ["Worth checking", warnings]] as const) {
    if (list.length === 0) continue;
    const ul = el("ul", { class: "review-list" });
    for (const f of list) {
      const step = stepFor(f.field);
      const go = el("button", { type: "button", class: "link", text: `Go to ${step.title}` });
      go.addEventListener("click", () => ctx.goTo(step.id));
      ul.append(el("li", { "data-severity": f.severity }, el("span", { text: findingText(f) }), " ", go));
    }
    wrap.append(el("h3", { text: title }), ul);
  }
  return wrap;
}

export function drawWidget(widget: Widget, ctx: StepContext): HTMLElement {
  switch (widget) {
    case "products":
      return products(ctx);
    case "data":
      return data(ctx);
    case "purposes":
      return purposes(ctx);
    case "vendors":
      return vendors(ctx);
    case "jurisdictions":
      return jurisdictions(ctx);
    case "retention":
      return retention(ctx);
    case "review":
      return review(ctx);
  }
}
