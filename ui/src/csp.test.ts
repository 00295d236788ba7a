// The app's CSP (tauri.conf.json: style-src 'self', script-src 'self') allows no inline style or
// script. Components must not need any: no style attributes or directives, no <style> blocks
// (Svelte would inject them), no inline handlers in the page.
import { describe, expect, it } from "vitest";
import conf from "../../tauri.conf.json";
import page from "../index.html?raw";

const components = import.meta.glob("./components/*.svelte", { query: "?raw", import: "default", eager: true });

describe("the content security policy", () => {
  it("is strict about styles and scripts", () => {
    const csp = conf.app.security.csp;
    expect(csp).toContain("style-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("unsafe-inline");
  });

  it("holds in every component and in the page", () => {
    expect(Object.keys(components).length).toBeGreaterThan(10);
    for (const [file, source] of Object.entries(components)) {
      const markup = String(source).replace(/<script[\s\S]*?<\/script>/g, "");
      expect(markup, file).not.toMatch(/\sstyle[=:]|<style[\s>]/);
    }
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
    expect(page.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="/src/main.ts">']);
  });
});
