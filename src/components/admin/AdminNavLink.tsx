import { NavLink } from 'react-router';
import { useCurrentPerson } from '../../hooks/use-current-person';
import { useT } from '../../i18n/i18n';

/** The header's way to the admin screens, for the people who may use them. */
export function AdminNavLink() {
  const { t } = useT();
  const person = useCurrentPerson();
  if (person?.role !== 'admin' && person?.role !== 'manager') return null;
  return <NavLink to="/admin" className="nav-link">{t('admin.nav')}</NavLink>;
}
