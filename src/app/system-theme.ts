/**
 * Follows the operating system's light or dark preference by toggling `.dark` on <html>, which
 * the Tailwind `dark:` variant keys on. Runs before the first render so nothing flashes.
 */
export function followSystemTheme(root: HTMLElement = document.documentElement): () => void {
  const query = window.matchMedia('(prefers-color-scheme: dark)');
  const apply = () => {
    root.classList.toggle('dark', query.matches);
    root.style.colorScheme = query.matches ? 'dark' : 'light';
  };
  apply();
  query.addEventListener('change', apply);
  return () => query.removeEventListener('change', apply);
}
