// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import type { Preview } from "./generated/Preview";
import { chunks, keepLinksOutOfTheWindow, showPreview } from "./preview";

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
    const a = root.querySelector("#a p");
    const b = root.querySelector("#b p");
    showPreview(
      root,
      preview([
        ["a", "<p>one</p>"],
        ["b", "<p>TWO</p>"],
      ]),
    );
    expect(root.querySelector("#a p")).toBe(a);
    expect(root.querySelector("#b p")).not.toBe(b);
    expect(root.querySelector("#b")!.textContent).toContain("TWO");
  });

  it("re-parses only the chunks of a section that changed, and shows what a fresh render shows", () => {
    const table = (rows: string[]) => `<table>\n<tbody>\n${rows.map((r) => `<tr><td>${r}</td></tr>`).join("\n")}\n</tbody>\n</table>`;
    const html = (middle: string) =>
      `<p>We use other companies.</p>\n<h3>Hosting</h3>\n${table(["A", "B"])}\n<h3 id="x">Email</h3>\n${table([middle, "D"])}\n<h3>Payments</h3>\n${table(["E"])}\n<p>End.</p>`;
    expect(chunks(html("C")).join("")).toBe(html("C"));
    expect(chunks(html("C"))).toHaveLength(4);
    const root = document.createElement("main");
    showPreview(root, preview([["vendors", html("C")]]));
    const cells = () => Array.from(root.querySelectorAll("#vendors td"));
    const [first, , middle, , last] = cells();
    showPreview(root, preview([["vendors", html("C &amp; Co")]]));
    const now = cells();
    expect(now[0]).toBe(first);
    expect(now[4]).toBe(last);
    expect(now[2]).not.toBe(middle);
    expect(now[2].textContent).toBe("C & Co");
    const fresh = document.createElement("main");
    showPreview(fresh, preview([["vendors", html("C &amp; Co")]]));
    expect(root.querySelector("#vendors")!.innerHTML).toBe(fresh.querySelector("#vendors")!.innerHTML);
    // A chunk added or removed at either end, and a new title.
    showPreview(root, {
      ...preview([["vendors", `<h3>First</h3>\n<p>new</p>\n${html("C")}`]]),
      sections: [{ id: "vendors", title: "Renamed", html: `<h3>First</h3>\n<p>new</p>\n${html("C")}`, reasons: [] }],
    });
    showPreview(fresh, { ...preview([]), sections: [{ id: "vendors", title: "Renamed", html: `<h3>First</h3>\n<p>new</p>\n${html("C")}`, reasons: [] }] });
    expect(root.querySelector("#vendors")!.innerHTML).toBe(fresh.querySelector("#vendors")!.innerHTML);
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
