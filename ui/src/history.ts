// The answers being edited, with undo/redo and an unsaved-changes mark. Values are immutable:
// every edit produces a new value that shares the parts it did not change (./draft), so undo is
// just stepping back through values, and comparing them costs what changed, not the project.
import { produce, sameAnswers } from "./draft";

export class History<T extends object> {
  private past: T[] = [];
  private future: T[] = [];
  /** The answers last saved; null when they are in no saved file (restored from recovery). */
  private saved: T | null;

  constructor(
    private value: T,
    private readonly limit = 200,
  ) {
    this.saved = value;
  }

  get current(): T {
    return this.value;
  }

  /** Records a new value; an edit that changes nothing is not recorded. */
  apply(next: T): void {
    if (sameAnswers(next, this.value)) return;
    this.past.push(this.value);
    if (this.past.length > this.limit) this.past.shift();
    this.value = next;
    this.future = [];
  }

  /** Applies an edit made on a draft of the current value. */
  edit(change: (draft: T) => void): void {
    this.apply(produce(this.value, change));
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
    return this.saved === null || !sameAnswers(this.value, this.saved);
  }

  markSaved(): void {
    this.saved = this.value;
  }

  /** For answers restored from the recovery file: they are not in any saved file yet. */
  markUnsaved(): void {
    this.saved = null;
  }
}
