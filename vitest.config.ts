import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          // Real servers, real sockets and 100,000-event scenarios share 2 cores with the UI
          // project: 5 s timed out on a loaded machine without anything being wrong.
          testTimeout: 20_000,
          include: ['server/**/*.test.ts', 'src/api/**/*.test.ts', 'src/lib/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/features/**/*.test.ts', 'src/app/**/*.test.ts'],
          setupFiles: ['src/test/setup.ts'],
        },
      },
    ],
  },
});
