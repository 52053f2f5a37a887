// The seeded checklist templates, version 1, one per service type, written the way a master
// jeweler checks a piece before handing it to QC. Labels are i18n keys (`checklistItems.<service>.<key>`)
// so the texts live in the catalogues, in English and French.
//
// STORED DATA: a job pins `<service>@<version>` and its answers are keyed by item key. Never change
// an item of a published version: publish a new version instead.
import { templateId, type ChecklistItem, type ChecklistTemplate, type MeasurementTarget, type MeasurementUnit } from './checklists';
import type { PhotoStage, ServiceType } from './vocabulary';

type Draft = (service: ServiceType) => ChecklistItem;

const label = (service: ServiceType, key: string) => `checklistItems.${service}.${key}`;

const check = (key: string, required = true): Draft => (service) => ({ kind: 'pass_fail', key, label: label(service, key), required });
const note = (key: string, required = true): Draft => (service) => ({ kind: 'note', key, label: label(service, key), required });
const photo = (key: string, stage: PhotoStage, required = true): Draft => (service) => ({ kind: 'photo', key, label: label(service, key), required, stage });
const measure = (key: string, unit: MeasurementUnit, options: { target?: MeasurementTarget; tolerance?: number; required?: boolean } = {}): Draft =>
  (service) => ({ kind: 'measurement', key, label: label(service, key), required: options.required ?? true, unit, ...(options.target ? { target: options.target, tolerance: options.tolerance ?? 0 } : {}) });

const V1: Record<ServiceType, readonly Draft[]> = {
  sizing: [
    measure('ordered_size', 'size'),
    measure('size_on_mandrel', 'size', { target: { item: 'ordered_size' }, tolerance: 0.25 }),
    check('shank_round'),
    check('no_porosity'),
    check('seam_invisible'),
    check('stones_tight'),
    check('hallmark_intact'),
    photo('seam_photo', 'after'),
  ],
  polishing: [
    check('scratches_removed'),
    check('edges_crisp'),
    check('finish_matches'),
    check('hallmark_legible'),
    check('stones_tight'),
    check('compound_removed'),
    measure('weight_after', 'g'),
  ],
  rhodium_plating: [
    check('degreased'),
    check('even_colour'),
    check('no_stains'),
    check('masking_respected'),
    check('stones_clean'),
    photo('daylight_photo', 'after'),
  ],
  stone_tightening: [
    check('every_stone_tight'),
    check('prongs_even'),
    check('cloth_test'),
    check('stones_undamaged'),
    check('stone_count_matches'),
  ],
  stone_replacement: [
    check('stone_matches_order'),
    measure('new_stone_weight', 'ct'),
    check('seated_level'),
    check('stone_tight'),
    check('no_chips'),
    check('old_stone_bagged'),
    photo('set_stone_photo', 'after'),
  ],
  prong_retipping: [
    check('tips_rebuilt'),
    check('tips_shaped'),
    check('stone_tight'),
    check('stone_heat_checked'),
    check('cloth_test'),
    photo('tips_photo', 'after'),
  ],
  clasp_repair: [
    check('opens_closes'),
    check('holds_pull'),
    check('spring_tension'),
    check('safety_catch', false),
    check('solder_clean'),
  ],
  chain_soldering: [
    check('joint_holds'),
    check('seam_invisible'),
    check('links_free'),
    check('no_firescale'),
    measure('length_after', 'mm', { required: false }),
  ],
  engraving: [
    note('text_as_engraved'),
    check('text_matches_order'),
    check('font_as_ordered'),
    check('depth_even'),
    check('no_burrs'),
    photo('engraving_photo', 'after'),
  ],
  pearl_restringing: [
    measure('length_before', 'mm'),
    check('pearl_count_matches'),
    check('order_kept'),
    check('knots_between'),
    measure('length_after', 'mm', { target: { item: 'length_before' }, tolerance: 2 }),
    check('clasp_secure'),
    check('silk_suits'),
  ],
  cleaning_inspection: [
    check('cleaned'),
    check('stones_checked'),
    check('prongs_checked'),
    check('clasp_checked', false),
    note('findings'),
  ],
  authentication: [
    photo('hallmark_photo', 'hallmark'),
    check('hallmark_consistent'),
    photo('serial_photo', 'hallmark'),
    check('serial_matches_intake'),
    check('construction_consistent'),
    check('stones_consistent'),
    note('conclusion'),
  ],
};

export const SEEDED_TEMPLATES: readonly ChecklistTemplate[] = (Object.keys(V1) as ServiceType[]).map((service) => ({
  id: templateId(service, 1),
  service,
  version: 1,
  items: V1[service].map((draft) => draft(service)),
}));
