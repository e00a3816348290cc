import { existsSync } from 'node:fs';

/** Debian's Chromium, which .ci/run installs; tests that need it skip elsewhere unless required. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  const present = existsSync(CHROMIUM);
  if (!present && process.env.REQUIRE_CHROMIUM === '1') throw new Error(`REQUIRE_CHROMIUM=1 but there is no Chromium at ${CHROMIUM}`);
  return present;
}

/** Flags for a headless, offline Chromium running as root in a sandbox-less container. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];
