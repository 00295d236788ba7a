// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { Preview } from "./generated/Preview";
import { keepLinksOutOfTheWindow, showPreview } from "./preview";

function preview(sections: Array<[string, string]>): Preview {
  return {
    title: "Privacy policy",
    organisation: "Acme",
    last_updated: "Last updated: 1 March 2026",
    sections: sections.map(([id, html]) => ({ id, title: id.toUpperCase(), html, reasons: [] })),
    findings: [],
    paper: "a4",
    listed_vendors: [],
  };
}

describe("showPreview", () => {
  it("renders the header and sections in order", () => {
    const root = document.createElement("main");
    showPreview(
      root,
      preview([
        ["a", "<p>one</p>"],
        ["b", "<p>two</p>"],
      ]),
    );
    expect(root.querySelector("h1")?.textContent).toBe("Privacy policy");
    expect(root.querySelector(".policy-meta")?.textContent).toBe("Acme · Last updated: 1 March 2026");
    const ids = Array.from(root.querySelectorAll("section")).map((s) => s.id);
    expect(ids).toEqual(["a", "b"]);
  });

  it("replaces only sections whose HTML changed", () => {
    const root = document.createElement("main");
    showPreview(
      root,
      preview([
        ["a", "<p>one</p>"],
        ["b", "<p>two</p>"],
      ]),
    );
    const a = root.querySelector("#a")!.firstElementChild;
    const b = root.querySelector("#b")!.firstElementChild;
    showPreview(
      root,
      preview([
        ["a", "<p>one</p>"],
        ["b", "<p>TWO</p>"],
      ]),
    );
    expect(root.querySelector("#a")!.firstElementChild).toBe(a);
    expect(root.querySelector("#b")!.firstElementChild).not.toBe(b);
    expect(root.querySelector("#b")!.textContent).toContain("TWO");
  });

  it("adds, removes and reorders sections", () => {
    const root = document.createElement("main");
    showPreview(
      root,
      preview([
        ["a", "1"],
        ["b", "2"],
        ["c", "3"],
      ]),
    );
    showPreview(
      root,
      preview([
        ["c", "3"],
        ["d", "4"],
        ["a", "1"],
      ]),
    );
    const ids = Array.from(root.querySelectorAll("section")).map((s) => s.id);
    expect(ids).toEqual(["c", "d", "a"]);
  });

  it("puts titles and the organisation in as text, never as markup", () => {
    const root = document.createElement("main");
    const p = preview([["a", "<p>x</p>"]]);
    p.organisation = "<img src=x onerror=alert(1)>";
    showPreview(root, p);
    expect(root.querySelector("img")).toBeNull();
    expect(root.querySelector(".policy-meta")?.textContent).toContain("<img");
  });
});

describe("keepLinksOutOfTheWindow", () => {
  function clickOn(root: HTMLElement, selector: string, type = "click"): boolean {
    const event = new MouseEvent(type, { bubbles: true, cancelable: true, button: type === "click" ? 0 : 1 });
    root.querySelector(selector)!.dispatchEvent(event);
    return event.defaultPrevented;
  }

  function setUp(): { root: HTMLElement; opened: string[] } {
    const root = document.createElement("main");
    document.body.append(root);
    showPreview(
      root,
      preview([
        [
          "a",
          `<p><a id="web" href="https://wren.example/about">site</a> <a id="mail" href="mailto:privacy@wren.example"><em>mail</em></a>
           <a id="plain" href="http://wren.example/">http</a> <a id="script" href="javascript:alert(1)">js</a>
           <a id="file" href="file:///etc/passwd">file</a> <a id="here" href="#a">here</a></p>`,
        ],
      ]),
    );
    const opened: string[] = [];
    keepLinksOutOfTheWindow(root, (url) => opened.push(url));
    return { root, opened };
  }

  it("hands https and mailto links to the opener and never follows them", () => {
    const { root, opened } = setUp();
    expect(clickOn(root, "#web")).toBe(true);
    expect(clickOn(root, "#mail em")).toBe(true);
    expect(opened).toEqual(["https://wren.example/about", "mailto:privacy@wren.example"]);
  });

  it("opens nothing else, and follows nothing either", () => {
    const { root, opened } = setUp();
    for (const id of ["#plain", "#script", "#file"]) expect(clickOn(root, id)).toBe(true);
    expect(clickOn(root, "#web", "auxclick")).toBe(true);
    expect(opened).toEqual([]);
  });

  it("leaves links within the page alone", () => {
    const { root, opened } = setUp();
    expect(clickOn(root, "#here")).toBe(false);
    expect(opened).toEqual([]);
  });
});
