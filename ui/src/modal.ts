// A modal question in the page (a <dialog>, components/Ask.svelte), so WebDriver and the keyboard
// can answer it like any other control. Resolves to the chosen button's value, or "cancel" on Escape.
import { type Component, mount, unmount } from "svelte";
import Ask from "./components/Ask.svelte";

export interface Choice {
  value: string;
  label: string;
  primary?: boolean;
}

/** Opens `dialog` as a modal; where the DOM has no modal dialogs (jsdom), just opens it. */
export function showModal(dialog: HTMLDialogElement): void {
  if (typeof dialog.showModal === "function") dialog.showModal();
  else dialog.setAttribute("open", "");
}

/** Closes `dialog` (firing its close event), also where the DOM has no modal dialogs. */
export function closeModal(dialog: HTMLDialogElement): void {
  if (typeof dialog.close === "function") dialog.close();
  else if (dialog.hasAttribute("open")) {
    dialog.removeAttribute("open");
    dialog.dispatchEvent(new Event("close"));
  }
}

export function ask(title: string, message: string, choices: Choice[], id = "ask"): Promise<string> {
  return new Promise((resolve) => {
    const dialog = mount(Ask, {
      target: document.body,
      props: {
        id,
        title,
        message,
        choices,
        onanswer: (value: string) => {
          void unmount(dialog);
          resolve(value);
        },
      },
    });
  });
}

/** Opens one dialog component of a kind over the page: opening it again replaces the one shown,
 * and closing removes it. */
export function dialogOpener<Deps>(component: Component<{ deps: Deps; onclose: () => void }>): (deps: Deps) => void {
  let open: ReturnType<typeof mount> | null = null;
  return (deps) => {
    if (open) void unmount(open);
    const dialog = mount(component, {
      target: document.body,
      props: {
        deps,
        onclose: () => {
          if (open === dialog) open = null;
          void unmount(dialog);
        },
      },
    });
    open = dialog;
  };
}
