import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../server/config.js';

// No Docker engine runs here: the deployment's promises about documents, checked as written.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true });
const nginx = readFileSync('deploy/nginx.conf', 'utf8');
const DATA_DIR = join(mkdtempSync(join(tmpdir(), 'phong-hop-config-')), 'data');

describe('documents in the deployment', () => {
  it('both instances share one S3-compatible store (MinIO), its bucket made before they start', () => {
    expect(compose.services.minio.volumes[0]).toMatch(/^minio-data:\/data$/);
    expect(compose.services['minio-bucket'].entrypoint.join(' ')).toContain('mc mb --ignore-existing store/phong-hop-documents');
    for (const name of ['app1', 'app2']) {
      const env = compose.services[name].environment;
      expect(env).toMatchObject({ FILE_STORE: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'phong-hop-documents' });
      expect(compose.services[name].depends_on['minio-bucket'].condition).toBe('service_completed_successfully');
      // The variables the server reads are the ones compose sets, and they parse.
      const config = loadConfig({ ...env, DATA_DIR, PUBLIC_URL: 'http://localhost:8080', ADMIN_TOKEN: 'x'.repeat(20), S3_SECRET_ACCESS_KEY: 'secret-1234' });
      expect(config.files).toMatchObject({ kind: 's3', s3: { endpoint: 'http://minio:9000', bucket: 'phong-hop-documents', prefix: 'files/' } });
    }
  });

  it('lets uploads of up to 50 MiB through the proxy, streamed', () => {
    const block = /location ~ \^\/api\/meetings\/\[\^\/\]\+\/documents \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(Number(/client_max_body_size (\d+)m;/.exec(block)?.[1])).toBeGreaterThan(50);
    expect(block).toMatch(/proxy_request_buffering off;/);
  });

  it('refuses FILE_STORE=s3 without what it needs, and never echoes the secret', () => {
    expect(() => loadConfig({ DATA_DIR, FILE_STORE: 's3', S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET: required with FILE_STORE=s3/);
    expect(() => loadConfig({ DATA_DIR, FILE_STORE: 's3', S3_SECRET_ACCESS_KEY: 'x'.repeat(300) })).toThrow(/S3_SECRET_ACCESS_KEY: .*"…"/);
    expect(loadConfig({ DATA_DIR }).files).toEqual({ kind: 'disk' });
  });
});
