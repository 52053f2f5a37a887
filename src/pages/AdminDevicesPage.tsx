import { useState, type FormEvent } from 'react';
import { createPairingCode, listDevices, revokeDevice } from '../api/admin-client';
import { AdminGate } from '../components/admin/AdminGate';
import { PairingCodeCard } from '../components/admin/PairingCodeCard';
import { usePairing } from '../hooks/use-device-security';
import { runAdminAction, useAdminLoad } from '../hooks/use-admin-call';
import { formatDateTime, useT } from '../i18n/i18n';
import { DEVICE_KINDS, type DeviceInfo, type DeviceKind, type PairingCodeResponse } from '../protocol/protocol';

/** Admin: pair a new tablet with a short-lived code, see every device's last contact, remove one. */
export default function AdminDevicesPage() {
  const { t } = useT();
  return (
    <AdminGate roles={['admin']} title={t('admin.devicesTitle')}>
      {(token, expire) => <Devices token={token} expire={expire} />}
    </AdminGate>
  );
}

function Devices({ token, expire }: { token: string; expire: () => void }) {
  const { t, language } = useT();
  const here = usePairing();
  const [devices, reload] = useAdminLoad(() => listDevices(token), expire);
  const [code, setCode] = useState<PairingCodeResponse | null>(null);
  const [form, setForm] = useState<{ name: string; kind: DeviceKind; prefix: string }>({ name: '', kind: 'bench', prefix: '' });
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (!form.name.trim()) return setMessage(t('admin.deviceNameMissing'));
    let made: PairingCodeResponse | null = null;
    const refusal = await runAdminAction(async () => {
      made = await createPairingCode(token, { name: form.name.trim(), kind: form.kind, ...(form.prefix.trim() ? { prefix: form.prefix.trim().toUpperCase() } : {}) });
    }, expire);
    setMessage(refusal);
    setCode(made);
  }

  async function revoke(device: DeviceInfo) {
    if (confirming !== device.id) return setConfirming(device.id);
    setConfirming(null);
    setMessage(await runAdminAction(() => revokeDevice(token, device.id), expire));
    reload();
  }

  return (
    <>
      <form className="card" onSubmit={(e) => void create(e)} aria-labelledby="new-device-title">
        <h2 id="new-device-title">{t('admin.newDevice')}</h2>
        <div className="field">
          <label className="field-label" htmlFor="device-name">{t('admin.deviceName')}</label>
          <input id="device-name" className="input input-large" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} autoComplete="off" />
        </div>
        <fieldset className="field">
          <legend className="field-label">{t('admin.deviceKind')}</legend>
          <div className="segmented segmented-wrap">
            {DEVICE_KINDS.map((kind) => (
              <button key={kind} type="button" className="button" aria-pressed={form.kind === kind} onClick={() => setForm({ ...form, kind })}>
                {t(`admin.kinds.${kind}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label className="field-label" htmlFor="device-prefix">{t('admin.devicePrefix')}</label>
          <input id="device-prefix" className="input input-short" value={form.prefix} maxLength={4} onChange={(e) => setForm({ ...form, prefix: e.target.value })} autoComplete="off" autoCapitalize="characters" />
          <p className="field-help">{t('admin.devicePrefixHelp')}</p>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary button-large">{t('admin.createCode')}</button>
        </div>
      </form>
      {message && <p className="message message-error" role="alert">{message}</p>}
      {code && <PairingCodeCard code={code} />}

      <section className="card" aria-labelledby="devices-title">
        <h2 id="devices-title">{t('admin.pairedDevices')}</h2>
        {devices.state === 'loading' && <div className="loading-small" aria-busy="true" />}
        {devices.state === 'failed' && <p className="message message-error" role="alert">{devices.message}</p>}
        {devices.state === 'ready' && (
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.deviceName')}</th>
                <th scope="col">{t('admin.deviceKind')}</th>
                <th scope="col">{t('admin.prefixShort')}</th>
                <th scope="col">{t('admin.lastContact')}</th>
                <th scope="col">{t('admin.state')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.value.map((device) => (
                <tr key={device.id} data-revoked={device.revokedAt !== null}>
                  <td>{device.name}{device.id === here?.deviceId && <span className="muted"> ({t('admin.thisDevice')})</span>}</td>
                  <td>{t(`admin.kinds.${device.kind}`)}</td>
                  <td>{device.prefix}</td>
                  <td>{device.lastContactAt ? formatDateTime(device.lastContactAt, language) : '—'}</td>
                  <td>
                    {device.revokedAt ? (
                      t('admin.revokedOn', { when: formatDateTime(device.revokedAt, language) })
                    ) : (
                      <button type="button" className="button button-danger" onClick={() => void revoke(device)} aria-label={confirming === device.id ? t('admin.confirmRevoke', { name: device.name }) : t('admin.revoke', { name: device.name })}>
                        {confirming === device.id ? t('admin.confirmRevokeShort') : t('admin.revokeShort')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
