import aws4 from 'aws4';

/** Where the S3-compatible store is and who this server is to it (FILE_STORE=s3, docs/SCALING.md). */
export interface S3Settings {
  /** The store's base URL, e.g. http://minio:9000 (path-style addressing: MinIO, Ceph, Garage, AWS). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Keys start with this (default `files/`), so the bucket can hold other things. */
  prefix?: string;
}

/** The object store could not be reached or answered something other than the request expects: 503 for a request. */
export class S3Error extends Error {}

/** Time for the store to begin answering; a body then streams for as long as it takes. */
const ANSWER_TIMEOUT_MS = 30_000;

/**
 * One signed request (AWS Signature Version 4, by `aws4`) to the object `key`, through fetch. The
 * payload's hash is given by the caller (it knows the file's SHA-256, which the store then checks)
 * or left unsigned for requests without a body.
 */
export async function s3Fetch(
  s3: S3Settings,
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE',
  key: string,
  opts: { headers?: Record<string, string>; body?: ReadableStream<Uint8Array>; payloadSha256?: string } = {},
): Promise<Response> {
  const base = new URL(s3.endpoint);
  const path = `${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(s3.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
  const signed = aws4.sign(
    {
      host: base.host,
      path,
      method,
      service: 's3',
      region: s3.region,
      headers: { ...opts.headers, 'X-Amz-Content-Sha256': opts.payloadSha256 ?? 'UNSIGNED-PAYLOAD' },
    },
    { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  );
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error(`the file store did not answer within ${ANSWER_TIMEOUT_MS / 1000} s`)), ANSWER_TIMEOUT_MS);
  try {
    return await fetch(`${base.protocol}//${base.host}${path}`, {
      method,
      headers: signed.headers as Record<string, string>,
      body: opts.body,
      signal: abort.signal,
      ...(opts.body ? { duplex: 'half' } : {}),
    });
  } catch (e) {
    throw new S3Error(`file store: ${method} failed: ${(e as { cause?: Error }).cause?.message ?? (e as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}
