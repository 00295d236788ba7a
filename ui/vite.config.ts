import { svelte } from "@sveltejs/vite-plugin-svelte";
import { defineConfig } from "vite";

export default defineConfig({
  clearScreen: false,
  // Component CSS is not used (styles live in app.css), and `css: "external"` keeps Svelte from
  // ever injecting a <style> element, which the app's CSP (`style-src 'self'`) would block.
  plugins: [svelte({ compilerOptions: { css: "external" } })],
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
  // Vitest mounts components in jsdom: resolve Svelte's browser build, not its server one.
  resolve: process.env.VITEST ? { conditions: ["browser"] } : undefined,
});
