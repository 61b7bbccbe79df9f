import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MeetingDocument } from '../../shared/documents/types.js';
import { DiskFileStore } from '../../server/files/diskStore.js';
import { DefinitionFileError, storeDefinitionFiles } from '../../server/files/definitionFiles.js';
import { CLI_COMMAND, demoTokens, freePort, removeDataDir, spawnServer } from '../helpers/process.js';
import { readPdf } from '../helpers/pdf.js';
import { testDefinition } from '../helpers/definitions.js';
import { bytesOf, documentsApi, pdfBytes } from './files.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const EXAMPLE = 'examples/self-review-2024.json';
const REPORT = readFileSync(join(ROOT, 'examples/documents/bao-cao-kiem-diem-tap-the-2024.pdf'));
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/join/') + '/join/'.length);

function cli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(CLI_COMMAND[0], [...CLI_COMMAND.slice(1), ...args], { cwd: ROOT, env: { ...process.env, REDIS_URL: '', ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe("the definition's documents", () => {
  const dirs: string[] = [];
  const tempDir = (name: string) => {
    const dir = mkdtempSync(join(tmpdir(), `phong-hop-${name}-`));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach(removeDataDir));

  it('are real Vietnamese PDFs in the example, small enough to ship', async () => {
    const pdf = await readPdf(REPORT);
    expect(pdf.joined).toContain('Kiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm 2024');
    expect(pdf.pages).toHaveLength(3);
    expect(REPORT.length).toBeLessThan(200 * 1024);
  });

  it('the CLI uploads them after creating the meeting; a server on the same DATA_DIR serves them by visibility', { timeout: 90_000 }, async () => {
    const dataDir = tempDir('cli-docs');
    const port = await freePort();
    const run = await cli(['create', EXAMPLE, '--json', '--no-cards'], { DATA_DIR: dataDir, PUBLIC_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { meetingId: string; links: { role: string; url: string }[]; documents: { id: string; title: string }[] };
    expect(out.documents.map((d) => d.title)).toEqual([
      'Báo cáo kiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm 2024',
      'Tổng hợp ý kiến góp ý vào dự thảo báo cáo (tài liệu của Chủ tọa)',
    ]);
    const server = await spawnServer({ dataDir, port });
    try {
      const api = documentsApi(server.url, out.meetingId);
      const token = (role: string) => tokenOf(out.links.find((l) => l.role === role)!.url);
      const forMember = ((await (await api.list(token('member'))).json()) as { documents: MeetingDocument[] }).documents;
      expect(forMember.map((d) => [d.title, d.itemId, d.visibility, d.versions[0].by])).toEqual([
        ['Báo cáo kiểm điểm tập thể Ban Thường vụ Tỉnh ủy năm 2024', 'collective-report', 'participants', null],
      ]);
      expect((await bytesOf(await api.download(token('member'), forMember[0].id))).equals(REPORT)).toBe(true);
      const forChair = ((await (await api.list(token('chair'))).json()) as { documents: MeetingDocument[] }).documents;
      expect(forChair.map((d) => d.visibility)).toEqual(['participants', 'presidium']);
      expect((await api.download(token('member'), forChair[1].id)).status).toBe(404);
    } finally {
      await server.terminate();
    }
  });

  it('the demo meeting of a first start carries them', { timeout: 90_000 }, async () => {
    const dataDir = tempDir('demo-docs');
    const server = await spawnServer({ dataDir, port: await freePort() });
    try {
      const demo = demoTokens(dataDir);
      const api = documentsApi(server.url, demo.meetingId);
      const listed = ((await (await api.list(demo.roleOf('member'))).json()) as { documents: MeetingDocument[] }).documents;
      expect(listed).toHaveLength(1);
      expect((await bytesOf(await api.download(demo.roleOf('member'), listed[0].id))).equals(REPORT)).toBe(true);
    } finally {
      await server.terminate();
    }
  });

  it('refuses a file outside the folder (a link leading out included), a missing one, and one that is no document; the CLI then creates nothing', { timeout: 60_000 }, async () => {
    const folder = tempDir('def');
    const outside = tempDir('outside');
    writeFileSync(join(outside, 'secret.pdf'), await pdfBytes('bí mật'));
    mkdirSync(join(folder, 'docs'));
    symlinkSync(join(outside, 'secret.pdf'), join(folder, 'docs', 'link.pdf'));
    writeFileSync(join(folder, 'docs', 'notes.pdf'), 'văn bản thường, không phải PDF');
    const files = await DiskFileStore.open(tempDir('store'));
    const doc = (file: string) => ({ file, title: 'Tài liệu', visibility: 'participants' as const });
    await expect(storeDefinitionFiles(files, [doc('docs/link.pdf')], folder)).rejects.toThrow(/not inside the definition's folder/);
    await expect(storeDefinitionFiles(files, [doc('docs/missing.pdf')], folder)).rejects.toThrow(/no such file/);
    await expect(storeDefinitionFiles(files, [doc('docs/notes.pdf')], folder)).rejects.toThrow(DefinitionFileError);
    await expect(storeDefinitionFiles(files, [doc('docs')], folder)).rejects.toThrow(/not a file/);

    const dataDir = tempDir('cli-bad');
    const definition = { ...testDefinition(), documents: [doc('docs/notes.pdf')] };
    writeFileSync(join(folder, 'meeting.json'), JSON.stringify(definition));
    const run = await cli(['create', join(folder, 'meeting.json'), '--json', '--no-cards'], { DATA_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('docs/notes.pdf') } });
    const list = JSON.parse((await cli(['list', '--json'], { DATA_DIR: dataDir })).stdout) as { meetings: unknown[] };
    expect(list.meetings).toEqual([]);
    // The schema itself refuses `..` and absolute paths before any file is opened.
    writeFileSync(join(folder, 'meeting.json'), JSON.stringify({ ...definition, documents: [doc('../outside/secret.pdf')] }));
    expect((await cli(['create', join(folder, 'meeting.json'), '--json', '--no-cards'], { DATA_DIR: dataDir })).code).toBe(1);
  });
});
