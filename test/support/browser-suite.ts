import { join } from 'node:path';
import type { Browser, BrowserContext, Page, ViewportSize } from 'playwright-core';
import { SCREENSHOTS, launchBrowser } from './browser';
import { startTestApp, type TestApp, type TestAppOptions } from './harness';

export interface BrowserSuiteOptions {
  /** Passed to `startTestApp`. */
  app?: TestAppOptions;
  /** The default window of `newPage` and `logIn`. */
  viewport?: ViewportSize;
}

export interface Credentials {
  email: string;
  password: string;
}

export interface BrowserSuite {
  /** The running app; read it inside hooks and tests, not at the top of the file. */
  readonly app: TestApp;
  readonly browser: Browser;
  /** A page in a fresh browser context (no cookies or storage), closed after the test. */
  newPage(viewport?: ViewportSize): Promise<Page>;
  /** A full-page screenshot at test-results/screenshots/<prefix>-<name>.png (<name>.png without a prefix). */
  shot(page: Page, name: string): Promise<Buffer>;
  /** Fills and submits the login form already on `page`, and waits for the dashboard. */
  signIn(page: Page, credentials: Credentials): Promise<void>;
  /** A new page signed in through /login; then at `path` when given. */
  logIn(credentials: Credentials, options?: { viewport?: ViewportSize; path?: string }): Promise<Page>;
}

const DEFAULT_VIEWPORT: ViewportSize = { width: 1280, height: 900 };

/**
 * The scaffold every browser test file shares: registers jest hooks that start the app and Chromium
 * once per file, close each test's contexts after it, and stop everything at the end (waiting for
 * the Meta simulator's webhooks in flight first, so none lands on a stopped API).
 */
export function browserSuite(prefix: string, options: BrowserSuiteOptions = {}): BrowserSuite {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (!value) throw new Error(`browserSuite: the ${what} is not started yet (use it inside a hook or test)`);
    return value;
  };

  beforeAll(async () => {
    app = await startTestApp(options.app);
    browser = await launchBrowser();
  }, 240_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.meta.idle();
    await app?.stop();
  }, 60_000);

  const suite: BrowserSuite = {
    get app() {
      return started(app, 'app');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async newPage(viewport = options.viewport ?? DEFAULT_VIEWPORT) {
      const context = await suite.browser.newContext({ viewport });
      contexts.push(context);
      return context.newPage();
    },
    shot(page, name) {
      return page.screenshot({ path: join(SCREENSHOTS, `${prefix ? `${prefix}-` : ''}${name}.png`), fullPage: true });
    },
    async signIn(page, { email, password }) {
      await page.getByTestId('email-input').fill(email);
      await page.getByTestId('password-input').fill(password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(`${suite.app.url}/app`);
    },
    async logIn(credentials, { viewport, path } = {}) {
      const page = await suite.newPage(viewport);
      await page.goto(`${suite.app.url}/login`);
      await suite.signIn(page, credentials);
      if (path) await page.goto(`${suite.app.url}${path}`);
      return page;
    },
  };
  return suite;
}
