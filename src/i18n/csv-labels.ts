// The words of the CSV exports, from the catalogues: the app and the server (GET /api/exports)
// both call this, so a file downloaded from either says the same thing. No i18next here: the
// server imports it.
import type { CsvLabels, CsvLanguage } from '../domain/kpi/csv';
import { en } from './en';
import { fr } from './fr';
import { kpiEn } from './kpi.en';
import { kpiFr } from './kpi.fr';

export function csvLabels(language: CsvLanguage): CsvLabels {
  const catalogue = language === 'fr' ? fr : en;
  const words = (language === 'fr' ? kpiFr : kpiEn).export;
  return {
    columns: words.columns,
    statuses: catalogue.statuses,
    services: catalogue.services,
    yes: words.yes,
    no: words.no,
    team: words.team,
    unknownPerson: words.unknownPerson,
  };
}
