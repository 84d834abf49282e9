import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig(({ isSsrBuild }) =>
  isSsrBuild
    ? {
        // The server's copy of the app (`vite build --ssr`): src/app/server-paint.tsx, which
        // paints a deep link's first frame. It goes under dist/.server (dot folders are never
        // served) as one self-contained module: React and the rest bundled in, their
        // production builds chosen here rather than by the server's NODE_ENV.
        plugins: [react()],
        publicDir: false,
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        ssr: { noExternal: true },
        build: {
          outDir: 'dist/.server',
          sourcemap: false,
          target: 'node20',
          rolldownOptions: {
            // .mjs: DIST_DIR may be outside this package (whose "type" makes .js a module).
            output: { entryFileNames: '[name].mjs', chunkFileNames: 'chunks/[name]-[hash].mjs' },
          },
        },
      }
    : {
        // Relative asset URLs: the server mounts the same build under any BASE_PATH (server/static.ts).
        base: './',
        plugins: [react(), tailwindcss()],
        build: {
          // The bundle-budget test reads the manifest to know what a deep link loads first.
          manifest: true,
          sourcemap: false,
          target: 'es2022',
          // Browsers of the es2022 target that lack <link rel="modulepreload"> (Safari before
          // 17, Firefox before 115) still load every module, only without the head start: the
          // polyfill is left out of the first load.
          modulePreload: { polyfill: false },
          rolldownOptions: {
            // Features import each other through an index.ts (README, Layout); a name taken from
            // one must not bring the index's other modules along. Importing a feature module does
            // nothing needed when none of its exports is used, so such a module is left out.
            treeshake: {
              moduleSideEffects: [{ test: /src[\\/]features[\\/]/, sideEffects: false }],
            },
            output: {
              codeSplitting: {
                groups: [
                  {
                    // What the first load shares with the lazy chunks (React, the schema reader, the
                    // fetcher, timestamps, the clock, the route and formatting) in one file rather
                    // than a dozen: a deep link then waits for two requests, and the whole gzips
                    // smaller.
                    name: 'core',
                    test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/](api[\\/](lenient|http|errors|boot-answer|request-params)|lib[\\/](timestamp|clock|route[\\/](index|schema|links|location|use-route)|base-path|time-window|format))\./,
                  },
                  {
                    // What the idle page and the finding pages share (ranges, their links and
                    // schema): a chunk of theirs, never the first load of a deep link.
                    name: 'find',
                    test: /src[\\/]lib[\\/](time-range|route[\\/]find-(schema|links))\./,
                  },
                ],
              },
            },
          },
        },
      },
);
