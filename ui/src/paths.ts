// Reading and writing answers by their dotted path ("organisation.address.city"), the same
// paths validation findings name, so a finding lands next to its field.

type Obj = Record<string, unknown>;

export function getAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const key of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Obj)[key];
  }
  return node;
}

/** Sets a value on a draft, creating objects on the way. `undefined` removes an optional answer. */
export function setAt(root: Obj, path: string, value: unknown): void {
  const keys = path.split(".");
  let node: Obj = root;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === null || typeof next !== "object") node[key] = {};
    node = node[key] as Obj;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete node[last];
  else node[last] = value;
}
