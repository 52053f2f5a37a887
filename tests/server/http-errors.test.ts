// errors.ts on its own: validate() and the handler's mapping of unexpected errors.
import express from 'express';
import request from 'supertest';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ErrorBody } from '../../src/protocol/protocol';
import { HttpError, errorHandler, validate } from '../../sync-server/http/errors';
import { createLogger, httpLogger } from '../../sync-server/logger';

const Thing = z.object({ name: z.string().min(1), count: z.int().min(0) });

function appWith(route: express.RequestHandler) {
  const app = express();
  app.use(httpLogger(createLogger({ level: 'silent' })));
  app.use(express.json());
  app.post('/x', route);
  app.get('/x', route);
  app.use(errorHandler);
  return app;
}

describe('validate()', () => {
  it('returns the parsed value when it matches', () => {
    expect(validate(Thing, { name: 'ring', count: 2 })).toEqual({ name: 'ring', count: 2 });
  });

  it('answers 400 validation_failed with one entry per failing path', async () => {
    const app = appWith((req, res) => {
      res.json(validate(Thing, req.body));
    });
    const res = await request(app).post('/x').send({ name: '', count: -1 }).expect(400);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['count', 'name']);
  });
});

describe('errorHandler', () => {
  it('passes an HttpError through with its status and code', async () => {
    const app = appWith(() => {
      throw new HttpError(409, 'conflict', 'Stale version.');
    });
    const res = await request(app).get('/x').expect(409);
    expect(res.body).toEqual({ error: { code: 'conflict', message: 'Stale version.' } });
  });

  it('turns a rejected promise into 500 internal without leaking the message or stack', async () => {
    const app = appWith(async () => {
      await Promise.resolve();
      throw new Error('SQLITE_CORRUPT at /secret/path');
    });
    const res = await request(app).get('/x').expect(500);
    expect(ErrorBody.parse(res.body).error.code).toBe('internal');
    expect(JSON.stringify(res.body)).not.toMatch(/SQLITE|secret|at /);
  });

  it('treats a ZodError from server-side parsing as a server bug (500), not a client error', async () => {
    const app = appWith(() => {
      Thing.parse({});
    });
    await request(app).get('/x').expect(500);
  });

  it('still logs the error when the app was assembled without pino-http', async () => {
    const app = express();
    app.get('/x', () => {
      throw new Error('boom');
    });
    app.use(errorHandler);
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    await request(app).get('/x').expect(500);
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });
});
