import { NavLink } from 'react-router';
import type { Role } from '../../domain/vocabulary';
import { useT } from '../../i18n/i18n';

export function AdminNav({ role }: { role: Role }) {
  const { t } = useT();
  return (
    <nav className="segmented segmented-wrap admin-nav" aria-label={t('admin.nav')}>
      {role === 'admin' && <NavLink className="button" to="/admin/devices">{t('admin.devicesTitle')}</NavLink>}
      <NavLink className="button" to="/admin/people">{t('admin.peopleTitle')}</NavLink>
      {role === 'admin' && <NavLink className="button" to="/admin/audit">{t('audit.title')}</NavLink>}
    </nav>
  );
}
