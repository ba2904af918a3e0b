import type { Locator, Page } from 'playwright-core';

/*
 * Ant Design opens and closes its overlays (select dropdowns, menus, popovers, confirm dialogs) with an animation, and
 * a press that lands mid-way can do nothing, or land on an overlay that is closing. On a loaded machine that happens
 * often enough to redden CI, so these helpers press again until the page shows the press took effect.
 */

const ATTEMPTS = 5;
/** How long one press may take before it is retried (the whole helper fails after ATTEMPTS of them). */
const PRESS_MS = 5_000;
/** How long the page has to show the effect of a press that landed. */
const SETTLE_MS = 2_000;

const settled = (locator: Locator, state: 'visible' | 'hidden') =>
  locator.first().waitFor({ state, timeout: SETTLE_MS }).then(
    () => true,
    () => false,
  );

/** Runs `press` until `took` says it took effect; an error from a press (e.g. a vanished element) only retries. */
async function pressUntil(what: string, press: () => Promise<void>, took: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    await press().catch(() => undefined);
    if (await took()) return;
  }
  throw new Error(`${what}: no effect after ${ATTEMPTS} presses`);
}

/** The visible box of an Ant Design Select: the chosen value is drawn over its input, which may take no clicks. */
function selectBox(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-selector ")][1]');
}

/** Picks an option of an Ant Design Select whose input is labelled `label` inside `scope`, until the box shows it. */
export async function pickOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  const box = selectBox(input);
  await pressUntil(
    `pickOption "${option}" in "${label}"`,
    async () => {
      // The combobox says whether its own list is open (another select's list may still be fading out).
      if ((await input.getAttribute('aria-expanded')) !== 'true') await box.click({ timeout: PRESS_MS });
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click({ timeout: PRESS_MS });
    },
    async () => (await box.innerText({ timeout: SETTLE_MS }).catch(() => '')).includes(option),
  );
}

/** Presses `button` (e.g. "Thêm vai trò" in a dialog still opening) until `effect` shows on the page. */
export async function pressUntilVisible(button: Locator, effect: Locator): Promise<void> {
  await pressUntil(
    'pressUntilVisible',
    () => button.click({ timeout: PRESS_MS }),
    () => settled(effect, 'visible'),
  );
}

/** Picks a unit in an Ant Design TreeSelect by typing part of its name (the search box of the field). */
export async function pickTreeOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await selectBox(input).click();
  await input.fill(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${option}"]`).click();
}

/** Presses `button` in the open Ant Design Popconfirm until the popover has closed. */
export async function confirmPopover(page: Page, button: string): Promise<void> {
  const popover = page.locator('.ant-popover:visible');
  await popover.first().waitFor();
  await pressUntil(
    `confirmPopover "${button}"`,
    () => popover.getByRole('button', { name: button }).click({ timeout: PRESS_MS }),
    () => settled(popover, 'hidden'),
  );
}

/** Presses `button` in the open Ant Design confirm dialog (Modal.confirm) until the dialog has closed. */
export async function confirmModal(page: Page, button: string): Promise<void> {
  const modal = page.locator('.ant-modal-confirm:visible');
  await modal.first().waitFor();
  await pressUntil(
    `confirmModal "${button}"`,
    () => modal.getByRole('button', { name: button }).click({ timeout: PRESS_MS }),
    () => settled(modal, 'hidden'),
  );
}

/** Opens the dropdown menu of `trigger` and chooses `item`, until `opens` (what the item shows, e.g. its dialog) is visible. */
export async function chooseMenuItem(page: Page, trigger: Locator, item: string, opens: Locator): Promise<void> {
  await pressUntil(
    `chooseMenuItem "${item}"`,
    async () => {
      if ((await page.locator('.ant-dropdown:visible').count()) === 0) await trigger.click({ timeout: PRESS_MS });
      await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: item }).click({ timeout: PRESS_MS });
    },
    () => settled(opens, 'visible'),
  );
}

/**
 * Presses `button` in an Ant Design dialog until the dialog has closed. A press that landed shows the button loading
 * while the server answers: that is waited for, never pressed twice.
 */
export async function submitDialog(dialog: Locator, button: Parameters<Locator['getByRole']>[1]): Promise<void> {
  const press = dialog.getByRole('button', button);
  await pressUntil(
    `submitDialog ${JSON.stringify(button)}`,
    () => press.click({ timeout: PRESS_MS }),
    async () => {
      for (;;) {
        if (await settled(dialog, 'hidden')) return true;
        const loading = ((await press.getAttribute('class', { timeout: PRESS_MS }).catch(() => '')) ?? '').includes('ant-btn-loading');
        if (!loading) return false;
      }
    },
  );
}
