import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuilt } from '../scripts/web-build.mjs';
import { ROOT, startServerProcess, type ServerProcess } from '../server/src/testing/server-process.js';

export const SCREENSHOT_DIR = path.join(ROOT, 'e2e/screenshots');
export type Locale = 'zh-CN' | 'en-US';

export interface OutboxMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
}

export interface E2E {
  baseUrl: string;
  dataDir: string;
  browser: Browser;
  server: ServerProcess;
  newPage(locale: Locale, viewport?: { width: number; height: number }): Promise<Page>;
  readOutbox(): Promise<OutboxMail[]>;
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh platform (built web app, own data dir, no demo data) plus a headless Debian Chromium. */
export async function startE2E(env: Record<string, string> = {}): Promise<E2E> {
  ensureWebBuilt();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'tongshang-e2e-'));
  const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO: 'false', DEMO_CATALOG_SIZE: '0', WORKER_POLL_MS: '200', ...env });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (err) {
    // Do not leave the server running when the browser cannot start.
    await server.stop('SIGTERM');
    await fs.rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    baseUrl: server.baseUrl,
    dataDir,
    browser,
    server,
    async newPage(locale, viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ locale, viewport });
      // Only a first visit starts in the context's language; a switch made in the app then sticks across reloads.
      await context.addInitScript((lang) => {
        if (!window.localStorage.getItem('tongshang.lang')) window.localStorage.setItem('tongshang.lang', lang);
      }, locale);
      return context.newPage();
    },
    async readOutbox() {
      const dir = path.join(dataDir, 'mail');
      const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json'));
      // A mail being written right now may not parse yet; the next poll will see it.
      const read = async (n: string) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as OutboxMail;
      const mails = (await Promise.all(names.map((n) => read(n).catch(() => null)))).filter((m): m is OutboxMail => m !== null);
      // Newest first.
      return mails.sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt) || b.id.localeCompare(a.id));
    },
    async screenshot(page, name) {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async close() {
      await browser.close();
      const code = await server.stop('SIGTERM');
      await fs.rm(dataDir, { recursive: true, force: true });
      if (code !== 0) throw new Error(`server exited with ${code}:\n${server.output()}`);
    },
  };
}

export async function waitFor<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: gave up after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
