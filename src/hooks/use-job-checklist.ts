import { useLive } from '../db/live';
import { listAnswers, listJobPhotoRefs, loadTemplates, type JobPhotoRef } from '../db/checklist-repo';
import type { ChecklistAnswerRecord, Job } from '../db/records';
import { answerKey, checklistForJob, evaluateChecklist, qcGate, type ItemEvaluation, type QcGateResult } from '../domain/checklists';

export interface JobChecklist {
  evaluations: ItemEvaluation[];
  /** Answers by `<templateId>:<itemKey>`. */
  answers: Map<string, ChecklistAnswerRecord>;
  photos: JobPhotoRef[];
  gate: QcGateResult;
}

/** The job's checklist (pinned versions once work started), its answers and the QC gate, live. */
export function useJobChecklist(job: Job): JobChecklist | undefined {
  const pinned = job.checklistTemplates?.join(',') ?? '';
  const services = job.services.join(',');
  return useLive<JobChecklist | undefined>(
    async () => {
      const [templates, answers, photos] = await Promise.all([loadTemplates(), listAnswers(job.id), listJobPhotoRefs(job.id)]);
      const items = checklistForJob(job.services, templates, job.checklistTemplates);
      return {
        evaluations: evaluateChecklist(items, answers, photos),
        answers: new Map(answers.map((a) => [answerKey(a.templateId, a.itemKey), a])),
        photos,
        gate: qcGate({ items, answers, photos, afterPhotoCount: photos.filter((p) => p.stage === 'after').length }),
      };
    },
    // Re-query when the job's services or pinned versions change, not on every job edit.
    [job.id, services, pinned],
    undefined,
  );
}
