// Shows a Preview in the page, replacing only the sections whose HTML changed (by id), so the
// preview does not flicker or lose its scroll position on every edit.
import type { Preview } from "./generated/Preview";

/** What each section element shows: its title and HTML, and that HTML cut into chunks of whole
 * top-level elements with the DOM nodes each chunk became. Kept here rather than in a `data-`
 * attribute: reading one back copies it out of the DOM (the vendors section of a 1,000-entry
 * project is ~250 KB), while a section the last update did not change is the very same string,
 * compared at once. */
type Shown = { title: string; html: string; chunks: string[]; nodes: Node[][] };
const shown = new WeakMap<Element, Shown>();

/** The section HTML cut before each top-level heading (the core writes every heading at the start
 * of a line, and answers reach the HTML escaped, so `<h3` there is always a real tag). Each chunk
 * is a run of whole top-level elements; joined, they are the HTML again. */
export function chunks(html: string): string[] {
  const parts = html.split(/\n(?=<h[2-6][ >])/);
  return parts.map((p, i) => (i < parts.length - 1 ? `${p}\n` : p));
}

/** The nodes `html` (whole elements) parses to, as the section body would parse them. */
function parse(html: string): Node[] {
  const t = document.createElement("template");
  t.innerHTML = html;
  return Array.from(t.content.childNodes);
}

/** Shows `html` in the section's body, re-parsing only the chunks that differ from what it shows:
 * a keystroke in one vendor's name changes one table of a section that lists a thousand, and
 * swapping the whole section made the page lay all of it out again (150 ms to the next frame). */
function showBody(el: HTMLElement, title: string, html: string): void {
  const before = shown.get(el);
  const next = chunks(html);
  const body = el.querySelector(":scope > div");
  if (!before || !body) {
    const heading = document.createElement("h2");
    heading.textContent = title;
    const fresh = document.createElement("div");
    const nodes = next.map(parse);
    fresh.append(...nodes.flat());
    el.replaceChildren(heading, fresh);
    shown.set(el, { title, html, chunks: next, nodes });
    return;
  }
  if (before.title !== title) {
    const heading = el.querySelector(":scope > h2");
    if (heading) heading.textContent = title;
  }
  const old = before.chunks;
  let head = 0;
  while (head < old.length && head < next.length && old[head] === next[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < next.length - head && old[old.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  const anchor = before.nodes.slice(old.length - tail).flat()[0] ?? null;
  for (const node of before.nodes.slice(head, old.length - tail).flat()) node.parentNode?.removeChild(node);
  const added = next.slice(head, next.length - tail).map(parse);
  for (const node of added.flat()) body.insertBefore(node, anchor);
  const nodes = [...before.nodes.slice(0, head), ...added, ...before.nodes.slice(old.length - tail)];
  shown.set(el, { title, html, chunks: next, nodes });
}

export function showPreview(root: HTMLElement, preview: Preview): void {
  let header = root.querySelector<HTMLElement>("header.policy-header");
  if (!header) {
    header = document.createElement("header");
    header.className = "policy-header";
    header.append(document.createElement("h1"), document.createElement("p"));
    root.prepend(header);
  }
  header.querySelector("h1")!.textContent = preview.title;
  const meta = header.querySelector("p")!;
  meta.className = "policy-meta";
  meta.textContent = [preview.organisation, preview.last_updated].filter(Boolean).join(" · ");

  const existing = new Map<string, HTMLElement>();
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("section[data-id]"))) {
    existing.set(el.dataset.id ?? "", el);
  }
  const wanted = new Set(preview.sections.map((s) => s.id));
  for (const [id, el] of existing) {
    if (!wanted.has(id)) el.remove();
  }
  let previous: Element = header;
  for (const section of preview.sections) {
    let el = existing.get(section.id);
    if (!el) {
      el = document.createElement("section");
      el.dataset.id = section.id;
      el.id = section.id;
    }
    const now = shown.get(el);
    // The section HTML comes from the core, which escapes every answer before it reaches HTML.
    if (now?.html !== section.html || now.title !== section.title) showBody(el, section.title, section.html);
    if (previous.nextElementSibling !== el) previous.after(el);
    previous = el;
  }
}

/** Links in the preview never navigate the app's window: a click on an `https:` or `mailto:` link
 * hands its address to `open` (the system browser or mail client); any other link does nothing.
 * Links within the page (`#section`) still scroll to their section. */
export function keepLinksOutOfTheWindow(root: HTMLElement, open: (url: string) => void): void {
  const follow = (event: MouseEvent) => {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!(link instanceof HTMLAnchorElement) || !root.contains(link)) return;
    if (link.getAttribute("href")?.startsWith("#")) return;
    event.preventDefault();
    // A middle click opens nothing here: it would be a new window, which the app refuses anyway.
    if (event.type !== "click") return;
    if (link.protocol === "https:" || link.protocol === "mailto:") open(link.href);
  };
  root.addEventListener("click", follow);
  root.addEventListener("auxclick", follow);
}
