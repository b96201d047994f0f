/**
 * Evidence files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, OSS in S3 mode),
 * so every app server behind a load balancer sees every file. Requests are signed with
 * AWS Signature Version 4 by the AWS SDK's own signer (@smithy/signature-v4); objects are
 * addressed path-style (`<endpoint>/<bucket>/<key>`), which every compatible store accepts.
 */
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { AppError } from '../../domain/errors.ts';
import type { S3Settings } from '../../config/env.ts';
import type { ObjectStore } from './object-store.ts';

/** The SigV4 signer as S3 wants it: paths not double-escaped, the payload hash sent in x-amz-content-sha256. */
export function s3Signer(settings: Pick<S3Settings, 'region' | 'accessKeyId' | 'secretAccessKey'>): SignatureV4 {
  return new SignatureV4({ service: 's3', region: settings.region, credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey }, sha256: Sha256, uriEscapePath: false, applyChecksum: true });
}

export function createS3ObjectStore(settings: S3Settings): ObjectStore {
  const endpoint = new URL(settings.endpoint);
  const signer = s3Signer(settings);
  const pathOf = (key: string) => `${endpoint.pathname.replace(/\/$/, '')}/${encodeURIComponent(settings.bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;

  async function send(method: 'GET' | 'PUT' | 'HEAD', key: string, body?: Uint8Array, mediaType?: string): Promise<Response> {
    const headers: Record<string, string> = { host: endpoint.host };
    if (body !== undefined) {
      headers['content-type'] = mediaType ?? 'application/octet-stream';
      headers['content-length'] = String(body.byteLength);
    }
    const signed = await signer.sign({ method, protocol: endpoint.protocol, hostname: endpoint.hostname, ...(endpoint.port ? { port: Number(endpoint.port) } : {}), path: pathOf(key), headers, ...(body === undefined ? {} : { body }) });
    const { host: _host, ...sendHeaders } = signed.headers as Record<string, string>;
    return fetch(`${endpoint.protocol}//${endpoint.host}${pathOf(key)}`, { method, headers: sendHeaders, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(30_000) });
  }

  return {
    async put(key, bytes, mediaType) {
      const response = await send('PUT', key, bytes, mediaType);
      if (!response.ok) throw new AppError('INTERNAL', `object store refused PUT ${key}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    },
    async get(key) {
      const response = await send('GET', key);
      if (response.status === 404) throw new AppError('NOT_FOUND', `file ${key} not found in the object store`);
      if (!response.ok) throw new AppError('INTERNAL', `object store refused GET ${key}: ${response.status}`);
      return Buffer.from(await response.arrayBuffer());
    },
    async exists(key) {
      const response = await send('HEAD', key);
      return response.ok;
    },
  };
}
