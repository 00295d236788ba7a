// Answers as immutable values that share what an edit did not touch. An edit runs on a draft
// (a Proxy) that copies only the objects it writes to, so the next value costs the size of the
// path edited, not of the project (a structuredClone of a 1,000-entry project took most of a
// frame). Because untouched parts stay the same objects, comparing two values and listing the
// edits between them (`diff`) skips everything that did not change.
import type { Edit } from "./generated/Edit";
import type { PathKey } from "./generated/PathKey";

type Node = Record<PropertyKey, unknown>;

interface DraftState {
  base: Node;
  /** The shallow copy writes go to; null until the first write. */
  copy: Node | null;
  /** Drafts of children read before this node was copied. */
  children: Map<PropertyKey, Node>;
}

const states = new WeakMap<object, DraftState>();

const draftable = (v: unknown): v is Node => typeof v === "object" && v !== null && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype);

function shallowCopy(base: Node): Node {
  return (Array.isArray(base) ? base.slice() : { ...base }) as Node;
}

function createDraft(base: Node): Node {
  const state: DraftState = { base, copy: null, children: new Map() };
  const current = () => state.copy ?? state.base;
  const ensureCopy = (): Node => {
    if (!state.copy) {
      state.copy = shallowCopy(base);
      for (const [key, child] of state.children) state.copy[key] = child;
    }
    return state.copy;
  };
  const proxy = new Proxy(base, {
    get(_, key) {
      if (!state.copy && state.children.has(key)) return state.children.get(key);
      const value = current()[key];
      // Only a child still shared with the base is drafted; anything assigned during this edit
      // is already new and may be changed in place.
      if (!draftable(value) || states.has(value) || value !== base[key]) return value;
      const child = createDraft(value);
      if (state.copy) state.copy[key] = child;
      else state.children.set(key, child);
      return child;
    },
    set(_, key, value) {
      ensureCopy()[key] = value;
      return true;
    },
    deleteProperty(_, key) {
      delete ensureCopy()[key];
      return true;
    },
    has: (_, key) => key in current(),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor(_, key) {
      const d = Reflect.getOwnPropertyDescriptor(current(), key);
      // The Proxy's target is the base: a key only the copy has must be reported configurable.
      if (d && !(key in base)) d.configurable = true;
      return d;
    },
  });
  states.set(proxy, state);
  return proxy as Node;
}

/** Replaces drafts in `value` by what they became; new objects are searched for drafts. */
function finish(value: unknown): unknown {
  if (!draftable(value)) return value;
  const state = states.get(value);
  if (!state) {
    for (const key of Object.keys(value)) {
      const done = finish(value[key]);
      if (done !== value[key]) value[key] = done;
    }
    return value;
  }
  if (!state.copy) {
    let out: Node | null = null;
    for (const [key, child] of state.children) {
      const done = finish(child);
      if (done !== state.base[key]) (out ??= shallowCopy(state.base))[key] = done;
    }
    return out ?? state.base;
  }
  for (const key of Object.keys(state.copy)) state.copy[key] = finish(state.copy[key]);
  return state.copy;
}

/** The value `change` makes of `base`, sharing every part it did not write to. */
export function produce<T extends object>(base: T, change: (draft: T) => void): T {
  const draft = createDraft(base as Node) as T;
  change(draft);
  return finish(draft) as T;
}

/** The edits that turn `before` into `after`, as the Rust side applies them. A key set to
 * `undefined` is absent, as in JSON; arrays that changed length are sent whole. */
export function diff(before: unknown, after: unknown, path: PathKey[] = [], out: Edit[] = []): Edit[] {
  if (before === after) return out;
  if (draftable(before) && draftable(after) && Array.isArray(before) === Array.isArray(after)) {
    if (Array.isArray(before) && Array.isArray(after)) {
      if (before.length === after.length) {
        for (let i = 0; i < after.length; i++) diff(before[i], after[i], [...path, i], out);
        return out;
      }
    } else {
      for (const key of Object.keys(after)) {
        if (after[key] === undefined) continue;
        if (before[key] === undefined) out.push({ op: "set", path: [...path, key], value: after[key] });
        else diff(before[key], after[key], [...path, key], out);
      }
      for (const key of Object.keys(before)) {
        if (before[key] !== undefined && after[key] === undefined) out.push({ op: "remove", path: [...path, key] });
      }
      return out;
    }
  }
  if (path.length === 0) throw new Error("the answers must be an object");
  out.push({ op: "set", path, value: after });
  return out;
}

/** True when the two values hold the same answers (as JSON would say); fast when they share parts. */
export function sameAnswers(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!draftable(a) || !draftable(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameAnswers(v, b[i]));
  const present = (o: Node) => Object.keys(o).filter((k) => o[k] !== undefined);
  const keys = present(a);
  return keys.length === present(b).length && keys.every((k) => sameAnswers(a[k], b[k]));
}
