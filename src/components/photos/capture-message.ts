// A capture failure in words, for a role="alert" next to the button that was pressed.
import type { useT } from '../../i18n/i18n';
import type { CaptureOutcome } from '../../photos/capture';
import { MAX_SOURCE_PIXELS, megapixels } from '../../photos/photo-limits';

type Failure = Extract<CaptureOutcome, { ok: false }>;
type TFunction = ReturnType<typeof useT>['t'];

export function captureMessage(failure: Failure, t: TFunction, language: string): string {
  const limit = Math.round(MAX_SOURCE_PIXELS / 1_000_000);
  if (failure.reason === 'too_large') {
    const { width, height } = failure.detail ?? {};
    if (width && height) {
      const value = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(megapixels({ width, height }));
      return t('photos.errors.too_large', { megapixels: value, limit });
    }
    return t('photos.errors.too_large_unknown', { limit });
  }
  return t(`photos.errors.${failure.reason}`);
}
