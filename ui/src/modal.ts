// A modal question in the page (a <dialog>), so WebDriver and the keyboard can answer it like
// any other control. Resolves to the chosen button's value, or "cancel" on Escape.
import { el } from "./dom";

export interface Choice {
  value: string;
  label: string;
  primary?: boolean;
}

export function ask(title: string, message: string, choices: Choice[], id = "ask"): Promise<string> {
  return new Promise((resolve) => {
    const dialog = el("dialog", { id, "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-message` });
    const buttons = el("div", { class: "dialog-buttons" });
    const finish = (value: string) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    for (const c of choices) {
      const b = el("button", { type: "button", class: c.primary ? "primary" : "", "data-value": c.value, text: c.label });
      b.addEventListener("click", () => finish(c.value));
      buttons.append(b);
    }
    dialog.addEventListener("cancel", (e) => {
      e.preventDefault();
      finish("cancel");
    });
    dialog.append(el("h2", { id: `${id}-title`, text: title }), el("p", { id: `${id}-message`, text: message }), buttons);
    document.body.append(dialog);
    dialog.showModal();
    (buttons.querySelector<HTMLButtonElement>(".primary") ?? buttons.querySelector("button"))?.focus();
  });
}
