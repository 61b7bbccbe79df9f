import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVER_ENTRY } from '../../scripts/build.mjs';

// No Docker engine runs here, so the deployment files are checked for what they promise.
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true });
const nginx = readFileSync('deploy/nginx.conf', 'utf8');
const apps = ['app1', 'app2'];

describe('docker-compose.yml', () => {
  it('runs Redis with append-only persistence on a volume, health-checked', () => {
    const redis = compose.services.redis;
    expect(redis.command.join(' ')).toMatch(/--appendonly yes/);
    expect(redis.command.join(' ')).toMatch(/--appendfsync always/);
    // The slow log would keep a vote script's arguments: voter and counts side by side.
    expect(redis.command.join(' ')).toMatch(/--slowlog-log-slower-than -1/);
    expect(redis.volumes[0]).toMatch(/^redis-data:\/data$/);
    expect(redis.healthcheck.test).toContain('ping');
  });

  it('runs two app replicas on that Redis, health-checked, each with its own volume', () => {
    for (const name of apps) {
      const app = compose.services[name];
      expect(app.build).toBe('.');
      expect(app.environment.REDIS_URL).toBe('redis://redis:6379');
      expect(app.environment.PORT).toBe('3000');
      expect(app.environment.ADMIN_TOKEN).toBeDefined();
      expect(app.depends_on.redis.condition).toBe('service_healthy');
      expect(app.healthcheck.test.join(' ')).toContain('/healthz');
      expect(app.stop_signal).toBe('SIGTERM');
      // Longer than the 15 s an instance allows itself to finish (server/main.ts), so it is never cut short.
      expect(Number(/^(\d+)s$/.exec(app.stop_grace_period)?.[1])).toBeGreaterThan(15);
      expect(app.ports).toBeUndefined(); // reached only through the proxy
    }
    expect(compose.services.app1.volumes).not.toEqual(compose.services.app2.volumes);
    for (const v of ['redis-data', 'app1-data', 'app2-data']) expect(compose.volumes).toHaveProperty(v);
  });

  it('puts nginx in front with WebSocket upgrades and sticky sessions to both replicas', () => {
    const proxy = compose.services.proxy;
    expect(proxy.ports).toEqual(['8080:80']);
    expect(proxy.volumes[0]).toMatch(/^\.\/deploy\/nginx\.conf:\/etc\/nginx\/conf\.d\/default\.conf/);
    for (const name of apps) expect(proxy.depends_on[name].condition).toBe('service_healthy');
    expect(nginx).toMatch(/ip_hash;/);
    for (const name of apps) expect(nginx).toContain(`server ${name}:3000`);
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade;/);
    expect(nginx).toMatch(/proxy_http_version 1\.1;/);
  });

  it('keeps no secret in its access log: no query string, no join token, no Referer', () => {
    const formats = [...nginx.matchAll(/log_format\s+(\S+)\s+'([^']*)'\s*;/g)];
    expect(formats).toHaveLength(1);
    const [, name, fields] = formats[0];
    // $request is the whole request line; $request_method is fine.
    for (const secret of [
      /\$request(?!_method)\b/,
      /\$request_uri/,
      /\$args/,
      /\$query_string/,
      /\$arg_/,
      /\$http_referer/,
      /\$is_args/,
      /\$http_authorization/,
      /\$http_cookie/,
    ]) {
      expect(fields, String(secret)).not.toMatch(secret);
    }
    expect(fields).toContain('$request_method');
    // Every access log of the server uses this format (one with none would get nginx's default).
    const logs = [...nginx.matchAll(/access_log\s+([^;]+);/g)].map((m) => m[1].trim().split(/\s+/));
    expect(logs.length).toBeGreaterThan(0);
    for (const l of logs) expect(l[0] === 'off' || l[1] === name, l.join(' ')).toBe(true);
    // The path it logs is $uri (no query string) with a join link's token cut off.
    const path = /map \$uri \$(\w+)\s*\{([^}]*)\}/.exec(nginx);
    expect(path).not.toBeNull();
    expect(fields).toContain(`$${path![1]}`);
    expect(path![2]).toMatch(/~\^\/join\/\s+\/join\/-;/);
  });

  it('builds the image the services run', () => {
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/EXPOSE 3000/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n/g, ' ');
  const instructions = dockerfile
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  // Stages, each from its FROM line on: [image, name, instructions].
  const stages: { image: string; name?: string; lines: string[] }[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)(?:\s+AS\s+(\S+))?$/i.exec(line);
    if (from) stages.push({ image: from[1], name: from[2], lines: [] });
    else stages.at(-1)!.lines.push(line);
  }
  const runtime = stages.at(-1)!;
  const copiedFrom = (line: string) => /--from=(\S+)/.exec(line)?.[1];

  it('builds in three stages on Node 24 (the supported LTS line, as `engines` says)', () => {
    expect(stages).toHaveLength(3);
    for (const s of stages) expect(s.image).toBe('node:24-bookworm-slim');
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toMatch(/>=24|\^24/);
  });

  it('builds client and server with the dev dependencies, and installs production dependencies apart, without install scripts', () => {
    const [build, deps] = stages;
    expect(build.lines).toContain('RUN npm ci --no-audit --no-fund');
    expect(build.lines).toContain('RUN npm run build');
    expect(deps.lines.some((l) => /^RUN npm ci --omit=dev --ignore-scripts\b/.test(l))).toBe(true);
    expect(deps.lines.some((l) => /npm run build|COPY \. /.test(l))).toBe(false);
  });

  it('runs the compiled server with plain node, carrying no dev dependency and no TypeScript source', () => {
    const copies = runtime.lines.filter((l) => l.startsWith('COPY'));
    const nodeModules = copies.find((l) => /\snode_modules\b|\/node_modules\s/.test(l))!;
    expect(copiedFrom(nodeModules)).toBe(stages[1].name);
    expect(copies.find((l) => /\/app\/dist\s/.test(l)) && copiedFrom(copies.find((l) => /\/app\/dist\s/.test(l))!)).toBe(stages[0].name);
    expect(copies.some((l) => /COPY \. |\bserver\b|\bshared\b|\bclient\b/.test(l.replace(/dist\/\S*/g, '')))).toBe(false);
    expect(runtime.lines).toContain(`CMD ["node", "${SERVER_ENTRY}"]`);
    expect(instructions.join('\n')).not.toMatch(/\btsx\b/);
    expect(runtime.lines.some((l) => l.startsWith('HEALTHCHECK') && l.includes('/healthz'))).toBe(true);
    expect(runtime.lines).toContain('ENV NODE_ENV=production');
  });

  it('copies every file the runtime scripts need: what they import, and the examples the README creates from', () => {
    const copied = runtime.lines
      .filter((l) => l.startsWith('COPY') && !copiedFrom(l))
      .flatMap((l) =>
        l
          .replace(/^COPY\s+/, '')
          .split(/\s+/)
          .slice(0, -1),
      );
    for (const f of copied) expect(existsSync(f), f).toBe(true);
    for (const script of copied.filter((f) => f.endsWith('.mjs'))) {
      for (const [, spec] of readFileSync(script, 'utf8').matchAll(/from '([^']+)'/g)) {
        if (spec.startsWith('node:')) continue;
        expect(copied, `${script} imports ${spec}`).toContain(join(dirname(script), spec));
      }
    }
    expect(copied).toContain('examples');
    expect(copied).toContain('package.json');
    // docker-compose.yml's example runs the CLI inside the container.
    expect(readFileSync('README.md', 'utf8')).toMatch(/docker compose exec app1 npm run meeting -- create examples\//);
  });

  it('sends no secret and no local build into the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.env', '.git']) expect(ignored, entry).toContain(entry);
  });
});
