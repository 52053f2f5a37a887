import { useState } from 'react';
import type { Job, Person } from '../../db/records';
import { decideQc } from '../../db/review-repo';
import { rejectionErrors, type RejectionError } from '../../domain/qc-decision';
import { QC_REJECT_REASONS, type QcRejectReason } from '../../domain/vocabulary';
import { actorOf } from '../../hooks/use-current-person';
import { useT } from '../../i18n/i18n';

type Result = { kind: 'approved' | 'rejected' } | { kind: 'refused'; code: string; message: string };

/**
 * Approve, or send to rework with reasons and a comment. The decision is made on the job as the
 * manager sees it (`job`); if it moved since, the decision is refused as stale.
 */
export function ReviewDecision({ job, person }: { job: Job; person: Person }) {
  const { t } = useT();
  const [reasons, setReasons] = useState<QcRejectReason[]>([]);
  const [comment, setComment] = useState('');
  const [approveComment, setApproveComment] = useState('');
  const [errors, setErrors] = useState<RejectionError[]>([]);
  const [result, setResult] = useState<Result | null>(null);
  const [busy, setBusy] = useState(false);

  if (person.role !== 'manager') return <p className="message message-info">{t('review.managerOnly')}</p>;

  async function decide(decision: 'approve' | 'reject') {
    setResult(null);
    if (decision === 'reject') {
      const found = rejectionErrors(reasons, comment);
      setErrors(found);
      if (found.length > 0) return;
    }
    setBusy(true);
    try {
      const outcome = await decideQc(job, decision === 'approve' ? { decision, comment: approveComment } : { decision, reasons, comment }, actorOf(person));
      setResult(outcome.ok ? { kind: decision === 'approve' ? 'approved' : 'rejected' } : { kind: 'refused', code: outcome.code, message: outcome.message });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (reason: QcRejectReason) => setReasons((r) => (r.includes(reason) ? r.filter((x) => x !== reason) : [...r, reason]));
  const canDecide = job.status === 'awaiting_qc';

  return (
    <section className="card review-decision" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('review.decision')}</h2>
      {result?.kind === 'approved' && <p className="message message-ok" role="status">{t('review.approved')}</p>}
      {result?.kind === 'rejected' && <p className="message message-ok" role="status">{t('review.rejected')}</p>}
      {result?.kind === 'refused' && (
        <p className="message message-error" role="alert">
          {result.code === 'stale' ? t('review.refused.stale', { status: t(`statuses.${job.status}`) }) : t('review.refused.other', { message: result.message })}
        </p>
      )}
      {canDecide && (
        <div className="decision-columns">
          <div className="decision-approve">
            <label className="field">
              <span className="field-label">{t('review.approveComment')}</span>
              <textarea className="input textarea" value={approveComment} onChange={(e) => setApproveComment(e.currentTarget.value)} />
            </label>
            <button type="button" className="button button-primary button-large button-approve" disabled={busy} onClick={() => void decide('approve')}>
              ✓ {t('review.approve')}
            </button>
          </div>
          <div className="decision-reject">
            <fieldset className="choice-group" aria-describedby={errors.includes('no_reason') ? 'reject-reasons-error' : undefined}>
              <legend className="field-label">{t('review.rejectReasons')}</legend>
              <div className="choices choices-narrow">
                {QC_REJECT_REASONS.map((reason) => (
                  <label key={reason} className="choice" data-checked={reasons.includes(reason)}>
                    <input type="checkbox" checked={reasons.includes(reason)} onChange={() => toggle(reason)} />
                    <span>{t(`review.reasons.${reason}`)}</span>
                  </label>
                ))}
              </div>
              {errors.includes('no_reason') && <p className="field-error" id="reject-reasons-error">{t('review.rejectErrors.no_reason')}</p>}
            </fieldset>
            <div className="field">
              <label className="field-label" htmlFor="reject-comment">{t('review.rejectComment')}</label>
              <textarea
                id="reject-comment"
                className="input textarea"
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                aria-invalid={errors.includes('comment_required') || undefined}
                aria-describedby={errors.includes('comment_required') ? 'reject-comment-error' : undefined}
              />
              {errors.includes('comment_required') && <p className="field-error" id="reject-comment-error">{t('review.rejectErrors.comment_required')}</p>}
            </div>
            <button type="button" className="button button-large button-danger" disabled={busy} onClick={() => void decide('reject')}>
              ↺ {t('review.reject')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
