// GET /api/exports/:kind.csv: the same CSVs the dashboard downloads, computed on the server from
// its records by the same domain code. The router is tested on its own (as mounted under /api,
// with the error handler); in the app it sits behind device auth and a manager session.
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeDashboard } from '../../src/domain/kpi';
import { buildExport } from '../../src/domain/kpi/csv';
import { csvLabels } from '../../src/i18n/csv-labels';
import { KPI_FIXTURE, KPI_NOW, KPI_ZONE } from '../support/kpi-fixture';
import { errorHandler } from '../../sync-server/http/errors';
import { buildOpenApiDocument } from '../../sync-server/openapi';
import { exportsRouter } from '../../sync-server/routes/exports';
import { startTestServer, type TestServer } from './helpers';

let server: TestServer;
let app: express.Express;
beforeAll(async () => {
  server = await startTestServer();
  app = express().use('/api', exportsRouter({ storage: server.storage })).use(errorHandler);
  await server.storage.seedRecords('person', KPI_FIXTURE.people);
  await server.storage.seedRecords('job', KPI_FIXTURE.jobs);
  await server.storage.seedRecords('timeEntry', KPI_FIXTURE.timeEntries);
  await server.storage.seedRecords('qcReview', KPI_FIXTURE.qcReviews);
  await server.storage.seedRecords('custodyEvent', KPI_FIXTURE.custodyEvents);
  await server.storage.seedRecords('attendance', KPI_FIXTURE.attendance);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(KPI_NOW));
});
afterAll(async () => {
  vi.useRealTimers();
  await server.close();
});

const MARCH = { kind: 'custom', from: '2026-03-01', to: '2026-03-31' } as const;
const onDevice = (kind: 'jobs' | 'jewelers' | 'attendance', lang: 'en' | 'fr') =>
  buildExport(kind, KPI_FIXTURE, computeDashboard(KPI_FIXTURE, MARCH, { now: KPI_NOW, timeZone: KPI_ZONE }), csvLabels(lang), lang);

describe('GET /api/exports/:kind.csv', () => {
  it.each([
    ['jobs', 'en'],
    ['jewelers', 'fr'],
    ['attendance', 'fr'],
  ] as const)('%s in %s: exactly what the device builds, as an attachment', async (kind, lang) => {
    const res = await request(app)
      .get(`/api/exports/${kind}.csv`)
      .query({ from: '2026-03-01', to: '2026-03-31', lang, tz: KPI_ZONE })
      .expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="loupe-${kind}-2026-03-01-2026-03-31.csv"`);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text).toBe(onDevice(kind, lang));
  });

  it('says "Inès" in UTF-8 bytes and separates French with semicolons', async () => {
    const res = await request(app)
      .get('/api/exports/jewelers.csv?from=2026-03-01&to=2026-03-31&lang=fr&tz=Europe/Paris')
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = res.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes(Buffer.from('Inès Moreau;3;0,68', 'utf8'))).toBe(true);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it.each([
    ['no period', '/api/exports/jobs.csv', 'from'],
    ['a period backwards', '/api/exports/jobs.csv?from=2026-03-31&to=2026-03-01', 'to'],
    ['a period too long', '/api/exports/jobs.csv?from=2020-01-01&to=2026-03-01', 'to'],
    ['an unknown zone', '/api/exports/jobs.csv?from=2026-03-01&to=2026-03-31&tz=Mars/Olympus', 'tz'],
    ['an unknown language', '/api/exports/jobs.csv?from=2026-03-01&to=2026-03-31&lang=de', 'lang'],
    ['an unknown kind', '/api/exports/salaries.csv?from=2026-03-01&to=2026-03-31', 'kind'],
  ])('refuses %s with the field that is wrong', async (_name, url, field) => {
    const res = await request(app).get(url).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });

  it('answers 404 for a file that is not a CSV export', async () => {
    const res = await request(app).get('/api/exports/jobs.xlsx?from=2026-03-01&to=2026-03-31').expect(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('asks for a manager or admin session when the app gives it device auth', async () => {
    const roles: string[][] = [];
    const guarded = express()
      .use('/api', exportsRouter({ storage: server.storage, auth: { requirePerson: (r) => (roles.push([...r]), (_req, res) => void res.status(401).json({ error: { code: 'unauthorized', message: 'no' } })) } }))
      .use(errorHandler);
    await request(guarded).get('/api/exports/jobs.csv?from=2026-03-01&to=2026-03-31').expect(401);
    expect(roles).toEqual([['manager', 'admin']]);
  });

  it('is described in the OpenAPI document', () => {
    const path = (buildOpenApiDocument('test') as unknown as { paths: Record<string, { get: { parameters: Array<{ name: string }>; responses: Record<string, { content: Record<string, unknown> }> } }> }).paths['/api/exports/{kind}.csv']!.get;
    expect(path.parameters.map((p) => p.name)).toEqual(expect.arrayContaining(['kind', 'from', 'to', 'lang', 'tz']));
    expect(path.responses['200']?.content['text/csv']).toBeDefined();
  });
});
