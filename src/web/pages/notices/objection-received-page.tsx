/** The confirmation after an objection: its case number, the entry, and what happens next. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { formatDate, nameIn } from '../shared/labels.ts';

export interface ObjectionReceipt {
  caseNumber: string;
  filedAt: string;
  entryNameZh: string;
  noticeId: number;
  noticeTitleZh: string;
  noticeTitleEn: string;
  closesOn: string;
  evidenceFileId: number | null;
}

export function ObjectionReceivedPage(props: { page: PageContext; receipt: ObjectionReceipt }): SafeHtml {
  const { page, receipt } = props;
  const { lang } = page;
  const t = translator(lang);
  return (
    <Layout page={page} title={t('objection.received.title')}>
      <div class="confirmation" role="status">
        <h1>{t('objection.received.title')}</h1>
        <p>{t('objection.received.caseNumberIs')}</p>
        <p class="case-number"><strong id="case-number">{receipt.caseNumber}</strong></p>
        <p class="muted">{t('objection.received.keep')}</p>
      </div>
      <dl class="facts">
        <div><dt>{t('objection.received.notice')}</dt><dd><a href={localPath(lang, `/notices/${receipt.noticeId}`)}>{nameIn(lang, receipt.noticeTitleZh, receipt.noticeTitleEn)}</a></dd></div>
        <div><dt>{t('objection.received.entry')}</dt><dd lang="zh-CN">{receipt.entryNameZh}</dd></div>
        <div><dt>{t('objection.received.filedAt')}</dt><dd>{formatDate(lang, receipt.filedAt)}</dd></div>
        <div><dt>{t('objection.received.evidence')}</dt><dd>{receipt.evidenceFileId === null ? t('common.no') : t('common.yes')}</dd></div>
      </dl>
      <h2>{t('objection.received.nextTitle')}</h2>
      <p>{t('objection.received.next', { date: formatDate(lang, receipt.closesOn) })}</p>
      <p><a href={localPath(lang, `/notices/${receipt.noticeId}`)}>{t('objection.received.back')}</a></p>
    </Layout>
  );
}
