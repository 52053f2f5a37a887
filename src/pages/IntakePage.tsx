import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ChoiceGroup } from '../components/intake/ChoiceGroup';
import { FieldError, describedBy, useIntakeErrorText } from '../components/intake/FieldError';
import { IntakePhotoPicker, type ChosenPhoto } from '../components/intake/IntakePhotoPicker';
import { StonesEditor } from '../components/intake/StonesEditor';
import { TextField } from '../components/intake/TextField';
import { FIELD_ORDER, fieldId, fieldLabel } from '../components/intake/intake-fields';
import { PersonRequired } from '../components/person/PersonRequired';
import { usePhotoProcessor } from '../components/photos/processor-context';
import { CLIENT_AUTHORISATIONS, CONDITION_CODES, HANDLING_FLAGS } from '../domain/intake-vocabulary';
import { emptyIntakeDraft, firstErrorField, ringSizeRequired, validateIntake, type IntakeDraft, type IntakeErrors, type IntakeField } from '../domain/intake-validation';
import { defaultPromisedDate, localIsoDate } from '../domain/promised-date';
import { METALS, PIECE_CATEGORIES, PRIORITIES, RING_SIZE_SCALES, SERVICE_TYPES } from '../domain/vocabulary';
import { actorOf, useCurrentPerson } from '../hooks/use-current-person';
import { useDevicePrefix } from '../hooks/use-front-office';
import { useIntakeSave } from '../hooks/use-intake-save';
import { formatDate, useT } from '../i18n/i18n';
import '../styles/front-office.css';

