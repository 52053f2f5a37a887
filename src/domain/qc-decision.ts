// What a send-to-rework needs before it leaves the manager's iPad: at least one reason, and
// words for the jeweler when the reason is "other" (a code alone says nothing then).
import type { QcRejectReason } from './vocabulary';

export type RejectionError = 'no_reason' | 'comment_required';

export function rejectionErrors(reasons: readonly QcRejectReason[], comment: string): RejectionError[] {
  const errors: RejectionError[] = [];
  if (reasons.length === 0) errors.push('no_reason');
  if (reasons.includes('other') && comment.trim() === '') errors.push('comment_required');
  return errors;
}
