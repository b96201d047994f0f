/**
 * The list filters as a plain GET form (works without JavaScript): province, city (the
 * chosen province's cities), GB/T 4754 industry, programme, year, tier and sort order.
 */
import type { SafeHtml } from '#jsx/jsx-runtime';
import { PROGRAMMES } from '../../../domain/programmes/programmes.ts';
import { listCities, listProvinces } from '../../../domain/reference/regions.ts';
import { listIndustrySections, listManufacturingDivisions } from '../../../domain/reference/industries.ts';
import type { Translate } from '../../i18n/catalogue.ts';
import { localPath, type Lang } from '../../i18n/language.ts';
import { TIERS } from '../../routes/list-query.ts';

function Select(props: { id: string; name: string; label: string; value: string | undefined; anyLabel?: string; options: readonly { value: string; label: string }[]; disabled?: boolean }): SafeHtml {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} name={props.name} disabled={props.disabled}>
        {props.anyLabel === undefined ? null : <option value="">{props.anyLabel}</option>}
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function ListFilterForm(props: { lang: Lang; t: Translate; action: string; values: Record<string, string>; years: readonly number[]; showSort?: boolean }): SafeHtml {
  const { lang, t, values } = props;
  const en = lang === 'en';
  const province = values.province;
  const cities = province === undefined ? [] : listCities(province);
  const industries = [
    ...listManufacturingDivisions().map((d) => ({ value: d.code, label: `${d.code} ${en ? d.nameEn : d.nameZh}` })),
    ...listIndustrySections().filter((s) => s.code !== 'C').map((s) => ({ value: s.code, label: `${s.code} ${en ? s.nameEn : s.nameZh}` })),
  ];
  return (
    <form class="filter-form" action={localPath(lang, props.action)} method="get" aria-labelledby="filter-heading">
      <h2 id="filter-heading" class="visually-hidden">{t('lists.filter.heading')}</h2>
      <div class="filter-grid">
        <Select id="f-province" name="province" label={t('lists.filter.province')} value={province} anyLabel={t('lists.filter.any')} options={listProvinces().map((p) => ({ value: p.code, label: en ? p.nameEn : p.nameZh }))} />
        {cities.length === 0 ? (
          <div class="field">
            <label for="f-city">{t('lists.filter.city')}</label>
            <select id="f-city" name="city" disabled aria-describedby="f-city-hint"><option value="">{t('lists.filter.any')}</option></select>
            <span id="f-city-hint" class="hint">{t('lists.filter.cityHint')}</span>
          </div>
        ) : (
          <Select id="f-city" name="city" label={t('lists.filter.city')} value={values.city} anyLabel={t('lists.filter.any')} options={cities.map((c) => ({ value: c.code, label: en ? c.nameEn : c.nameZh }))} />
        )}
        <Select id="f-industry" name="industry" label={t('lists.filter.industry')} value={values.industry} anyLabel={t('lists.filter.any')} options={industries} />
        <Select id="f-programme" name="programme" label={t('lists.filter.programme')} value={values.programme} anyLabel={t('lists.filter.any')} options={PROGRAMMES.map((p) => ({ value: p.code, label: en ? p.nameEn : p.nameZh }))} />
        <Select id="f-year" name="year" label={t('lists.filter.year')} value={values.year} anyLabel={t('lists.filter.any')} options={props.years.map((y) => ({ value: String(y), label: String(y) }))} />
        <Select id="f-tier" name="tier" label={t('lists.filter.tier')} value={values.tier} anyLabel={t('lists.filter.any')} options={TIERS.map((tier) => ({ value: tier, label: t(`site.tier.${tier}`) }))} />
        {props.showSort === false ? null : (
          <>
            <Select id="f-sort" name="sort" label={t('lists.filter.sort')} value={values.sort ?? 'listed'} options={(['listed', 'name', 'region', 'industry'] as const).map((s) => ({ value: s, label: t(`lists.sort.${s}`) }))} />
            <Select id="f-dir" name="dir" label={t('lists.filter.direction')} value={values.dir} anyLabel={t('lists.filter.directionDefault')} options={[{ value: 'asc', label: t('lists.filter.asc') }, { value: 'desc', label: t('lists.filter.desc') }]} />
          </>
        )}
      </div>
      <div class="form-actions">
        <button type="submit">{t('lists.filter.apply')}</button>
        <a href={localPath(lang, props.action)}>{t('lists.filter.reset')}</a>
      </div>
    </form>
  );
}
