import type { Locator, Page } from 'playwright-core';

/** The visible box of an Ant Design Select: the chosen value is drawn over its input, which may take no clicks. */
function selectBox(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-selector ")][1]');
}

/**
 * Picks an option of an Ant Design Select whose input is labelled `label` inside `scope`. The dropdown opens with an
 * animation and a click that lands mid-way selects nothing, so it picks again until the box shows the option.
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const box = selectBox(scope.getByLabel(label, { exact: true }));
  for (let attempt = 0; attempt < 5; attempt++) {
    await box.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
    if ((await box.innerText()).includes(option)) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`pickOption: "${option}" was not selected in "${label}"`);
}

/** Picks a unit in an Ant Design TreeSelect by typing part of its name (the search box of the field). */
export async function pickTreeOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  await selectBox(input).click();
  await input.fill(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${option}"]`).click();
}

/**
 * Presses `button` in the open Ant Design Popconfirm. Like a Select's dropdown, the popover opens with an animation and a
 * press that lands mid-way does nothing, so it presses again while the popover stays open (a press that did land closes it).
 */
export async function confirmPopover(page: Page, button: string): Promise<void> {
  const popover = page.locator('.ant-popover:visible');
  await popover.first().waitFor();
  for (let attempt = 0; attempt < 5; attempt++) {
    if ((await popover.count()) === 0) return;
    await popover.getByRole('button', { name: button }).click({ timeout: 5_000 }).catch(() => undefined);
    if (await popover.first().waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false)) return;
  }
  throw new Error(`confirmPopover: the popover did not close after pressing "${button}"`);
}
