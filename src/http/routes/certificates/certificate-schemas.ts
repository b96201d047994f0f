/** TypeBox schemas of the certificate API: the signed document, the verification answer and the key set. */
import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const Names = { nameZh: Type.String(), nameEn: Type.String() };
const Tier = Type.Union([Type.Literal('national'), Type.Literal('province'), Type.Literal('city')]);

export const CertificatePayloadSchema = Type.Object(
  {
    format: Type.Literal('greenlist-certificate/1'),
    number: Type.String({ examples: ['GF-N-2019-000000-000001'] }),
    enterprise: Type.Object({ ...Names, creditCode: Type.String() }),
    factory: Type.Union([Type.Object(Names), Type.Null()]),
    programme: Type.Object({ code: Type.String(), ...Names }),
    tier: Tier,
    batch: Type.Object({ slug: Type.String(), ...Names, year: Type.Integer(), noticeNumber: Nullable(Type.String()), publishedOn: Type.String() }),
    framework: Type.Union([Type.Object({ id: Type.String(), version: Type.String() }), Type.Null()]),
    issuer: Type.Object({ code: Type.String(), level: Tier, regionCode: Type.String(), ...Names }),
    issuedOn: Type.String({ format: 'date' }),
    validity: Type.Object({ from: Type.String(), until: Nullable(Type.String()), condition: Type.Literal('while-listed') }),
    keyId: Type.String(),
  },
  { description: 'What the issuing authority signed: Ed25519 over the canonical JSON (sorted keys, no whitespace, UTF-8) of this object.' },
);

export const CertificateDocumentSchema = Type.Object(
  {
    format: Type.Literal('greenlist-certificate/1'),
    payload: CertificatePayloadSchema,
    signature: Type.Object({ algorithm: Type.Literal('Ed25519'), keyId: Type.String(), value: Type.String({ description: '64 bytes, base64url' }) }),
    links: Type.Optional(Type.Object({ verify: Type.String(), keys: Type.String() }, { description: 'Not signed: where to look the certificate up' })),
  },
  { description: 'A signed certificate: the file the PDF carries as greenlist-certificate.json' },
);

export const VerificationSchema = Type.Object({
  number: Type.String(),
  status: Type.Union(['valid', 'renamed', 'removed', 'revoked', 'not_found'].map((s) => Type.Literal(s)), { description: 'removed: the entry left the list, which revokes the certificate' }),
  valid: Type.Boolean({ description: 'Signature verifies, the certificate is in force, and a presented signature matches the record' }),
  revoked: Type.Boolean(),
  signature: Type.Union([
    Type.Object({ valid: Type.Boolean(), keyId: Type.String(), keyStatus: Type.Union([Type.Literal('current'), Type.Literal('retired'), Type.Literal('unknown')]), failure: Nullable(Type.String()) }),
    Type.Null(),
  ]),
  presentedSignature: Type.Union([Type.Literal('matches'), Type.Literal('differs'), Type.Null()]),
  issuedOn: Nullable(Type.String()),
  revocation: Type.Union([Type.Object({ on: Nullable(Type.String()), reason: Nullable(Type.String()) }), Type.Null()]),
  removal: Type.Union([Type.Object({ on: Nullable(Type.String()), reason: Nullable(Type.String()), mode: Nullable(Type.String()) }), Type.Null()]),
  rename: Type.Union([Type.Object({ from: Type.String(), to: Type.String(), on: Nullable(Type.String()) }), Type.Null()]),
  entry: Type.Union([
    Type.Object({ listEntryId: Type.Integer(), enterpriseId: Type.Integer(), ...Names, status: Type.String(), listedOn: Type.String(), batch: Type.Object({ slug: Type.String(), ...Names }) }),
    Type.Null(),
  ]),
  certificate: Type.Union([CertificateDocumentSchema, Type.Null()]),
});

export const KeySetSchema = Type.Object({
  format: Type.Literal('greenlist-keys/1'),
  issuer: Type.String(),
  keys: Type.Array(
    Type.Object({
      kid: Type.String(),
      kty: Type.Literal('OKP'),
      crv: Type.Literal('Ed25519'),
      alg: Type.Literal('EdDSA'),
      use: Type.Literal('sig'),
      x: Type.String({ description: 'Raw public key, base64url' }),
      authority: Type.Object({ code: Type.String(), level: Tier, regionCode: Type.String(), ...Names }),
      validFrom: Type.String(),
      validUntil: Nullable(Type.String()),
      status: Type.Union([Type.Literal('current'), Type.Literal('retired')]),
    }),
  ),
});

export const NumberParams = Type.Object({ number: Type.String({ maxLength: 40, examples: ['GF-N-2019-000000-000001'] }) });
