// @vitest-environment jsdom
// Field: one place for a question's id, label, help, finding and ARIA wiring.
import { createRawSnippet, flushSync, mount, unmount } from "svelte";
import { describe, expect, it } from "vitest";
import { blankProject, catalogueFixture } from "../fixtures";
import { History } from "../history";
import { finding } from "../testing";
import { Wizard, wizardContext } from "../wizard.svelte";
import Field from "./Field.svelte";
import type { Wiring } from "./wiring";

const control = createRawSnippet((w: () => Wiring) => ({
  render: () => `<input id="${w().id}" aria-describedby="${w().describedby}">`,
}));

function draw(props: Record<string, unknown>, wizard?: Wizard) {
  const target = document.createElement("div");
  document.body.append(target);
  const component = mount(Field, {
    target,
    props: { id: "field-x", label: "Your name", control, ...props },
    context: wizard ? wizardContext(wizard) : undefined,
  });
  flushSync();
  return { target, done: () => (unmount(component), target.remove()) };
}

describe("Field", () => {
  it("labels its control and links the help and finding slots", () => {
    const { target, done } = draw({ help: "As on your passport." });
    const input = target.querySelector("input")!;
    expect(target.querySelector(`label[for="field-x"]`)?.textContent).toBe("Your name");
    expect(input.getAttribute("aria-describedby")).toBe("field-x-help field-x-finding");
    expect(target.querySelector("#field-x-help")?.textContent).toBe("As on your passport.");
    expect(target.querySelector("#field-x-finding")?.getAttribute("aria-live")).toBe("polite");
    done();
  });

  it("as a group, is a fieldset named by its legend and described by help and finding", () => {
    const { target, done } = draw({ id: "field-g", layout: "group" });
    const set = target.querySelector("fieldset#field-g")!;
    expect(set.querySelector("legend")?.textContent).toBe("Your name");
    expect(set.getAttribute("aria-describedby")).toBe("field-g-help field-g-finding");
    done();
  });

  it("as a check, puts the box before its label", () => {
    const { target, done } = draw({ layout: "check" });
    const wrapper = target.querySelector(".field.check")!;
    expect(Array.from(wrapper.children).map((c) => c.tagName)).toEqual(["INPUT", "LABEL", "P", "P"]);
    done();
  });

  it("shows the findings on its path, and gives up its slot when it goes", () => {
    const wizard = new Wizard(new History(blankProject()), catalogueFixture, { edited() {}, goTo() {} });
    wizard.findings = [finding("organisation.email", "Add an email.", "warning")];
    const { target, done } = draw({ path: "organisation.email" }, wizard);
    const slot = target.querySelector("#field-x-finding")!;
    expect(slot.textContent).toBe("Add an email.");
    expect(slot.getAttribute("data-severity")).toBe("warning");
    wizard.findings = [finding("organisation.email", "Not an email address.")];
    flushSync();
    expect(slot.textContent).toBe("Not an email address.");
    expect(slot.getAttribute("data-severity")).toBe("error");
    done();
    expect(wizard.shown.has("organisation.email"), "an unmounted field gives up its slot").toBe(false);
  });
});
