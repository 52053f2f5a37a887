import type { Locator, Page } from 'playwright-core';
import { KNOWN_PINS } from './security';

/** The bench's screens as a jeweler sees them: found by role and name, never by CSS. */
export class BenchScreens {
  constructor(private readonly page: Page) {}

  /**
   * Takes the tablet: the name, then the PIN. On a paired tablet nobody unlocked, from the lock
   * screen; otherwise through the header control. The PIN defaults to the one the test seeded
   * (support/security.ts withPin) or the demo person's.
   */
  async choosePerson(name: string, pin = KNOWN_PINS[name]) {
    if (!pin) throw new Error(`No known PIN for ${name}: seed the person with withPin().`);
    const lock = this.page.locator('.lock-screen');
    const header = this.page.getByRole('button', { name: /Who is working\?|·/ }).first();
    await Promise.race([lock.waitFor(), header.waitFor()]);
    if (await lock.isVisible()) {
      await lock.getByRole('button', { name: new RegExp(name) }).click();
    } else {
      await header.click();
      await this.page.getByRole('group', { name: 'Who is working?' }).getByRole('button', { name: new RegExp(name) }).click();
    }
    await this.page.getByLabel(`PIN for ${name}`).fill(pin);
    await this.page.getByLabel(`PIN for ${name}`).press('Enter');
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
