// The answers being edited, with undo/redo and an unsaved-changes mark. Values are treated as
// immutable: every edit produces a new value, so undo is just stepping back through values.

export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private savedKey: string;

  constructor(
    private value: T,
    private readonly limit = 200,
  ) {
    this.savedKey = JSON.stringify(value);
  }

  get current(): T {
    return this.value;
  }

  /** Records a new value; an edit that changes nothing is not recorded. */
  apply(next: T): void {
    if (JSON.stringify(next) === JSON.stringify(this.value)) return;
    this.past.push(this.value);
    if (this.past.length > this.limit) this.past.shift();
    this.value = next;
    this.future = [];
  }

  /** Applies an edit made on a copy of the current value. */
  edit(change: (draft: T) => void): void {
    const draft = structuredClone(this.value);
    change(draft);
    this.apply(draft);
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  undo(): void {
    const previous = this.past.pop();
    if (previous === undefined) return;
    this.future.push(this.value);
    this.value = previous;
  }

  redo(): void {
    const next = this.future.pop();
    if (next === undefined) return;
    this.past.push(this.value);
    this.value = next;
  }

  /** True when the value differs from the last saved one (undoing back to it clears this). */
  get dirty(): boolean {
    return JSON.stringify(this.value) !== this.savedKey;
  }

  markSaved(): void {
    this.savedKey = JSON.stringify(this.value);
  }

  /** For answers restored from the recovery file: they are not in any saved file yet. */
  markUnsaved(): void {
    this.savedKey = "";
  }
}
