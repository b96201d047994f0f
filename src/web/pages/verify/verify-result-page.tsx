/**
 * `/verify/{number}`: the verdict first, in plain words (valid, renamed, revoked with date
 * and reason, not found, signature not matching), then what the certificate says and what
 * the list says now. This is the page a phone opens from the certificate's QR code.
 */
import type { Child, SafeHtml } from '#jsx/jsx-runtime';
import type { CertificateVerification } from '../../../commands/certificates/verify-certificate.ts';
import { frameworkLabel } from '../../../domain/certificates/certificate-payload.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { VerifyNumberForm } from './verify-form-page.tsx';

function verdictClass(result: CertificateVerification): string {
  if (result.valid) return 'verify-verdict verify-verdict--valid';
  if (result.status === 'not_found') return 'verify-verdict verify-verdict--unknown';
  return 'verify-verdict verify-verdict--revoked';
}

/** The one sentence that matters most comes first: a bad signature or a mismatching print outranks the list status. */
function headline(result: CertificateVerification, t: Translate): string {
  const date = result.removal?.on ?? result.revocation?.on ?? '';
  if (result.status !== 'not_found' && result.signature !== null && !result.signature.valid) return t('verify.signatureInvalid', { failure: result.signature.failure ?? '' });
  if (result.presentedSignature === 'differs') return t('verify.presentedDiffers');
  return t(`verify.status.${result.status}`, { date, number: result.number });
}

function Verdict(props: { result: CertificateVerification; t: Translate }): SafeHtml {
  const { result, t } = props;
  const reason = result.removal?.reason ?? result.revocation?.reason ?? null;
  return (
    <div class={verdictClass(result)} role="status">
      <p class="verify-verdict-headline">{headline(result, t)}</p>
      {result.revoked && reason ? <p>{t('verify.reason', { reason })}</p> : null}
      {result.rename ? <p>{t('verify.renamedFrom', { from: result.rename.from, to: result.rename.to, date: result.rename.on ?? '' })}</p> : null}
      {result.presentedSignature === 'matches' ? <p>{t('verify.presentedMatches')}</p> : null}
    </div>
  );
}

function Row(props: { label: string; children?: Child }): SafeHtml {
  return (
    <tr>
      <th scope="row">{props.label}</th>
      <td>{props.children}</td>
    </tr>
  );
}

function Details(props: { result: CertificateVerification; page: PageContext; t: Translate }): SafeHtml | null {
  const { result, page, t } = props;
  const document = result.certificate;
  if (document === null) return null;
  const p = document.payload;
  const en = page.lang === 'en';
  const both = (zh: string, english: string) => (en ? english || zh : zh);
  return (
    <section aria-labelledby="certificate-details">
      <h2 id="certificate-details">{t('verify.details')}</h2>
      <table class="data-table verify-table">
        <tbody>
          <Row label={t('verify.field.number')}>{p.number}</Row>
          <Row label={t('verify.field.enterprise')}>
            {p.enterprise.nameZh}
            {p.enterprise.nameEn ? <span class="muted verify-second-name">{p.enterprise.nameEn}</span> : null}
          </Row>
          <Row label={t('verify.field.creditCode')}>{p.enterprise.creditCode}</Row>
          {p.factory ? <Row label={t('verify.field.factory')}>{both(p.factory.nameZh, p.factory.nameEn)}</Row> : null}
          <Row label={t('verify.field.programme')}>{both(p.programme.nameZh, p.programme.nameEn)}</Row>
          <Row label={t('verify.field.tier')}>{t(`verify.tier.${p.tier}`)}</Row>
          <Row label={t('verify.field.batch')}>
            <a href={localPath(page.lang, `/lists/${p.batch.slug}`)}>{both(p.batch.nameZh, p.batch.nameEn)}</a>
            {p.batch.noticeNumber ? ` (${p.batch.noticeNumber})` : ''}
          </Row>
          <Row label={t('verify.field.framework')}>{frameworkLabel(p.framework) ?? t('verify.none')}</Row>
          <Row label={t('verify.field.issuer')}>{both(p.issuer.nameZh, p.issuer.nameEn)}</Row>
          <Row label={t('verify.field.issuedOn')}>{p.issuedOn}</Row>
          <Row label={t('verify.field.validity')}>{t('verify.validity.whileListed', { from: p.validity.from })}</Row>
          <Row label={t('verify.field.key')}>
            {document.signature.keyId}
            {result.signature ? <span class="muted"> · {t(`verify.keyStatus.${result.signature.keyStatus}`)}</span> : null}
          </Row>
          <Row label={t('verify.field.signature')}>
            <code class="verify-signature">{document.signature.value}</code>
          </Row>
        </tbody>
      </table>
    </section>
  );
}

function Entry(props: { result: CertificateVerification; page: PageContext; t: Translate }): SafeHtml | null {
  const { result, page, t } = props;
  const entry = result.entry;
  if (entry === null) return null;
  return (
    <section aria-labelledby="list-entry">
      <h2 id="list-entry">{t('verify.entry')}</h2>
      <table class="data-table verify-table">
        <tbody>
          <Row label={t('verify.entry.name')}>{page.lang === 'en' && entry.nameEn ? entry.nameEn : entry.nameZh}</Row>
          <Row label={t('verify.entry.status')}>{t(`verify.entryStatus.${entry.status === 'removed' || entry.status === 'renamed' ? entry.status : 'listed'}`)}</Row>
          <Row label={t('verify.entry.listedOn')}>{entry.listedOn}</Row>
        </tbody>
      </table>
      <p><a href={localPath(page.lang, `/enterprises/${entry.enterpriseId}`)}>{t('verify.entry.profile')}</a></p>
    </section>
  );
}

export function VerifyResultPage(props: { page: PageContext; result: CertificateVerification }): SafeHtml {
  const { page, result } = props;
  const t = translator(page.lang);
  const number = encodeURIComponent(result.number);
  return (
    <Layout page={page} title={t('verify.resultTitle', { number: result.number })}>
      <h1>{t('verify.resultTitle', { number: result.number })}</h1>
      <Verdict result={result} t={t} />
      <Details result={result} page={page} t={t} />
      <Entry result={result} page={page} t={t} />
      {result.certificate ? (
        <section aria-labelledby="downloads">
          <h2 id="downloads">{t('verify.downloads')}</h2>
          <ul>
            <li><a href={`/api/v1/certificates/${number}.pdf`}>{t('verify.downloadPdf')}</a></li>
            <li><a href={`/api/v1/certificates/${number}`}>{t('verify.downloadJson')}</a></li>
            <li><a href="/.well-known/greenlist-keys.json">{t('verify.keysLink')}</a></li>
          </ul>
        </section>
      ) : null}
      <h2>{t('verify.again')}</h2>
      <VerifyNumberForm page={page} />
    </Layout>
  );
}
