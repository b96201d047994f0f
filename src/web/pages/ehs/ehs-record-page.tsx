/**
 * `/workspace/ehs/{enterpriseId}/record`: the enterprise records new items — seal points,
 * an inspection round, hazards, violations, permit limits, monitoring results, accidents —
 * and imports rounds or monitoring data from CSV/XLSX. Each form posts on its own; an
 * error comes back beside its form with what was typed.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { ACCIDENT_CATEGORIES, ACCIDENT_GRADES, MEDIUM_CLASSES, majorHazardCriteriaFile } from '../../../domain/ehs/ehs-reference.ts';
import { COMPONENT_TYPES } from '../../../domain/ehs/ldar.ts';
import { MONITORING_METHODS, OUTLET_MEDIA } from '../../../domain/ehs/emissions.ts';
import type { EhsImportReport } from '../../../commands/ehs/import/import-ehs-file.ts';
import { Layout, type PageContext } from '../../components/layout.tsx';
import { translator, type Translate } from '../../i18n/catalogue.ts';
import { localPath } from '../../i18n/language.ts';
import { Field, FormMessage, SelectField, type FormValues } from './ehs-form-fields.tsx';

/** Long option texts make a select wider than the page; the full text is in the reference data. */
function shorten(text: string, length: number): string {
  return [...text].length <= length ? text : [...text].slice(0, length - 1).join('') + '…';
}

export interface EhsRecordPageProps {
  page: PageContext;
  enterprise: { id: number; name: string };
  today: string;
  error?: { form: string; message: string } | undefined;
  values?: FormValues | undefined;
  importReport?: EhsImportReport | undefined;
}

function RecordForm(props: { id: string; action: string; title: string; csrf: string; t: Translate; error: EhsRecordPageProps['error']; multipart?: boolean; children?: SafeHtml | SafeHtml[]; intro?: string }): SafeHtml {
  return (
    <section class="card ehs-record" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.intro ? <p class="muted">{props.intro}</p> : null}
      <FormMessage form={props.id} error={props.error} />
      <form method="post" action={props.action} class="stacked-form" enctype={props.multipart ? 'multipart/form-data' : undefined}>
        <input type="hidden" name="_csrf" value={props.csrf} />
        {props.children}
        <button type="submit" class="button-primary">{props.t('ehs.record.save')}</button>
      </form>
    </section>
  );
}

function ImportReportTable(props: { report: EhsImportReport; t: Translate }): SafeHtml {
  const { report, t } = props;
  return (
    <div class="ehs-import-report" role={report.committed ? 'status' : 'alert'}>
      <p>{report.committed ? t('ehs.import.committed', { rows: report.rows, stored: report.stored, unchanged: report.unchanged, flagged: report.flagged }) : t('ehs.import.refused', { rows: report.rows, errors: report.errors.length + report.moreErrors })}</p>
      {report.errors.length > 0 ? (
        <div class="table-scroll">
          <table class="data-table compact">
            <caption>{t('ehs.import.errors')}</caption>
            <thead><tr><th scope="col">{t('ehs.import.sheet')}</th><th scope="col" class="number">{t('ehs.import.row')}</th><th scope="col">{t('ehs.import.column')}</th><th scope="col">{t('ehs.import.reason')}</th></tr></thead>
            <tbody>
              {report.errors.map((e) => <tr><td>{e.sheet ?? 'CSV'}</td><td class="number">{e.row === 0 ? '—' : String(e.row)}</td><td>{e.column ?? '—'}</td><td>{e.reason}</td></tr>)}
            </tbody>
          </table>
        </div>
      ) : null}
      {report.moreErrors > 0 ? <p class="muted">{t('ehs.import.moreErrors', { count: report.moreErrors })}</p> : null}
    </div>
  );
}

