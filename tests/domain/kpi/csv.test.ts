import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../src/domain/kpi/dashboard';
import { buildExport, csvCell, csvNumber, exportFileName, exportRows, toCsv, type Cell } from '../../../src/domain/kpi/csv';
import { csvLabels } from '../../../src/i18n/csv-labels';
import { HUGO, INES, JOBS, KPI_FIXTURE, KPI_NOW, KPI_ZONE } from '../../support/kpi-fixture';

const MARCH = { kind: 'month', from: '2026-03-01', to: '2026-03-31' } as const;
const dashboard = computeDashboard(KPI_FIXTURE, MARCH, { now: KPI_NOW, timeZone: KPI_ZONE });

describe('CSV cells', () => {
  it.each<[string, Cell, 'en' | 'fr', string]>([
    ['plain text', 'Hugo Martin', 'en', 'Hugo Martin'],
    ['accents stay as they are', 'Inès Lefèvre', 'fr', 'Inès Lefèvre'],
    ['a comma is quoted in English', 'Clasp, lock', 'en', '"Clasp, lock"'],
    ['a semicolon is quoted in French', 'Fermoir; serrure', 'fr', '"Fermoir; serrure"'],
    ['a comma needs no quotes in French', 'Fermoir, serrure', 'fr', 'Fermoir, serrure'],
    ['quotes are doubled inside quotes', 'the "Étoile" ring', 'en', '"the ""Étoile"" ring"'],
    ['a line break is quoted', 'line one\nline two', 'en', '"line one\nline two"'],
    ['leading spaces are kept by quoting', '  indent', 'en', '"  indent"'],
    ['a formula is defused', '=HYPERLINK("x")', 'en', '"\'=HYPERLINK(""x"")"'],
    ['… and so is a leading minus in text', '-2+3', 'fr', "'-2+3"],
    ['a negative number stays a number', -2.5, 'en', '-2.5'],
    ['a decimal comma in French', 12.5, 'fr', '12,5'],
    ['a decimal point in English', 12.5, 'en', '12.5'],
    ['empty for null', null, 'en', ''],
    ['empty for not-a-number', Number.NaN, 'en', ''],
  ])('%s', (_name, value, language, expected) => {
    expect(csvCell(value, language)).toBe(expected);
  });

  it.each<[number, 'en' | 'fr', number, string]>([
    [1 / 3, 'en', 2, '0.33'],
    [1 / 3, 'fr', 1, '0,3'],
    [1234567.891, 'fr', 2, '1234567,89'],
    [4, 'en', 2, '4'],
  ])('number %d in %s to %d places is %s', (value, language, decimals, expected) => {
    expect(csvNumber(value, language, decimals)).toBe(expected);
  });
});

describe('a CSV file', () => {
  it('starts with a byte-order mark, separates by language and ends lines with CRLF', () => {
    const rows: Cell[][] = [['Nom', 'Heures'], ['Inès', 7.5]];
    expect(toCsv(rows, 'fr')).toBe('\uFEFFNom;Heures\r\nInès;7,5\r\n');
    expect(toCsv(rows, 'en')).toBe('\uFEFFNom,Heures\r\nInès,7.5\r\n');
  });

  it('is UTF-8 bytes Excel recognises: EF BB BF, then "Inès" as 49 6E C3 A8 73', () => {
    const bytes = new TextEncoder().encode(toCsv([['Inès']], 'fr'));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bytes.slice(3, 8)]).toEqual([0x49, 0x6e, 0xc3, 0xa8, 0x73]);
  });

  it('names the file after the kind and the period', () => {
    expect(exportFileName('jobs', dashboard)).toBe('loupe-jobs-2026-03-01-2026-03-31.csv');
  });
});

describe('the exports of the hand-computed March', () => {
  const en = csvLabels('en');
  const fr = csvLabels('fr');

  it('jobs: every job with intake, work, QC or completion in March, oldest first, in local time', () => {
    const rows = exportRows('jobs', KPI_FIXTURE, dashboard, en);
    expect(rows[0]).toEqual(['Job number', 'Status', 'Services', 'Jeweler', 'Intake', 'First QC', 'QC reviews', 'Rejections', 'First pass', 'Completed', 'Lead time (days)', 'Labour (hours)', 'Promised date', 'On time']);
    const numbers = rows.slice(1).map((r) => r[0]);
    // J6 (intake in February) is listed because it was worked on in March; J7 (all February) is not.
    expect(numbers).toEqual([JOBS.J6, JOBS.J8, JOBS.J1, JOBS.J2, JOBS.J3, JOBS.J4, JOBS.J5].map((j) => j.number));
    const j2 = rows.find((r) => r[0] === JOBS.J2.number)!;
    expect(j2).toEqual([JOBS.J2.number, 'Completed', 'Polishing / refinishing', 'Inès Moreau', '2026-03-02 10:00', '2026-03-04 11:00', 2, 1, 'no', '2026-03-06 10:00', 4, 2, '2026-03-05', 'no']);
    const j5 = rows.find((r) => r[0] === JOBS.J5.number)!;
    expect(j5[3]).toBeNull();
    expect(j5[8]).toBeNull();
  });

  it('jobs in French: the French words, semicolons, decimal commas', () => {
    const text = buildExport('jobs', KPI_FIXTURE, dashboard, fr, 'fr');
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('N° de commande;Statut;Prestations;Bijoutier;Réception;Premier contrôle;Contrôles;Refus;Premier passage;Terminée;Délai (jours);Travail (heures);Date promise;Dans les délais');
    expect(lines.find((l) => l.startsWith(JOBS.J3.number))).toBe(`${JOBS.J3.number};Restitué;Mise à taille + Polissage / remise en état;Hugo Martin;2026-03-03 10:00;2026-03-10 10:00;1;0;oui;2026-03-10 10:00;7;3;2026-03-20;oui`);
  });

  it('KPIs per jeweler, then the team', () => {
    const rows = exportRows('jewelers', KPI_FIXTURE, dashboard, en);
    expect(rows.map((r) => r[0])).toEqual(['Person', HUGO.name, INES.name, 'Team']);
    const ines = rows[2]!;
    // completed, per week, FPY %, rework %, labour median/p90, lead median/p90, on time %, clocked, h/week, days, late, utilisation %
    expect(ines).toEqual([INES.name, 3, 0.68, 33.3, 40, 2, 4.4, 4, 8.8, 50, 23, 5.19, 3, 1, 34.8]);
    const team = rows[3]!;
    expect(team.slice(1, 5)).toEqual([4, 0.9, 50, 33.3]);
  });

  it('attendance: one row per shift, late starts and open shifts said in words', () => {
    const text = buildExport('attendance', KPI_FIXTURE, dashboard, fr, 'fr');
    expect(text.startsWith('\uFEFFPersonne;Jour;Arrivée;Départ;Heures;Arrivée en retard;Départ non pointé\r\n')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    expect(lines[1]).toBe('Inès Moreau;2026-03-02;08:50;16:50;8;non;non');
    expect(lines[2]).toBe('Inès Moreau;2026-03-03;09:10;17:10;8;oui;non');
    expect(lines[5]).toBe('Inès Moreau;2026-03-12;09:00;;;non;oui');
  });
});
