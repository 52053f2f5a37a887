import type { Locator, Page } from 'playwright-core';

/** The bench's screens as a jeweler sees them: found by role and name, never by CSS. */
export class BenchScreens {
  constructor(private readonly page: Page) {}

  /** Says who is working through the header control. */
  async choosePerson(name: string) {
    await this.page.getByRole('button', { name: /Who is working\?|·/ }).first().click();
    await this.page.getByRole('group', { name: 'Who is working?' }).getByRole('button', { name: new RegExp(name) }).click();
    await this.page.getByRole('button', { name: new RegExp(`^${name} ·`) }).waitFor();
  }

  jobHeading(number: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Job ${number}` });
  }

  region(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  actions(): Locator {
    return this.region('Next step');
  }

  timer(): Locator {
    return this.region('Bench timer');
  }

  checklist(): Locator {
    return this.region('Quality checklist');
  }

  status(label: string): Locator {
    return this.page.getByLabel(`Status: ${label}`);
  }

  /** Answers a pass/fail item. */
  async pass(item: string) {
    await this.checklist().getByRole('group', { name: item, exact: true }).getByRole('button', { name: 'Pass' }).click();
    await this.checklist().getByRole('group', { name: item, exact: true }).getByRole('button', { name: 'Pass', pressed: true }).waitFor();
  }

  /** Types a measurement and leaves the field (which saves it). */
  async measure(item: string, value: string) {
    const field = this.checklist().getByLabel(item, { exact: true });
    await field.fill(value);
    await field.press('Enter');
  }
}
