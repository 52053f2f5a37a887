import type { ReactNode } from 'react';
import type { Role } from '../../domain/vocabulary';
import { mayUse, useAdminSession } from '../../hooks/use-admin-session';
import { useT } from '../../i18n/i18n';
import { PinPad } from '../lock/PinPad';
import { PersonRequired } from '../person/PersonRequired';
import { AdminNav } from './AdminNav';
import '../../styles/security.css';

/**
 * In front of every admin screen: the right role, and a PIN confirmed by the server (the tablet's
 * own check is not enough for pairing devices or changing people).
 */
export function AdminGate({ roles, title, children }: { roles: readonly Role[]; title: string; children: (token: string, expire: () => void) => ReactNode }) {
  const { t } = useT();
  const { person, token, confirm, expire } = useAdminSession();
  let body: ReactNode;
  if (person === undefined) body = <div className="loading" aria-busy="true" />;
  else if (person === null) body = <PersonRequired />;
  else if (!mayUse(person.role, roles)) body = <p className="message message-error" role="alert">{t('admin.notAllowed', { roles: roles.map((r) => t(`person.roles.${r}`)).join(' / ') })}</p>;
  else if (token === null) {
    body = (
      <section className="card" aria-labelledby="admin-confirm-title">
        <h2 id="admin-confirm-title">{t('admin.confirmTitle')}</h2>
        <p className="muted">{t('admin.confirmExplain')}</p>
        <PinPad person={person} onUnlocked={() => undefined} onCancel={() => window.history.back()} check={(pin) => confirm(pin, { wrong: t('admin.confirmWrong'), offline: t('admin.offline') })} />
      </section>
    );
  } else body = children(token, expire);
  return (
    <section className="page page-admin" aria-labelledby="admin-title">
      <h1 id="admin-title">{title}</h1>
      {person && mayUse(person.role, ['admin', 'manager']) && <AdminNav role={person.role} />}
      {body}
    </section>
  );
}
