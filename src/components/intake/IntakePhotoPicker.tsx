import { useEffect, useMemo } from 'react';
import { useT } from '../../i18n/i18n';

export interface ChosenPhoto {
  key: string;
  stage: 'intake' | 'hallmark';
  file: File;
}

interface Props {
  photos: ChosenPhoto[];
  onChange: (photos: ChosenPhoto[]) => void;
}

let counter = 0;

/**
 * Intake photos chosen before the job exists: kept as files, shown as previews, and processed
 * and stored (src/photos/capture.ts) once the job is saved and has its id.
 */
export function IntakePhotoPicker({ photos, onChange }: Props) {
  const { t } = useT();
  const previews = useMemo(() => new Map(photos.map((p) => [p.key, URL.createObjectURL(p.file)])), [photos]);
  useEffect(() => () => previews.forEach((url) => URL.revokeObjectURL(url)), [previews]);

  const add = (stage: ChosenPhoto['stage'], files: FileList | null) => {
    const added = [...(files ?? [])].map((file) => ({ key: `p${(counter += 1)}`, stage, file }));
    if (added.length > 0) onChange([...photos, ...added]);
  };

  return (
    <fieldset className="card intake-section" aria-describedby="intake-photos-help">
      <legend>{t('intake.photos')}</legend>
      <p className="field-help" id="intake-photos-help">{t('intake.photosHelp')}</p>
      <div className="button-row">
        {(['intake', 'hallmark'] as const).map((stage) => (
          <label key={stage} className="button file-pick">
            <input
              className="visually-hidden"
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              onChange={(event) => {
                add(stage, event.currentTarget.files);
                event.currentTarget.value = '';
              }}
            />
            {stage === 'intake' ? t('intake.addIntakePhotos') : t('intake.addHallmarkPhotos')}
          </label>
        ))}
      </div>
      {photos.length > 0 && (
        <ul className="intake-photos">
          {photos.map((photo) => (
            <li key={photo.key}>
              <img src={previews.get(photo.key)} alt={t('intake.photoChosen', { stage: t(`stages.${photo.stage}`), name: photo.file.name })} />
              <button type="button" className="button" onClick={() => onChange(photos.filter((p) => p.key !== photo.key))}>
                {t('intake.removePhoto', { name: photo.file.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