export function EhsRecordPage(props: EhsRecordPageProps): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  const v = props.values ?? {};
  const base = localPath(page.lang, `/workspace/ehs/${props.enterprise.id}`);
  const csrf = page.csrfToken ?? '';
  const common = { csrf, t, error: props.error };
  const options = (prefix: string, values: readonly string[]) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const f = (form: string) => ({ form, values: props.error?.form === form ? v : {} });
  return (
    <Layout page={page} title={t('ehs.record.title')}>
      <p class="breadcrumb"><a href={localPath(page.lang, '/workspace')}>{t('workspace.title')}</a> › <a href={base}>{props.enterprise.name}</a></p>
      <h1>{t('ehs.record.title')}</h1>
      <p class="lead">{t('ehs.record.intro')}</p>
      <nav aria-label={t('ehs.record.forms')}>
        <ul class="ehs-form-index">
          {['import', 'seal-point', 'round', 'hazard', 'violation', 'permit-limit', 'monitoring', 'accident'].map((id) => <li><a href={`#${id}-heading`}>{t(`ehs.record.${id}`)}</a></li>)}
        </ul>
      </nav>
      <RecordForm id="import" action={`${base}/import`} title={t('ehs.record.import')} intro={t('ehs.import.help')} multipart {...common}>
        {props.importReport ? <ImportReportTable report={props.importReport} t={t} /> : <></>}
        <SelectField {...f('import')} name="kind" label={t('ehs.import.kind')} options={options('ehs.import.kind', ['inspection-readings', 'monitoring-results'])} required />
        <label for="import-file">{t('ehs.import.file')}<span class="required" aria-hidden="true"> *</span></label>
        <input id="import-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
      </RecordForm>
      <RecordForm id="seal-point" action={`${base}/seal-points`} title={t('ehs.record.seal-point')} {...common}>
        <Field {...f('seal-point')} name="tag" label={t('ehs.field.tag')} required hint={t('ehs.hint.tag')} />
        <Field {...f('seal-point')} name="unit" label={t('ehs.field.unit')} required />
        <SelectField {...f('seal-point')} name="componentType" label={t('ehs.field.componentType')} options={options('ehs.component', COMPONENT_TYPES)} required />
        <SelectField {...f('seal-point')} name="medium" label={t('ehs.field.medium')} options={options('ehs.medium', MEDIUM_CLASSES)} required />
        <Field {...f('seal-point')} name="substance" label={t('ehs.field.substance')} />
        <Field {...f('seal-point')} name="location" label={t('ehs.field.location')} />
      </RecordForm>
      <RecordForm id="round" action={`${base}/rounds`} title={t('ehs.record.round')} {...common}>
        <Field {...f('round')} name="code" label={t('ehs.field.roundCode')} required hint={t('ehs.hint.roundCode')} />
        <Field {...f('round')} name="startedOn" label={t('ehs.field.startedOn')} type="date" required max={props.today} />
        <Field {...f('round')} name="completedOn" label={t('ehs.field.completedOn')} type="date" required max={props.today} />
        <Field {...f('round')} name="inspector" label={t('ehs.field.inspector')} />
        <Field {...f('round')} name="instrument" label={t('ehs.field.instrument')} />
        <Field {...f('round')} name="readings" label={t('ehs.field.readings')} type="textarea" required hint={t('ehs.hint.readings')} />
      </RecordForm>
      <RecordForm id="hazard" action={`${base}/hazards`} title={t('ehs.record.hazard')} {...common}>
        <Field {...f('hazard')} name="foundOn" label={t('ehs.field.foundOn')} type="date" required max={props.today} />
        <Field {...f('hazard')} name="foundBy" label={t('ehs.field.foundBy')} required />
        <Field {...f('hazard')} name="location" label={t('ehs.field.location')} required />
        <Field {...f('hazard')} name="description" label={t('ehs.field.description')} type="textarea" required />
        <SelectField {...f('hazard')} name="grade" label={t('ehs.field.grade')} options={options('ehs.hazardGrade', ['general', 'major'])} required />
        <SelectField {...f('hazard')} name="criterionId" label={t('ehs.field.criterion')} options={[{ value: '', label: t('ehs.hint.noCriterion') }, ...majorHazardCriteriaFile.items.map((c) => ({ value: c.id, label: shorten(`${c.id} ${page.lang === 'en' ? c.textEn : c.textZh}`, 48) }))]} />
        <Field {...f('hazard')} name="owner" label={t('ehs.field.owner')} required />
        <Field {...f('hazard')} name="deadline" label={t('ehs.field.deadline')} type="date" required />
        <Field {...f('hazard')} name="fundsYuan" label={t('ehs.field.fundsYuan')} type="number" required />
        <Field {...f('hazard')} name="measures" label={t('ehs.field.measures')} type="textarea" />
      </RecordForm>
      <RecordForm id="violation" action={`${base}/violations`} title={t('ehs.record.violation')} {...common}>
        <Field {...f('violation')} name="decidedOn" label={t('ehs.field.decidedOn')} type="date" required max={props.today} />
        <SelectField {...f('violation')} name="domain" label={t('ehs.field.domain')} options={options('ehs.domain', ACCIDENT_CATEGORIES)} required />
        <Field {...f('violation')} name="authorityName" label={t('ehs.field.authorityName')} required />
        <Field {...f('violation')} name="decisionNumber" label={t('ehs.field.decisionNumber')} />
        <Field {...f('violation')} name="basis" label={t('ehs.field.basis')} required />
        <Field {...f('violation')} name="penaltyYuan" label={t('ehs.field.penaltyYuan')} type="number" required />
        <Field {...f('violation')} name="permitCondition" label={t('ehs.field.permitCondition')} />
        <Field {...f('violation')} name="description" label={t('ehs.field.description')} type="textarea" required />
        <Field {...f('violation')} name="correctiveAction" label={t('ehs.field.correctiveAction')} type="textarea" required />
        <Field {...f('violation')} name="correctiveDeadline" label={t('ehs.field.correctiveDeadline')} type="date" />
      </RecordForm>
      <RecordForm id="permit-limit" action={`${base}/permit-limits`} title={t('ehs.record.permit-limit')} {...common}>
        <Field {...f('permit-limit')} name="permitNumber" label={t('ehs.field.permitNumber')} required />
        <Field {...f('permit-limit')} name="outletCode" label={t('ehs.field.outletCode')} required hint={t('ehs.hint.outletCode')} />
        <Field {...f('permit-limit')} name="outletName" label={t('ehs.field.outletName')} required />
        <SelectField {...f('permit-limit')} name="medium" label={t('ehs.field.outletMedium')} options={options('ehs.outletMedium', OUTLET_MEDIA)} required />
        <Field {...f('permit-limit')} name="pollutantCode" label={t('ehs.field.pollutantCode')} required />
        <Field {...f('permit-limit')} name="pollutantName" label={t('ehs.field.pollutantName')} required />
        <Field {...f('permit-limit')} name="unit" label={t('ehs.field.limitUnit')} required />
        <Field {...f('permit-limit')} name="limitMax" label={t('ehs.field.limitMax')} type="number" />
        <Field {...f('permit-limit')} name="limitMin" label={t('ehs.field.limitMin')} type="number" hint={t('ehs.hint.limitMin')} />
        <Field {...f('permit-limit')} name="standard" label={t('ehs.field.standard')} />
        <Field {...f('permit-limit')} name="validFrom" label={t('ehs.field.validFrom')} type="date" required />
      </RecordForm>
      <RecordForm id="monitoring" action={`${base}/monitoring-results`} title={t('ehs.record.monitoring')} {...common}>
        <Field {...f('monitoring')} name="outletCode" label={t('ehs.field.outletCode')} required />
        <Field {...f('monitoring')} name="pollutantCode" label={t('ehs.field.pollutantCode')} required />
        <Field {...f('monitoring')} name="sampledOn" label={t('ehs.field.sampledOn')} type="date" required max={props.today} />
        <SelectField {...f('monitoring')} name="method" label={t('ehs.field.method')} options={options('ehs.method', MONITORING_METHODS)} required />
        <Field {...f('monitoring')} name="value" label={t('ehs.field.value')} type="number" required />
        <Field {...f('monitoring')} name="explanation" label={t('ehs.field.explanation')} type="textarea" hint={t('ehs.hint.explanation')} />
      </RecordForm>
      <RecordForm id="accident" action={`${base}/accidents`} title={t('ehs.record.accident')} intro={t('ehs.hint.accident')} {...common}>
        <Field {...f('accident')} name="occurredOn" label={t('ehs.field.occurredOn')} type="date" required max={props.today} />
        <SelectField {...f('accident')} name="category" label={t('ehs.field.category')} options={options('ehs.category', ACCIDENT_CATEGORIES)} required />
        <SelectField {...f('accident')} name="grade" label={t('ehs.field.grade')} options={ACCIDENT_GRADES.map((g) => ({ value: g, label: `${t(`ehs.grade.safety.${g}`)} / ${t(`ehs.grade.environment.${g}`)}` }))} required />
        <Field {...f('accident')} name="title" label={t('ehs.field.title')} required />
        <Field {...f('accident')} name="description" label={t('ehs.field.description')} type="textarea" />
        <Field {...f('accident')} name="deaths" label={t('ehs.field.deaths')} type="number" />
        <Field {...f('accident')} name="seriousInjuries" label={t('ehs.field.seriousInjuries')} type="number" />
        <Field {...f('accident')} name="evacuated" label={t('ehs.field.evacuated')} type="number" />
        <Field {...f('accident')} name="directLossTenThousandYuan" label={t('ehs.field.directLoss')} type="number" />
        <Field {...f('accident')} name="reportedTo" label={t('ehs.field.reportedTo')} />
      </RecordForm>
    </Layout>
  );
}
