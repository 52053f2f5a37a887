// Server commands, run as `node dist-server/main.js <command>` against the configured storage:
//   verify-chain   walks the custody chain and the device signatures; exit 1 on any problem
//   pairing-code   prints a pairing code for a manager device (a way back in with no admin device)
import type { Config } from './config';
import { formatPairingCode } from './auth/first-start';
import { createPairingCode } from './auth/pairing';
import type { Logger } from './logger';
import { openStorage } from './storage/open-storage';

export const COMMANDS = ['verify-chain', 'pairing-code'] as const;
export type Command = (typeof COMMANDS)[number];

export function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly string[]).includes(value ?? '');
}

/** Runs one command; resolves to the process exit code. */
export async function runCommand(command: Command, config: Config, logger: Logger, print: (text: string) => void = console.log): Promise<number> {
  const storage = await openStorage({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, logger });
  try {
    await storage.migrate();
    if (command === 'pairing-code') {
      const code = await createPairingCode(storage, { name: 'Recovery device', kind: 'manager', createdBy: null });
      if (code === 'prefix_taken') return 1;
      await storage.auth.appendAudit([{ kind: 'pairing_code_created', detail: { name: code.name, kind: code.kind, prefix: code.prefix, from: 'command line' } }]);
      print(`Pairing code ${formatPairingCode(code.code)} for a manager device, valid until ${code.expiresAt}. Open /pair on the device.`);
      return 0;
    }
    const report = await storage.auth.verifyChain();
    print(`Custody chain: ${report.links} links, ${report.signed} signatures checked, head ${report.head ?? '(empty)'}.`);
    for (const problem of report.problems) print(`  ${problem.kind.toUpperCase()}: ${problem.message}${problem.id ? ` [${problem.entity} ${problem.id}]` : ''}`);
    print(report.ok ? 'OK: nothing was altered, removed or forged.' : `${report.problems.length} problem(s) found.`);
    return report.ok ? 0 : 1;
  } finally {
    await storage.close();
  }
}
