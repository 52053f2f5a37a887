// What the server prints when it starts, to let a person in without any default password:
//  - first start (no workshop yet): a one-time setup link (token stored hashed, 60 minutes);
//  - demo mode: a pairing code for the first tablet (10 minutes; each start prints a new one).
// These go to the console for the person at the server, never through the request logger.
import type { Storage } from '../storage/storage';
import { createPairingCode, offerSetupLink } from './pairing';

function box(lines: string[]): string {
  const width = Math.max(...lines.map((l) => l.length)) + 2;
  return ['┌' + '─'.repeat(width) + '┐', ...lines.map((l) => `│ ${l.padEnd(width - 1)}│`), '└' + '─'.repeat(width) + '┘'].join('\n');
}

export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export async function announceAccess(storage: Storage, baseUrl: string, options: { demo: boolean }, print: (text: string) => void = console.log): Promise<void> {
  const link = await offerSetupLink(storage, baseUrl);
  if (link) {
    print(
      box([
        'FIRST START: this Loupe server has no workshop yet.',
        'Open this link on the tablet or computer that will be the first admin’s:',
        '',
        link.url,
        '',
        `It works once, until ${link.expiresAt}. Restart the server for a new one.`,
        'From another device, put this server’s network address in place of the host.',
      ]),
    );
    return;
  }
  if (options.demo) {
    const code = await createPairingCode(storage, { name: 'Demo iPad', kind: 'manager', createdBy: null });
    if (code === 'prefix_taken') return;
    print(
      box([
        'DEMO MODE: pair a first device (a manager iPad) with this code:',
        '',
        `  ${formatPairingCode(code.code)}      or open ${baseUrl}/pair?code=${code.code}`,
        '',
        `Valid until ${code.expiresAt}; restart the server for a new one. Then unlock as`,
        '"Admin" (PIN in the README) and pair more devices from Admin → Devices.',
      ]),
    );
  }
}
