// Debian's Chromium, driven by playwright-core: no browser download.
import { chromium } from 'playwright-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;

export async function launch() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tierwise-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run',
    ],
  });
}
