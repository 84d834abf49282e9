import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  // Relative asset URLs: the server mounts the same build under any BASE_PATH (server/static.ts).
  base: './',
  plugins: [react(), tailwindcss()],
  build: {
    // The bundle-budget test reads the manifest to know what a deep link loads first.
    manifest: true,
    sourcemap: false,
    target: 'es2022',
  },
});
