// The promised date intake proposes: how long each service usually takes on the bench, in
// working days, for the longest service plus a day for each further one, shortened for express
// and VIP pieces. Intake can always change it; this is only the default.
import type { Priority, ServiceType } from './vocabulary';

/** Working days a service usually needs, queue included. Engraving and plating may go to a vendor. */
export const SERVICE_LEAD_DAYS: Readonly<Record<ServiceType, number>> = {
  sizing: 5,
  polishing: 3,
  rhodium_plating: 4,
  stone_tightening: 2,
  stone_replacement: 10,
  prong_retipping: 5,
  clasp_repair: 4,
  chain_soldering: 3,
  engraving: 7,
  pearl_restringing: 5,
  cleaning_inspection: 1,
  authentication: 10,
};

/** How much of the usual lead time each priority gets (rounded up, never below one day). */
export const PRIORITY_FACTOR: Readonly<Record<Priority, number>> = {
  standard: 1,
  vip: 0.7,
  express: 0.5,
};

/** Working days for a set of services at a priority; 0 when no service is chosen yet. */
export function leadWorkingDays(services: readonly ServiceType[], priority: Priority): number {
  const unique = [...new Set(services)];
  if (unique.length === 0) return 0;
  const longest = Math.max(...unique.map((s) => SERVICE_LEAD_DAYS[s]));
  const days = longest + (unique.length - 1);
  return Math.max(1, Math.ceil(days * PRIORITY_FACTOR[priority] - 1e-9));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `days` working days (Monday to Friday) after `from` (an ISO date); from itself never counts. */
export function addWorkingDays(from: string, days: number): string {
  const match = ISO_DATE.exec(from);
  if (!match) throw new RangeError(`not an ISO date: ${JSON.stringify(from)}`);
  // UTC throughout, so no time zone or summer-time change moves a day.
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  let left = days;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** The default promised date; undefined until a service is chosen. `today` is an ISO date. */
export function defaultPromisedDate(services: readonly ServiceType[], priority: Priority, today: string): string | undefined {
  const days = leadWorkingDays(services, priority);
  return days === 0 ? undefined : addWorkingDays(today, days);
}

/** The calendar date at `now` where the device is, as an ISO date (not the UTC date). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
