// `npm start` builds only when needed: no build yet, or a source file newer than the build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const built = 'dist/index.html';
const sources = [
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'tailwind.config.js',
  'package-lock.json',
];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale =
  !existsSync(built) ||
  // The app's server render (dist/.server), built with it since deep links are painted there.
  !existsSync('dist/.server/server-paint.mjs') ||
  Math.max(...sources.map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log('Building the dashboard…');
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
