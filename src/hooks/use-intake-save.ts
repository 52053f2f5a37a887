import { useCallback } from 'react';
import { createIntakeJob } from '../db/intake-repo';
import type { Actor } from '../db/local-changes';
import type { IntakeValues } from '../domain/intake-validation';
import { capturePhoto } from '../photos/capture';
import type { PhotoProcessor } from '../photos/photo-processor';
import { useDeviceLocation } from './use-device-location';

export type IntakeSaveOutcome =
  | { ok: true; number: string; photosFailed: number }
  | { ok: false; message: string };

/**
 * Saves a new job, then its intake photos (they need the job's id). A photo that fails does not
 * undo the job: the piece is in the workshop either way, and the photo can be taken again.
 */
export function useIntakeSave(process: PhotoProcessor) {
  const [location] = useDeviceLocation();
  return useCallback(
    async (values: IntakeValues, photos: { stage: 'intake' | 'hallmark'; file: Blob }[], actor: Actor): Promise<IntakeSaveOutcome> => {
      const created = await createIntakeJob(values, actor, location);
      if (!created.ok) return created;
      let photosFailed = 0;
      for (const photo of photos) {
        const outcome = await capturePhoto({ jobId: created.job.id, stage: photo.stage, source: { file: photo.file }, actor, process });
        if (!outcome.ok) photosFailed += 1;
      }
      return { ok: true, number: created.job.number, photosFailed };
    },
    [location, process],
  );
}
