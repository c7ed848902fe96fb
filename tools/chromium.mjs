// Debian's Chromium, launched the same way by the tests, the benchmark and the screenshot script.
import { execFileSync } from 'node:child_process';

/** The flags these machines need (no sandbox as root; nothing that reaches beyond localhost). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // clerk-js treats automated browsers (navigator.webdriver) as non-standard; we need its real-browser behaviour.
  '--disable-blink-features=AutomationControlled',
];

export function chromiumPath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser || command -v google-chrome'])
      .toString()
      .trim();
  } catch {
    throw new Error('No Chromium found. Install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  }
}
