// Read by svelte-check and the Vite plugin: TypeScript in <script lang="ts"> blocks.
import { vitePreprocess } from "@sveltejs/vite-plugin-svelte";

export default { preprocess: vitePreprocess() };
