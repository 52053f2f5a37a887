// A jeweler never reads a client reference. The server keeps it off bench tablets (pulls to a bench
// device never carry it: tests/server/security-identities.test.ts); on a front-office tablet or
// the manager's iPad, where the job holds it, the screens show it to intake and managers only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { configure, screen } from '@testing-library/react';
import { db } from '../../src/db/database';
import { useSession } from '../../src/state/session-store';
import { aJob, aPerson } from '../support/factories';
import { renderApp } from './render-app';

configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

const louis = aPerson({ name: 'Louis Petit', role: 'intake' });
const marie = aPerson({ name: 'Marie Durand', role: 'manager' });
const camille = aPerson({ name: 'Camille Roux', role: 'jeweler' });
const job = aJob({ status: 'completed', clientRef: 'BTQ-4471 Mme Duval' });

beforeEach(async () => {
  await db.delete();
  await db.open();
  await db.people.bulkAdd([louis, marie, camille]);
  await db.jobs.add(job);
});

describe.each([
  ['the desk view', `/desk/${job.number}`],
  ['the release slip', `/print/${job.number}?kind=release`],
])('%s', (_name, path) => {
  it.each([
    ['intake', true, louis],
    ['a manager', true, marie],
    ['a jeweler', false, camille],
  ] as const)('%s sees it: %s', async (_role, sees, person) => {
    useSession.setState({ personId: person.id });
    await renderApp(path);
    if (sees) {
      expect((await screen.findAllByText('BTQ-4471 Mme Duval')).length).toBeGreaterThan(0);
      return;
    }
    // The job is on screen, and stays without its reference once the person has loaded too.
    await screen.findAllByText(new RegExp(job.number));
    expect(screen.queryAllByText('BTQ-4471 Mme Duval')).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(screen.queryAllByText('BTQ-4471 Mme Duval')).toEqual([]);
  });
});
