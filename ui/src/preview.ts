// Shows a Preview in the page, replacing only the sections whose HTML changed (by id), so the
// preview does not flicker or lose its scroll position on every edit.
import type { Preview } from "./generated/Preview";

/** The HTML each section element shows. Kept here rather than in a `data-` attribute: reading
 * one back copies it out of the DOM (the vendors section of a 1,000-entry project is ~250 KB),
 * while a section the last update did not change is the very same string, compared at once. */
const shownHtml = new WeakMap<Element, string>();

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
    if (shownHtml.get(el) !== section.html) {
      const heading = document.createElement("h2");
      heading.textContent = section.title;
      // The section HTML comes from the core, which escapes every answer before it reaches HTML.
      const body = document.createElement("div");
      body.innerHTML = section.html;
      el.replaceChildren(heading, body);
      shownHtml.set(el, section.html);
    }
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
