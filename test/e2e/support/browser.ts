import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startServer, type RunningServer } from './server.js';

export const SCREENSHOT_DIR = 'test-results';

/** The system Chromium, headless, with a throwaway profile (playwright's launch makes its own). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newVietnameseContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    viewport: { width: 1366, height: 860 },
  });
  context.setDefaultTimeout(15_000);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Not while a table is still fetching (its loading veil would fade the picture).
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png`, fullPage: true });
}

/** axe-core's browser build: the very copy @axe-core/playwright would inject (its dependency, resolved from it). */
const AXE_SOURCE = (createRequire(createRequire(import.meta.url).resolve('@axe-core/playwright'))('axe-core') as { source: string }).source;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * axe.run over the page with the WCAG 2.1 A/AA and best-practice rules, as @axe-core/playwright's AxeBuilder runs them,
 * at about a fifth of its cost (measured on the dashboard): AxeBuilder evaluates axe's 500 kB source two or three times
 * per check and runs axe.runPartial, then axe.finishRun in a blank page opened for each check (which only adds
 * cross-origin frames; the web app has none). Here axe is injected once per document (every frame, as AxeBuilder does)
 * and stays across the single-page app's route changes, and full node details (unique selectors, HTML) are computed for
 * violations only, the one result read. The violations found on pages with planted defects were identical.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE_SOURCE);
  }
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] });
    return result.violations;
  }, AXE_TAGS);
}

async function blockingViolations(page: Page) {
  // A dialog that is still fading in has translucent text; judge contrast on the settled page.
  await page
    .waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'), undefined, { timeout: 5_000 })
    .catch(() => undefined);
  const violations = await axeViolations(page);
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`),
    }));
}

/**
 * No serious or critical axe-core violation on the page as it is now (WCAG 2.1 A/AA rules). A finding
 * is confirmed by a second look a moment later, so a transition caught mid-way on a busy machine
 * does not count, while a real defect still fails.
 */
export async function expectAccessible(page: Page): Promise<void> {
  let blocking = await blockingViolations(page);
  if (blocking.length > 0) {
    await page.waitForTimeout(1_000);
    blocking = await blockingViolations(page);
  }
  expect(blocking, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * After a failed step: keep a picture of the page for the report, print where the page was and what its alerts said
 * (CI keeps the log, not the picture), and start the next step from a clean page.
 */
export async function recordFailure(page: Page | undefined, testName: string): Promise<void> {
  if (!page) return;
  const alerts = await page.locator('[role="alert"]:visible').allInnerTexts().catch(() => []);
  console.error(`[e2e] "${testName}" failed on ${page.url()}; alerts on the page: ${alerts.length > 0 ? alerts.join(' | ') : 'none'}`);
  await screenshot(page, `failed-${testName.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}`).catch(() => undefined);
  await page.reload().catch(() => undefined);
}

export interface ChromiumSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

/**
 * Registers the hooks every browser suite needs: the real server on a fresh database (prepared by `seed`),
 * system Chromium with a Vietnamese context and one page, a picture of the page after a failed step, and
 * everything closed afterwards. Read the fields inside tests, after `beforeAll` has run.
 */
export function useChromiumSession(seed: (server: RunningServer) => Promise<void> = async () => undefined, env: Record<string, string> = {}): ChromiumSession {
  const session = {} as ChromiumSession;
  beforeAll(async () => {
    session.server = await startServer(env);
    await seed(session.server);
    session.browser = await launchChromium();
    session.context = await newVietnameseContext(session.browser, session.server.baseUrl);
    session.page = await session.context.newPage();
  });
  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') await recordFailure(session.page, task.name);
  });
  afterAll(async () => {
    await session.context?.close();
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
