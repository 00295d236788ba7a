// The export dialog: which files (HTML page or fragment, Markdown with or without front matter,
// PDF on A4 or Letter), the folder (native dialog), then Open / Show in folder for each file
// written. Copying HTML or Markdown to the clipboard sits beside it.
import * as api from "./api";
import { el } from "./dom";
import type { ExportOptions } from "./generated/ExportOptions";
import type { Paper } from "./generated/Paper";
import type { Project } from "./generated/Project";

export interface ExportDeps {
  project(): Project;
  /** The paper the PDF gets now (from the core's latest preview). */
  paper: Paper;
  /** Records the paper choice in the answers, so the next export uses it too. */
  setPaper(paper: Paper): void;
  /** Base name for the files, from the project file's name. */
  stem: string;
}

const message = (e: unknown) => (typeof e === "object" && e && "message" in e ? String((e as { message: unknown }).message) : String(e));

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = `${name}-${value}`;
  return el("span", { class: "choice" }, el("input", { type: "radio", name, id, value, checked }), el("label", { for: id, text: label }));
}

export function openExportDialog(deps: ExportDeps): void {
  document.getElementById("export-dialog")?.remove();
  const dialog = el("dialog", { id: "export-dialog", "aria-labelledby": "export-title" });
  const box = (id: string, label: string, checked: boolean) =>
    el("span", { class: "choice" }, el("input", { type: "checkbox", id, checked }), el("label", { for: id, text: label }));
  const folder = el("input", { id: "export-folder", type: "text", readOnly: true, placeholder: "No folder chosen" });
  const stem = el("input", { id: "export-stem", type: "text" });
  stem.value = deps.stem;
  const result = el("div", { id: "export-result", "aria-live": "polite" });
  const choose = el("button", { type: "button", id: "choose-folder", text: "Choose folder…" });
  const run = el("button", { type: "button", id: "do-export", class: "primary", text: "Export" });
  const copyHtml = el("button", { type: "button", id: "copy-html", text: "Copy HTML" });
  const copyMd = el("button", { type: "button", id: "copy-md", text: "Copy Markdown" });
  const close = el("button", { type: "button", id: "close-export", text: "Close" });
  const paper = deps.paper;

  dialog.append(
    el("h2", { id: "export-title", text: "Export the policy" }),
    el(
      "fieldset",
      {},
      el("legend", { text: "Files" }),
      el("div", { class: "export-row" }, box("fmt-html", "HTML", true), radio("html-kind", "page", "Whole page", true), radio("html-kind", "fragment", "Fragment for your site's template", false)),
      el("div", { class: "export-row" }, box("fmt-md", "Markdown", true), box("md-front-matter", "With front matter (for static site generators)", false)),
      el("div", { class: "export-row" }, box("fmt-pdf", "PDF", true), radio("paper", "a4", "A4", paper === "a4"), radio("paper", "letter", "US Letter", paper === "letter")),
    ),
    el("div", { class: "field" }, el("label", { for: "export-folder", text: "Folder" }), el("div", { class: "inline" }, folder, choose)),
    el("div", { class: "field" }, el("label", { for: "export-stem", text: "File name (without extension)" }), stem),
    el("div", { class: "dialog-buttons" }, run, copyHtml, copyMd, close),
    result,
  );

  const q = (sel: string) => dialog.querySelector<HTMLInputElement>(sel)!;
  const say = (text: string, kind = "") => {
    result.replaceChildren(el("p", { class: `export-message ${kind}`, text }));
  };

  choose.addEventListener("click", async () => {
    try {
      const dir = await api.chooseExportFolder();
      if (dir) folder.value = dir;
    } catch (e) {
      say(message(e), "error");
    }
  });

  run.addEventListener("click", async () => {
    if (!folder.value) return say("Choose a folder first.", "error");
    const chosenPaper = q('input[name="paper"]:checked').value as Paper;
    const wanted: ExportOptions[] = [];
    if (q("#fmt-html").checked) wanted.push({ format: "html", fragment: q('input[name="html-kind"]:checked').value === "fragment", front_matter: false });
    if (q("#fmt-md").checked) wanted.push({ format: "md", fragment: false, front_matter: q("#md-front-matter").checked });
    if (q("#fmt-pdf").checked) {
      if (chosenPaper !== paper) deps.setPaper(chosenPaper);
      wanted.push({ format: "pdf", fragment: false, front_matter: false });
    }
    if (wanted.length === 0) return say("Tick at least one kind of file.", "error");
    run.disabled = true;
    say("Exporting…");
    try {
      const files: string[] = [];
      const warnings: string[] = [];
      for (const options of wanted) {
        const report = await api.exportPolicy(deps.project(), options, folder.value, stem.value.trim());
        files.push(...report.files);
        warnings.push(...report.warnings);
      }
      const list = el("ul", { class: "export-files" });
      for (const file of files) {
        const open = el("button", { type: "button", class: "link", text: "Open" });
        const show = el("button", { type: "button", class: "link", text: "Show in folder" });
        open.addEventListener("click", () => api.openExported(file).catch((e) => say(message(e), "error")));
        show.addEventListener("click", () => api.showExported(file).catch((e) => say(message(e), "error")));
        list.append(el("li", { "data-file": file }, el("span", { text: file }), " ", open, " ", show));
      }
      result.replaceChildren(el("p", { class: "export-message", id: "export-done", text: `Exported ${files.length} file(s).` }), list, ...warnings.map((w) => el("p", { class: "finding", text: w })));
    } catch (e) {
      say(message(e), "error");
    } finally {
      run.disabled = false;
    }
  });

  const copy = (options: ExportOptions, what: string) => async () => {
    try {
      await api.copyPolicy(deps.project(), options);
      say(`${what} copied to the clipboard.`);
    } catch (e) {
      say(message(e), "error");
    }
  };
  copyHtml.addEventListener("click", copy({ format: "html", fragment: true, front_matter: false }, "HTML"));
  copyMd.addEventListener("click", copy({ format: "md", fragment: false, front_matter: false }, "Markdown"));
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  choose.focus();
}
