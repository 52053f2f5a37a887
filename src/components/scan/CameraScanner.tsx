import { useEffect, useRef, useState } from 'react';
import { useCameraChoice } from '../../hooks/use-camera-choice';
import { useT } from '../../i18n/i18n';
import { cameraErrorKind, listCameras, scanImageFile, startQrCamera, type CameraErrorKind, type CameraInfo, type QrCameraSession } from '../../scan/qr-camera';

const READER_ID = 'qr-reader';
const FILE_READER_ID = 'qr-file-reader';

type CameraStatus = { kind: 'starting' } | { kind: 'running' } | { kind: 'failed'; reason: CameraErrorKind } | { kind: 'hidden' };

/**
 * The camera view. Back camera by default, the camera chosen here remembered on this device,
 * a torch button where the camera has one. The camera is closed when the screen is left or the
 * app goes to the background, and opened again when it comes back. If the camera is refused,
 * a photo of the tag does the same job.
 */
export function CameraScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useT();
  const [savedCameraId, saveCameraId] = useCameraChoice();
  // Each camera attempt is named by what it was opened for; state from an older attempt is ignored.
  const [visible, setVisible] = useState(() => document.visibilityState !== 'hidden');
  const attempt = `${visible}:${savedCameraId ?? ''}`;
  const [opened, setOpened] = useState<{ attempt: string; session: QrCameraSession } | null>(null);
  const [failure, setFailure] = useState<{ attempt: string; reason: CameraErrorKind } | null>(null);
  const [torchOn, setTorchOn] = useState<string | null>(null);
  const [cameras, setCameras] = useState<CameraInfo[]>([]);
  const [fileMessage, setFileMessage] = useState<string | null>(null);
  const latestOnCode = useRef(onCode);
  useEffect(() => {
    latestOnCode.current = onCode;
  }, [onCode]);

  useEffect(() => {
    const onVisibility = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    if (!visible || savedCameraId === undefined) return;
    const current = `${visible}:${savedCameraId ?? ''}`;
    let active = true;
    let session: QrCameraSession | null = null;
    startQrCamera(READER_ID, savedCameraId ?? undefined, (text) => active && latestOnCode.current(text))
      .then(async (s) => {
        session = s;
        if (!active) return s.stop();
        setOpened({ attempt: current, session: s });
        // Labels are only known once permission is given, so the list comes after the start.
        const list = await listCameras().catch(() => []);
        if (active) setCameras(list);
      })
      .catch((error: unknown) => active && setFailure({ attempt: current, reason: cameraErrorKind(error) }));
    return () => {
      active = false;
      void session?.stop();
    };
  }, [visible, savedCameraId]);

  const session = opened?.attempt === attempt ? opened.session : null;
  const status: CameraStatus = !visible
    ? { kind: 'hidden' }
    : failure?.attempt === attempt
      ? { kind: 'failed', reason: failure.reason }
      : session
        ? { kind: 'running' }
        : { kind: 'starting' };
  const torch = torchOn === attempt;

  async function toggleTorch() {
    if (!session) return;
    try {
      await session.setTorch(!torch);
      setTorchOn(torch ? null : attempt);
    } catch {
      setFileMessage(t('scan.torchFailed'));
    }
  }

  async function readFile(file: File | undefined) {
    if (!file) return;
    setFileMessage(null);
    const text = await scanImageFile(FILE_READER_ID, file);
    if (text === null) setFileMessage(t('scan.noCodeInPhoto'));
    else onCode(text);
  }

  const currentId = session?.cameraId ?? savedCameraId ?? '';
  return (
    <div className="camera">
      <div className="camera-view" data-status={status.kind}>
        <div id={READER_ID} className="camera-reader" aria-label={t('scan.cameraView')} role="img" />
        {status.kind === 'starting' && <p className="camera-overlay">{t('scan.starting')}</p>}
        {status.kind === 'hidden' && <p className="camera-overlay">{t('scan.paused')}</p>}
      </div>
      {status.kind === 'running' && <p className="scan-prompt">{t('scan.aim')}</p>}
      {status.kind === 'failed' && (
        <p className="message message-error" role="alert">{t(`scan.cameraErrors.${status.reason}`)}</p>
      )}
      <div className="camera-controls">
        {cameras.length > 1 && (
          <label className="field camera-choice">
            <span className="field-label">{t('scan.camera')}</span>
            <select className="input" value={currentId} onChange={(e) => void saveCameraId(e.target.value)}>
              {cameras.map((c, i) => (
                <option key={c.id} value={c.id}>{c.label || t('scan.cameraNumber', { n: i + 1 })}</option>
              ))}
            </select>
          </label>
        )}
        {session?.torchSupported && (
          <button type="button" className="button button-large" aria-pressed={torch} onClick={() => void toggleTorch()}>
            {t('scan.torch')}
          </button>
        )}
        <label className={`button button-large file-button${status.kind === 'failed' ? ' button-primary' : ''}`}>
          {t('scan.photoOfTag')}
          <input
            type="file"
            accept="image/*"
            capture="environment"
            className="visually-hidden"
            onChange={(e) => {
              void readFile(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {fileMessage && <p className="message message-error" role="alert">{fileMessage}</p>}
      <div id={FILE_READER_ID} className="visually-hidden" aria-hidden="true" />
    </div>
  );
}
