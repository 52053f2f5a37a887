import { useState, type FormEvent } from 'react';
import { createPerson, listPeople, updatePerson } from '../api/admin-client';
import { AdminGate } from '../components/admin/AdminGate';
import { runAdminAction, useAdminLoad } from '../hooks/use-admin-call';
import { useCurrentPerson } from '../hooks/use-current-person';
import { ROLES, type Role } from '../domain/vocabulary';
import { useT } from '../i18n/i18n';
import type { PersonSummary } from '../protocol/protocol';
import { isPin } from '../security/pin-hash';

/** Admin and manager: the people who work here, their roles and PINs (a manager may not touch admins). */
export default function AdminPeoplePage() {
  const { t } = useT();
  return (
    <AdminGate roles={['admin', 'manager']} title={t('admin.peopleTitle')}>
      {(token, expire) => <People token={token} expire={expire} />}
    </AdminGate>
  );
}

function People({ token, expire }: { token: string; expire: () => void }) {
  const { t } = useT();
  const me = useCurrentPerson();
  const [people, reload] = useAdminLoad(() => listPeople(token), expire);
  const [form, setForm] = useState<{ name: string; role: Role; pin: string }>({ name: '', role: 'jeweler', pin: '' });
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const roles = ROLES.filter((role) => me?.role === 'admin' || role !== 'admin');

  async function add(event: FormEvent) {
    event.preventDefault();
    if (!form.name.trim()) return setMessage({ tone: 'error', text: t('admin.personNameMissing') });
    if (!isPin(form.pin)) return setMessage({ tone: 'error', text: t('setup.pinRule') });
    const refusal = await runAdminAction(() => createPerson(token, { name: form.name.trim(), role: form.role, pin: form.pin }), expire);
    setMessage(refusal ? { tone: 'error', text: refusal } : { tone: 'info', text: t('admin.personAdded', { name: form.name.trim() }) });
    if (!refusal) setForm({ name: '', role: 'jeweler', pin: '' });
    reload();
  }

  async function change(person: PersonSummary, patch: Parameters<typeof updatePerson>[2], done: string) {
    const refusal = await runAdminAction(() => updatePerson(token, person.id, patch), expire);
    setMessage(refusal ? { tone: 'error', text: refusal } : { tone: 'info', text: done });
    reload();
  }

  return (
    <>
      <form className="card" onSubmit={(e) => void add(e)} aria-labelledby="new-person-title">
        <h2 id="new-person-title">{t('admin.newPerson')}</h2>
        <div className="field">
          <label className="field-label" htmlFor="person-name">{t('admin.personName')}</label>
          <input id="person-name" className="input input-large" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
        </div>
        <fieldset className="field">
          <legend className="field-label">{t('admin.role')}</legend>
          <div className="segmented segmented-wrap">
            {roles.map((role) => (
              <button key={role} type="button" className="button" aria-pressed={form.role === role} onClick={() => setForm({ ...form, role })}>
                {t(`person.roles.${role}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="person-pin">{t('admin.personPin')}</label>
          <input id="person-pin" className="input input-short" type="password" inputMode="numeric" maxLength={6} value={form.pin} onChange={(e) => setForm({ ...form, pin: e.target.value.replace(/\D/g, '') })} autoComplete="off" />
          <p className="field-help">{t('admin.personPinHelp')}</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary button-large">{t('admin.addPerson')}</button>
        </div>
      </form>
      {message && <p className={`message message-${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>{message.text}</p>}

      <section className="card" aria-labelledby="people-title">
        <h2 id="people-title">{t('admin.peopleTitle')}</h2>
        {people.state === 'loading' && <div className="loading-small" aria-busy="true" />}
        {people.state === 'failed' && <p className="message message-error" role="alert">{people.message}</p>}
        {people.state === 'ready' && (
          <ul className="admin-people">
            {people.value.map((person) => (
              <PersonRow key={person.id} person={person} roles={roles} editable={me?.role === 'admin' || person.role !== 'admin'} onChange={change} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function PersonRow({ person, roles, editable, onChange }: { person: PersonSummary; roles: Role[]; editable: boolean; onChange: (person: PersonSummary, patch: Parameters<typeof updatePerson>[2], done: string) => Promise<void> }) {
  const { t } = useT();
  const [pin, setPin] = useState('');
  return (
    <li className="admin-person" data-active={person.active} aria-label={person.name}>
      <span className="person-name">{person.name}</span>
      <span className="person-role">{t(`person.roles.${person.role}`)}</span>
      <span className="muted">{person.active ? t('admin.active') : t('admin.inactive')}{!person.hasPin && ` · ${t('admin.noPin')}`}</span>
      {editable && (
        <div className="button-row">
          <label className="visually-hidden" htmlFor={`role-${person.id}`}>{t('admin.roleOf', { name: person.name })}</label>
          <select id={`role-${person.id}`} className="input" value={person.role} onChange={(e) => void onChange(person, { role: e.target.value as Role }, t('admin.saved'))}>
            {roles.concat(roles.includes(person.role) ? [] : [person.role]).map((role) => (
              <option key={role} value={role}>{t(`person.roles.${role}`)}</option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => void onChange(person, { active: !person.active }, t('admin.saved'))}>
            {person.active ? t('admin.deactivate') : t('admin.activate')}
          </button>
          <label className="visually-hidden" htmlFor={`pin-${person.id}`}>{t('admin.newPinFor', { name: person.name })}</label>
          <input id={`pin-${person.id}`} className="input input-short" type="password" inputMode="numeric" maxLength={6} value={pin} placeholder={t('admin.newPin')} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} autoComplete="off" />
          <button type="button" className="button" disabled={!isPin(pin)} onClick={() => void onChange(person, { pin }, t('admin.pinChanged', { name: person.name })).then(() => setPin(''))}>
            {t('admin.setPin')}
          </button>
        </div>
      )}
    </li>
  );
}
