import { SEEDED_TEMPLATES } from '../domain/checklist-templates';
import { answerId, withSeeded, type ChecklistTemplate, type JobChecklistItem } from '../domain/checklists';
import type { PhotoStage } from '../domain/vocabulary';
import type { LoupeDb } from './loupe-db';
import type { ChecklistAnswerRecord } from './records';
import { db as appDb } from './database';
import { putRecord, type Actor } from './local-changes';
import { answersOf } from './record-stores';

/** Every template this tablet can use: stored ones (synced) first, the seeded set otherwise. */
export async function loadTemplates(db: LoupeDb = appDb): Promise<ChecklistTemplate[]> {
  return withSeeded(await db.checklistTemplates.toArray(), SEEDED_TEMPLATES);
}

export async function listAnswers(jobId: string, db: LoupeDb = appDb): Promise<ChecklistAnswerRecord[]> {
  return answersOf(await db.jobActivity.get(jobId));
}

export interface JobPhotoRef {
  id: string;
  stage: PhotoStage;
  takenAt: string;
  thumbSha256: string;
}

/** The job's photos as the checklist needs them: which exist, of which stage. */
export async function listJobPhotoRefs(jobId: string, db: LoupeDb = appDb): Promise<JobPhotoRef[]> {
  const photos = await db.photos.where('jobId').equals(jobId).toArray();
  return photos.map((p) => ({ id: p.id, stage: p.stage, takenAt: p.takenAt, thumbSha256: p.thumbSha256 })).sort((a, b) => a.takenAt.localeCompare(b.takenAt));
}

/** One answer, one record: `<jobId>:<templateId>:<itemKey>`, so two benches never conflict. */
export async function saveAnswer(
  jobId: string,
  item: JobChecklistItem,
  answer: { value: boolean | number | string | null; note?: string },
  actor: Actor,
  db: LoupeDb = appDb,
): Promise<void> {
  const at = new Date().toISOString();
  const id = answerId(jobId, item.templateId, item.key);
  const record: ChecklistAnswerRecord = {
    id,
    jobId,
    templateId: item.templateId,
    itemKey: item.key,
    value: answer.value,
    ...(answer.note !== undefined ? { note: answer.note } : {}),
    answeredBy: actor.personId,
    answeredAt: at,
  };
  const outcome = await putRecord('checklistAnswer', id, { ...record }, actor, { db, at });
  if (!outcome.ok) throw new Error(outcome.message);
}
