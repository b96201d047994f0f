/** `/workspace/admin/users`: users of the administrator's region, and a form to add one. */
import type { SafeHtml } from '#jsx/jsx-runtime';
import type { DirectoryUser } from '../../../../store/queries/user-directory.ts';
import { ROLES } from '../../../../domain/actors/actor.ts';
import { Layout, type PageContext } from '../../../components/layout.tsx';
import { translator } from '../../../i18n/catalogue.ts';
import { localPath } from '../../../i18n/language.ts';

export interface UsersPageProps {
  page: PageContext;
  users: readonly DirectoryUser[];
  authorities: readonly { id: number; name_zh: string; name_en: string; level: string }[];
  evaluatorOrgs: readonly { id: number; name_zh: string; name_en: string }[];
  csrfToken: string;
  error?: string | undefined;
  created?: string | undefined;
  values?: Record<string, string>;
}

export function UsersPage(props: UsersPageProps): SafeHtml {
  const { page } = props;
  const t = translator(page.lang);
  const en = page.lang === 'en';
  const value = (key: string) => props.values?.[key] ?? '';
  return (
    <Layout page={page} title={t('admin.users.title')}>
      <p class="breadcrumb"><a href={localPath(page.lang, '/workspace')}>{t('workspace.title')}</a></p>
      <h1>{t('admin.users.title')}</h1>
      {props.created ? <p class="form-success" role="status">{t('admin.users.created', { email: props.created })}</p> : null}
      <table class="data-table">
        <caption class="visually-hidden">{t('admin.users.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.users.name')}</th>
            <th scope="col">{t('admin.users.email')}</th>
            <th scope="col">{t('admin.users.roles')}</th>
            <th scope="col">{t('admin.users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td>{u.displayName}</td>
              <td>{u.email}</td>
              <td>
                {u.memberships.map((m) => (
                  <div>
                    {t(`workspace.role.${m.role}`)} · {(en ? m.authorityNameEn : m.authorityNameZh) ?? m.enterpriseNameZh ?? m.evaluatorOrgNameZh ?? ''}
                  </div>
                ))}
              </td>
              <td>{u.lockedUntil !== null && u.lockedUntil > new Date().toISOString() ? t('admin.users.locked', { until: u.lockedUntil.slice(0, 16).replace('T', ' ') }) : t(`admin.users.status.${u.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 id="new-user">{t('admin.users.new')}</h2>
      {props.error ? <p class="form-error" role="alert">{props.error}</p> : null}
      <form method="post" action={localPath(page.lang, '/workspace/admin/users')} class="stacked-form narrow" aria-labelledby="new-user">
        <input type="hidden" name="_csrf" value={props.csrfToken} />
        <label for="u-name">{t('admin.users.name')}</label>
        <input id="u-name" name="displayName" required value={value('displayName')} />
        <label for="u-email">{t('admin.users.email')}</label>
        <input id="u-email" name="email" type="email" required value={value('email')} />
        <label for="u-password">{t('admin.users.password')}</label>
        <input id="u-password" name="password" type="password" autocomplete="new-password" minlength="10" required />
        <label for="u-role">{t('admin.users.role')}</label>
        <select id="u-role" name="role">
          {ROLES.map((role) => <option value={role} selected={value('role') === role}>{t(`workspace.role.${role}`)}</option>)}
        </select>
        <label for="u-authority">{t('admin.users.authority')}</label>
        <select id="u-authority" name="authorityId">
          <option value="">—</option>
          {props.authorities.map((a) => <option value={String(a.id)} selected={value('authorityId') === String(a.id)}>{en ? a.name_en : a.name_zh}</option>)}
        </select>
        <label for="u-enterprise">{t('admin.users.enterpriseId')}</label>
        <input id="u-enterprise" name="enterpriseId" inputmode="numeric" value={value('enterpriseId')} />
        <label for="u-org">{t('admin.users.evaluatorOrg')}</label>
        <select id="u-org" name="evaluatorOrgId">
          <option value="">—</option>
          {props.evaluatorOrgs.map((o) => <option value={String(o.id)} selected={value('evaluatorOrgId') === String(o.id)}>{en ? o.name_en : o.name_zh}</option>)}
        </select>
        <p class="muted">{t('admin.users.help')}</p>
        <button type="submit" class="button-primary">{t('admin.users.create')}</button>
      </form>
    </Layout>
  );
}
