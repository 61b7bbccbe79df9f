import { describe, expect, it } from 'vitest';
import { httpError, refusedBeforeSending, titleFromFileName, uploadUrl } from '../../client/src/documents/upload/uploadRequest.js';
import { MAX_DOCUMENT_BYTES } from '../../shared/limits.js';

describe('uploads from the console', () => {
  it('titles a file by its name without the extension', () => {
    expect(titleFromFileName('Báo cáo kiểm điểm tập thể.pdf')).toBe('Báo cáo kiểm điểm tập thể');
    expect(titleFromFileName('du_thao_nghi_quyet.v2.PDF')).toBe('du thao nghi quyet.v2');
    expect(titleFromFileName('C:\\Users\\a\\scan.jpeg')).toBe('scan');
    expect(titleFromFileName('.pdf')).toBe('.pdf');
  });

  it('puts the target in the query, the meeting as a whole with no item', () => {
    const url = uploadUrl('m 1', { title: 'Báo cáo & dự thảo', itemId: null, visibility: 'presidium' });
    const parsed = new URL(url, 'http://x');
    expect(parsed.pathname).toBe('/api/meetings/m%201/documents');
    expect(Object.fromEntries(parsed.searchParams)).toEqual({ title: 'Báo cáo & dự thảo', visibility: 'presidium' });
    expect(new URL(uploadUrl('m', { title: 't', itemId: 'open', visibility: 'everyone', order: 3 }), 'http://x').searchParams.get('itemId')).toBe('open');
  });

  it("reads the server's refusal, with its reason and numbers", () => {
    const body = JSON.stringify({ ok: false, error: { code: 'payload-too-large', message: 'too big', reason: 'file-too-large', detail: { max: 52428800, bogus: 'x' } } });
    expect(httpError(413, body)).toEqual({ code: 'payload-too-large', message: 'too big', reason: 'file-too-large', detail: { max: 52428800 } });
  });

  it('does not trust a body it cannot read: the status speaks', () => {
    expect(httpError(413, '<html>Request Entity Too Large</html>')).toMatchObject({ code: 'payload-too-large' });
    expect(httpError(403, JSON.stringify({ ok: false, error: { code: 'pwned', reason: 'x' } }))).toMatchObject({ code: 'forbidden' });
    expect(httpError(400, JSON.stringify({ ok: false, error: { code: 'invalid-payload', message: 'm', reason: 'no-such-reason' } }))).toEqual({
      code: 'invalid-payload',
      message: 'm',
    });
    expect(httpError(502, '')).toMatchObject({ code: 'internal' });
  });

  it('refuses a file over the cap before sending it, with the reason the server would give', () => {
    expect(refusedBeforeSending(MAX_DOCUMENT_BYTES)).toBeNull();
    expect(refusedBeforeSending(MAX_DOCUMENT_BYTES + 1)).toMatchObject({ code: 'payload-too-large', reason: 'file-too-large', detail: { max: MAX_DOCUMENT_BYTES } });
  });
});
