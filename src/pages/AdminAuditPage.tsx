import { useState } from 'react';
import { listAudit, verifyCustodyChain } from '../api/admin-client';
import { AdminGate } from '../components/admin/AdminGate';
import { runAdminAction, useAdminLoad } from '../hooks/use-admin-call';
import { usePeopleById } from '../hooks/use-people';
import { formatDateTime, useT } from '../i18n/i18n';
import type { AuditEntry, ChainReport } from '../protocol/protocol';

/** Admin: the custody chain check, and the audit log (pairing, removals, wrong PINs, refused changes). */
export default function AdminAuditPage() {
  const { t } = useT();
  return (
    <AdminGate roles={['admin']} title={t('audit.title')}>
      {(token, expire) => <Audit token={token} expire={expire} />}
    </AdminGate>
  );
}

function Audit({ token, expire }: { token: string; expire: () => void }) {
  const { t, language } = useT();
  const people = usePeopleById();
  const [first, reload] = useAdminLoad(() => listAudit(token), expire);
  const [more, setMore] = useState<{ entries: AuditEntry[]; hasMore: boolean } | null>(null);
  const [report, setReport] = useState<ChainReport | null>(null);
  const [checking, setChecking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const entries = first.state === 'ready' ? [...first.value.entries, ...(more?.entries ?? [])] : [];
  const hasMore = more ? more.hasMore : first.state === 'ready' && first.value.hasMore;

  async function check() {
    setChecking(true);
    setMessage(await runAdminAction(async () => setReport(await verifyCustodyChain(token)), expire));
    setChecking(false);
  }

  async function loadMore() {
    const last = entries.at(-1);
    if (!last) return;
    setMessage(await runAdminAction(async () => {
      const page = await listAudit(token, last.id);
      setMore({ entries: [...(more?.entries ?? []), ...page.entries], hasMore: page.hasMore });
    }, expire));
  }

  const who = (id: string | null) => (id ? (people.get(id)?.name ?? id.slice(0, 13)) : '—');
  const detail = (entry: AuditEntry) =>
    Object.entries(entry.detail)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(' · ');

  return (
    <>
      <section className="card" aria-labelledby="chain-title">
        <h2 id="chain-title">{t('audit.chainTitle')}</h2>
        <p className="muted">{t('audit.chainExplain')}</p>
        <button type="button" className="button button-primary button-large" onClick={() => void check()} disabled={checking}>{t('audit.check')}</button>
        {report && (
          <div className={`message ${report.ok ? 'message-info' : 'message-error'}`} role={report.ok ? 'status' : 'alert'}>
            <p>{report.ok ? t('audit.chainOk', { links: report.links, signed: report.signed }) : t('audit.chainBad', { count: report.problems.length })}</p>
            {report.problems.length > 0 && (
              <ul className="chain-problems">
                {report.problems.map((problem, i) => (
                  <li key={i}><strong>{t(`audit.problems.${problem.kind}`)}</strong> — {problem.message}</li>
                ))}
              </ul>
            )}
            {report.head && <p className="muted chain-head">{t('audit.head', { head: report.head })}</p>}
          </div>
        )}
      </section>
      {message && <p className="message message-error" role="alert">{message}</p>}

      <section className="card" aria-labelledby="audit-log-title">
        <h2 id="audit-log-title">{t('audit.logTitle')}</h2>
        <button type="button" className="button" onClick={reload}>{t('audit.refresh')}</button>
        {first.state === 'loading' && <div className="loading-small" aria-busy="true" />}
        {first.state === 'failed' && <p className="message message-error" role="alert">{first.message}</p>}
        {first.state === 'ready' && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
        {entries.length > 0 && (
          <table className="admin-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.what')}</th>
                <th scope="col">{t('audit.who')}</th>
                <th scope="col">{t('audit.device')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} data-kind={entry.kind}>
                  <td>{formatDateTime(entry.at, language)}</td>
                  <td>{t(`audit.kinds.${entry.kind}`)}</td>
                  <td>{who(entry.personId)}</td>
                  <td>{entry.deviceId ?? '—'}</td>
                  <td className="audit-detail">{detail(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {hasMore && <button type="button" className="button" onClick={() => void loadMore()}>{t('audit.more')}</button>}
      </section>
    </>
  );
}
