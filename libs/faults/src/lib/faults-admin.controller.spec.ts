import { Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootstrapService, ObservabilityModule } from '@obs/observability';
import request from 'supertest';
import { FaultsModule } from './faults.module';

async function start(env: Record<string, string>): Promise<NestFastifyApplication> {
  @Module({ imports: [ObservabilityModule.forRoot({ service: 'users' }), FaultsModule.forRoot({ service: 'users', env })] })
  class AppModule {}
  return bootstrapService(AppModule, { service: 'users', httpPort: 0, env: { LOG_LEVEL: 'silent', ...env } });
}

describe('/admin/faults', () => {
  describe('with ADMIN_TOKEN set', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await start({ ADMIN_TOKEN: 's3cret-token', FAULT_PROFILE: 'realistic' });
    });
    afterAll(() => app.close());

    it.each([
      ['no Authorization header', undefined],
      ['a wrong token', 'Bearer nope'],
      ['another scheme', 'Basic czNjcmV0'],
    ])('answers 401 JSON to %s', async (_case, authorization) => {
      const req = request(app.getHttpServer()).get('/admin/faults');
      const res = await (authorization ? req.set('authorization', authorization) : req);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
      expect(String(res.body.message)).toMatch(/Bearer/);
    });

    it('shows the effective settings to the admin', async () => {
      const res = await request(app.getHttpServer()).get('/admin/faults').set('authorization', 'Bearer s3cret-token');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ service: 'users', profile: 'realistic', errorRate: 0.001, latencyMultiplier: 1, peak: 'auto' });
    });

    it('switches the profile at run time and applies overrides on top', async () => {
      const put = await request(app.getHttpServer())
        .put('/admin/faults')
        .set('authorization', 'Bearer s3cret-token')
        .send({ profile: 'chaos', errorRate: 0.5, peak: 'off' });
      expect(put.status).toBe(200);
      expect(put.body).toMatchObject({ profile: 'chaos', errorRate: 0.5, latencyMultiplier: 1.5, peak: 'off', peakScheduled: false });
      const get = await request(app.getHttpServer()).get('/admin/faults').set('authorization', 'Bearer s3cret-token');
      expect(get.body).toMatchObject({ profile: 'chaos', errorRate: 0.5 });
    });

    it.each([
      ['an unknown profile', { profile: 'wild' }, /profile must be one of/],
      ['an error rate above 1', { errorRate: 1.5 }, /errorRate must not be greater than 1/],
      ['a negative latency multiplier', { latencyMultiplier: -1 }, /latencyMultiplier must not be less than 0/],
      ['a huge latency multiplier', { latencyMultiplier: 1e9 }, /latencyMultiplier must not be greater than 100/],
      ['a string number', { errorRate: '0.5' }, /errorRate must be a number/],
      ['an unknown field', { profile: 'none', verbose: true }, /property verbose should not exist/],
    ])('rejects %s with 400 and a message', async (_case, body, message) => {
      const res = await request(app.getHttpServer()).put('/admin/faults').set('authorization', 'Bearer s3cret-token').send(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body.message)).toMatch(message);
    });

    it('rejects malformed JSON with 400', async () => {
      const res = await request(app.getHttpServer())
        .put('/admin/faults')
        .set('authorization', 'Bearer s3cret-token')
        .set('content-type', 'application/json')
        .send('{"profile": ');
      expect(res.status).toBe(400);
      expect(res.body.statusCode).toBe(400);
    });
  });

  it('is open when ADMIN_TOKEN is not set', async () => {
    const app = await start({});
    try {
      const res = await request(app.getHttpServer()).get('/admin/faults');
      expect(res.status).toBe(200);
      expect(res.body.profile).toBe('none');
    } finally {
      await app.close();
    }
  });
});
