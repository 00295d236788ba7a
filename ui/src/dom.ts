// Small DOM helpers, so the form code reads as structure rather than as createElement calls.
// Text always goes in through textContent: answers are never parsed as HTML.

type Props = Record<string, string | boolean | number | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (key === "class") node.className = String(value);
    else if (key === "text") node.textContent = String(value);
    else if (key in node && typeof (node as unknown as Record<string, unknown>)[key] !== "string" && typeof value !== "string")
      (node as unknown as Record<string, unknown>)[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** An id-safe form of an answer path: `organisation.address.city` → `organisation-address-city`. */
export function idFor(path: string): string {
  return path.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "");
}
