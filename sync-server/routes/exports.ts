// GET /api/exports/:kind.csv — the KPI exports for Excel (jobs, KPIs per jeweler, attendance)
// over a period, computed from the server's records by the same domain code the dashboard runs
// on a device (src/domain/kpi), so a file from either says the same thing.
import { Router } from 'express';
import { z } from 'zod';
import { buildExport, computeDashboard, customPeriod, EXPORT_KINDS, exportFileName, isTimeZone, type KpiInput } from '../../src/domain/kpi';
import { csvLabels } from '../../src/i18n/csv-labels';
import { IsoDate } from '../../src/protocol/protocol';
import { HttpError, validate } from '../http/errors';
import { errorResponses, openApiRegistry } from '../openapi';
import type { DeviceAuth } from '../auth/device-auth';
import type { Storage } from '../storage/storage';

/** The longest period one export covers: a bit over a year. */
export const EXPORT_MAX_DAYS = 400;

export const ExportParams = z.object({ kind: z.enum(EXPORT_KINDS) });

export const ExportQuery = z
  .object({
    from: IsoDate,
    to: IsoDate,
    /** Column titles and words, and Excel's separator: ';' for French, ',' for English. */
    lang: z.enum(['en', 'fr']).default('en'),
    /** The workshop's IANA time zone; default: the server's (set TZ). */
    tz: z.string().max(64).refine(isTimeZone, 'an IANA time zone such as Europe/Paris').optional(),
    /** Shift start for late starts, HH:MM (default 09:00). */
    shiftStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day such as 08:30').optional(),
    lateGraceMinutes: z.coerce.number().int().min(0).max(120).optional(),
  })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < EXPORT_MAX_DAYS, { message: `at most ${EXPORT_MAX_DAYS} days`, path: ['to'] });

openApiRegistry.registerPath({
  method: 'get',
  path: '/api/exports/{kind}.csv',
  summary: 'A KPI export for Excel over a period: jobs, KPIs per jeweler, or attendance',
  description:
    'UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting; separator and decimal mark by language ' +
    "(fr: ';' and ',', en: ',' and '.'). Days and weeks are those of the time zone tz. Definitions: docs/KPIS.md. " +
    'Needs a paired device and a manager or admin person session.',
  request: { params: ExportParams, query: ExportQuery },
  responses: {
    200: { description: 'The CSV file, as an attachment.', content: { 'text/csv': { schema: z.string() } } },
    ...errorResponses(400, 401, 403, 426, 500),
  },
});

async function loadInput(storage: Storage): Promise<KpiInput> {
  const [jobs, timeEntries, qcReviews, custodyEvents, attendance, people] = await Promise.all(
    (['job', 'timeEntry', 'qcReview', 'custodyEvent', 'attendance', 'person'] as const).map((entity) => storage.allRecords(entity)),
  );
  // Every record was validated against its protocol schema when it was written.
  return { jobs, timeEntries, qcReviews, custodyEvents, attendance, people } as unknown as KpiInput;
}

export interface ExportsRouterOptions {
  storage: Storage;
  /** When given, an export needs a manager's or an admin's person session: it names people and their hours. */
  auth?: Pick<DeviceAuth, 'requirePerson'>;
}

export function exportsRouter({ storage, auth }: ExportsRouterOptions): Router {
  const router = Router();
  const guard = auth ? [auth.requirePerson(['manager', 'admin'])] : [];
  router.get('/exports/:file', ...guard, async (req, res) => {
    const file = /^([a-z]+)\.csv$/.exec(String(req.params.file));
    if (!file) throw new HttpError(404, 'not_found', `No export at ${req.path}: try /api/exports/jobs.csv.`);
    const { kind } = validate(ExportParams, { kind: file[1] });
    const query = validate(ExportQuery, req.query);
    const timeZone = query.tz ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
    const input = await loadInput(storage);
    const dashboard = computeDashboard(input, customPeriod(query.from, query.to), {
      now: Date.now(),
      timeZone,
      ...(query.shiftStart ? { shiftStart: query.shiftStart } : {}),
      ...(query.lateGraceMinutes !== undefined ? { lateGraceMinutes: query.lateGraceMinutes } : {}),
    });
    const csv = buildExport(kind, input, dashboard, csvLabels(query.lang), query.lang);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${exportFileName(kind, dashboard)}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.send(csv);
  });
  return router;
}
