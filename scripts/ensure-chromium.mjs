// Makes sure a Chromium for the end-to-end tests is there: CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, installing it with apt when missing and running as root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);
if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${wanted}, which does not exist.`);
  process.exit(1);
}
if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
  console.error(
    'No Chromium at /usr/bin/chromium. Install Debian\'s "chromium" package or set CHROMIUM_PATH.',
  );
  process.exit(1);
}
console.log('Installing Debian chromium for the end-to-end tests…');
const apt = (args) =>
  execFileSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
apt(['update']);
apt(['install', '-y', '--no-install-recommends', 'chromium']);
if (!existsSync(wanted)) {
  console.error('apt-get finished but /usr/bin/chromium is still missing.');
  process.exit(1);
}