/** The new job form, on the intake desk's computer or a tablet. Saving gives the job its number and opens its tag. */
export default function IntakePage() {
  const { t, language } = useT();
  const navigate = useNavigate();
  const person = useCurrentPerson();
  const prefix = useDevicePrefix();
  const save = useIntakeSave(usePhotoProcessor());
  const errorText = useIntakeErrorText();
  const summary = useRef<HTMLDivElement>(null);

  const [draft, setDraft] = useState<IntakeDraft>(emptyIntakeDraft);
  const [promisedTouched, setPromisedTouched] = useState(false);
  const [photos, setPhotos] = useState<ChosenPhoto[]>([]);
  const [errors, setErrors] = useState<IntakeErrors | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  const today = localIsoDate(new Date());
  const suggested = defaultPromisedDate(draft.services, draft.priority, today);
  const effective: IntakeDraft = { ...draft, promisedDate: promisedTouched ? draft.promisedDate : (suggested ?? '') };
  // Once the person tried to save, errors follow what they type.
  const shown = errors === null ? {} : (() => {
    const result = validateIntake(effective, today);
    return result.ok ? {} : result.errors;
  })();

  const set = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  if (person === undefined) return <div className="loading" aria-busy="true" />;
  if (person === null || (person.role !== 'intake' && person.role !== 'manager')) {
    return (
      <section className="page page-intake" aria-labelledby="intake-title">
        <h1 id="intake-title">{t('intake.title')}</h1>
        <PersonRequired reason={t('intake.roleNeeded')} />
      </section>
    );
  }
  const me = person;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaveError(null);
    const result = validateIntake(effective, today);
    if (!result.ok) {
      setErrors(result.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const outcome = await save(result.values, photos, actorOf(me));
      if (!outcome.ok) {
        setSaveError(outcome.message);
        return;
      }
      const failed = outcome.photosFailed > 0 ? `&photosFailed=${outcome.photosFailed}` : '';
      navigate(`/print/${outcome.number}?kind=label62&new=1${failed}`);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  const errorFields = Object.keys(shown) as IntakeField[];
  const first = firstErrorField(shown, FIELD_ORDER);
  const ordered = first ? [first, ...errorFields.filter((f) => f !== first)] : errorFields;

  return (
    <section className="page page-intake" aria-labelledby="intake-title">
      <h1 id="intake-title">{t('intake.title')}</h1>
      <p className="muted">{t('intake.intro')} {prefix && t('intake.nextNumberPrefix', { prefix })}</p>

      {errors !== null && errorFields.length > 0 && (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{t('intake.errorSummary', { count: errorFields.length })}</p>
          <ul>
            {ordered.map((field) => (
              <li key={field}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(fieldId(field))?.focus();
                  }}
                >
                  {fieldLabel(field, t)}: {errorText(shown[field]!)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form className="intake-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <fieldset className="card intake-section">
          <legend>{t('intake.client')}</legend>
          <TextField id={fieldId('clientRef')} label={t('intake.clientRef')} help={t('intake.clientRefHelp')} value={draft.clientRef} onChange={(v) => set('clientRef', v)} error={shown.clientRef} required requiredText={t('intake.requiredMark')} autoComplete="off" />
        </fieldset>

        <fieldset className="card intake-section">
          <legend>{t('intake.piece')}</legend>
          <ChoiceGroup id={fieldId('category')} legend={t('intake.category')} options={PIECE_CATEGORIES} labelOf={(c) => t(`categories.${c}`)} selected={draft.category ? [draft.category] : []} onChange={([c]) => set('category', c ?? '')} error={shown.category} />
          <div className="field-row">
            <TextField id={fieldId('model')} label={t('intake.model')} value={draft.model} onChange={(v) => set('model', v)} error={shown.model} />
            <TextField id={fieldId('reference')} label={t('intake.reference')} value={draft.reference} onChange={(v) => set('reference', v)} error={shown.reference} />
            <TextField id={fieldId('serialNumber')} label={t('intake.serialNumber')} value={draft.serialNumber} onChange={(v) => set('serialNumber', v)} error={shown.serialNumber} />
          </div>
          <ChoiceGroup id={fieldId('metal')} legend={t('intake.metal')} options={METALS} labelOf={(m) => t(`metals.${m}`)} selected={draft.metal ? [draft.metal] : []} onChange={([m]) => set('metal', m ?? '')} error={shown.metal} columns="wide" />
        </fieldset>

        <StonesEditor stones={draft.stones} errors={shown} onChange={(stones) => set('stones', stones)} />

        <fieldset className="card intake-section">
          <legend>{t('intake.weighing')}</legend>
          <div className="field-row">
            <TextField id={fieldId('weight')} label={t('intake.weight')} help={t('intake.weightHelp')} value={draft.weight} onChange={(v) => set('weight', v)} error={shown.weight} inputMode="decimal" required requiredText={t('intake.requiredMark')} className="field-short" />
            {draft.category === 'ring' && (
              <div className="field field-short">
                <label htmlFor={fieldId('ringSize')} className="field-label">
                  {t('intake.ringSize')}
                  {ringSizeRequired(draft) && <span className="field-required"> ({t('intake.requiredMark')})</span>}
                </label>
                <p className="field-help" id="intake-ringSize-help">{t('intake.ringSizeHelp')}</p>
                <input id={fieldId('ringSize')} className="input" value={draft.ringSize} onChange={(e) => set('ringSize', e.currentTarget.value)} {...describedBy(fieldId('ringSize'), shown.ringSize, 'intake-ringSize-help')} />
                <FieldError fieldId={fieldId('ringSize')} error={shown.ringSize} />
              </div>
            )}
            {draft.category === 'ring' && (
              <ChoiceGroup id="intake-ringScale" legend={t('intake.ringScale')} options={RING_SIZE_SCALES} labelOf={(s) => t(`jobScreen.scales.${s}`)} selected={[draft.ringScale]} onChange={([s]) => set('ringScale', s ?? 'eu')} columns="inline" />
            )}
          </div>
        </fieldset>

        <div className="card intake-section">
          <ChoiceGroup id="intake-conditions" legend={t('intake.condition')} help={t('intake.conditionHelp')} options={CONDITION_CODES} labelOf={(c) => t(`intake.conditions.${c}`)} multiple selected={draft.conditions} onChange={(v) => set('conditions', v)} />
          <div className="field">
            <label htmlFor={fieldId('conditionNotes')} className="field-label">{t('intake.conditionNotes')}</label>
            <textarea id={fieldId('conditionNotes')} className="input textarea" value={draft.conditionNotes} onChange={(e) => set('conditionNotes', e.currentTarget.value)} {...describedBy(fieldId('conditionNotes'), shown.conditionNotes)} />
            <FieldError fieldId={fieldId('conditionNotes')} error={shown.conditionNotes} />
          </div>
        </div>

        <div className="card intake-section">
          <ChoiceGroup id={fieldId('services')} legend={`${t('intake.services')} (${t('intake.requiredMark')})`} options={SERVICE_TYPES} labelOf={(s) => t(`services.${s}`)} multiple selected={draft.services} onChange={(v) => set('services', v)} error={shown.services} columns="wide" />
          <ChoiceGroup id="intake-authorisations" legend={t('intake.authorisations')} help={t('intake.authorisationsHelp')} options={CLIENT_AUTHORISATIONS} labelOf={(a) => t(`intake.authorisation.${a}`)} multiple selected={draft.authorisations} onChange={(v) => set('authorisations', v)} columns="wide" />
          <ChoiceGroup id="intake-handling" legend={t('intake.handling')} help={t('intake.handlingHelp')} options={HANDLING_FLAGS} labelOf={(h) => t(`intake.handlingFlags.${h}`)} multiple selected={draft.handlingFlags} onChange={(v) => set('handlingFlags', v)} columns="wide" />
        </div>

        <fieldset className="card intake-section">
          <legend>{t('intake.planning')}</legend>
          <ChoiceGroup id="intake-priority" legend={t('intake.priority')} options={PRIORITIES} labelOf={(p) => t(`priorities.${p}`)} selected={[draft.priority]} onChange={([p]) => set('priority', p ?? 'standard')} columns="inline" />
          <div className="field field-short">
            <label htmlFor={fieldId('promisedDate')} className="field-label">
              {t('intake.promisedDate')} <span className="field-required">({t('intake.requiredMark')})</span>
            </label>
            {suggested && <p className="field-help" id="intake-promised-help">{t('intake.promisedDefault', { date: formatDate(suggested, language) })}</p>}
            <input
              id={fieldId('promisedDate')}
              type="date"
              className="input"
              min={today}
              value={effective.promisedDate}
              onChange={(e) => {
                setPromisedTouched(true);
                set('promisedDate', e.currentTarget.value);
              }}
              {...describedBy(fieldId('promisedDate'), shown.promisedDate, suggested ? 'intake-promised-help' : undefined)}
            />
            <FieldError fieldId={fieldId('promisedDate')} error={shown.promisedDate} />
            {promisedTouched && suggested && effective.promisedDate !== suggested && (
              <button type="button" className="button" onClick={() => setPromisedTouched(false)}>
                {t('intake.useDefault', { date: formatDate(suggested, language) })}
              </button>
            )}
          </div>
        </fieldset>

        <IntakePhotoPicker photos={photos} onChange={setPhotos} />

        {saveError && <p className="message message-error" role="alert">{t('intake.saveFailed', { message: saveError })}</p>}
        <div className="form-actions">
          <button type="submit" className="button button-primary button-large" disabled={saving}>
            {saving ? t('intake.saving') : t('intake.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
