/** Wired in through `@config` in src/index.css (Tailwind v4 ignores this file otherwise). */
export default {
  theme: {
    extend: {
      fontFamily: {
        sans: ['Inter', 'system-ui', '-apple-system', 'Segoe UI', 'Roboto', 'sans-serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', 'monospace'],
      },
      colors: {
        brand: { 50: '#fff7ed', 500: '#f38020', 600: '#d86a0c', 700: '#b45309' },
      },
    },
  },
};
