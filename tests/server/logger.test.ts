// Tokens are never logged: the request logger redacts credentials from the headers it records.
import { Writable } from 'node:stream';
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createLogger, httpLogger } from '../../sync-server/logger';

function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('request logging', () => {
  it('logs each request but redacts authorization, cookie and device-token headers', async () => {
    const { lines, logger } = captureLogs();
    const app = express();
    app.use(httpLogger(logger));
    app.get('/api/jobs', (_req, res) => {
      res.setHeader('Set-Cookie', 'session=s3cr3t-cookie-out');
      res.json([]);
    });
    await request(app)
      .get('/api/jobs')
      .set('Authorization', 'Bearer s3cr3t-token')
      .set('Cookie', 'session=s3cr3t-cookie')
      .set('X-Loupe-Device-Token', 's3cr3t-device')
      .expect(200);

    const log = lines.join('');
    expect(log).toContain('/api/jobs');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain('s3cr3t');
  });

  it('does not log health checks (load balancers poll them)', async () => {
    const { lines, logger } = captureLogs();
    const app = express();
    app.use(httpLogger(logger));
    app.get('/api/health', (_req, res) => {
      res.json({ status: 'ok' });
    });
    await request(app).get('/api/health').expect(200);
    expect(lines).toEqual([]);
  });
});
