import { defineConfig } from "vite";

// docs/decisions/0091: hashed files under assets/ (served immutable), no inline script or style
// (the host's CSP allows only 'self'), Preact's automatic JSX runtime without a framework plugin.
export default defineConfig({
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  build: {
    outDir: "dist",
    assetsDir: "assets",
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: "es2022",
  },
  server: {
    // `npm run dev` beside build/run.sh: the API, /connect and discovery come from the host.
    proxy: {
      "/api": "http://127.0.0.1:5080",
      "/connect": "http://127.0.0.1:5080",
    },
  },
});
