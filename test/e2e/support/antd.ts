import type { Locator, Page } from 'playwright-core';

/** Picks an option of an Ant Design Select whose input is labelled `label` inside `scope`. */
export async function pickOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Picks a unit in an Ant Design TreeSelect by typing part of its name (the search box of the field). */
export async function pickTreeOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const input = scope.getByLabel(label, { exact: true });
  // The chosen value is drawn over the search input; open the field through its visible box.
  await input.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " ant-select-selector ")][1]').click();
  await input.fill(option);
  await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${option}"]`).click();
}
