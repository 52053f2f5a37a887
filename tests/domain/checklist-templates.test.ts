import { describe, expect, it } from 'vitest';
import { SEEDED_TEMPLATES } from '../../src/domain/checklist-templates';
import { isChecklistTemplate } from '../../src/domain/checklists';
import { SERVICE_TYPES } from '../../src/domain/vocabulary';
import { ChecklistAnswer } from '../../src/protocol/protocol';
import { jobEn as en } from '../../src/i18n/job.en';
import { jobFr as fr } from '../../src/i18n/job.fr';

function lookup(catalogue: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

describe('the seeded checklist templates', () => {
  it('cover every service type, version 1', () => {
    expect(SEEDED_TEMPLATES.map((t) => t.service).sort()).toEqual([...SERVICE_TYPES].sort());
    expect(SEEDED_TEMPLATES.every((t) => t.version === 1 && t.id === `${t.service}@1`)).toBe(true);
  });

  it.each(SEEDED_TEMPLATES.map((t) => [t.id, t] as const))('%s is well formed, with unique keys and at least one required item', (_id, template) => {
    expect(isChecklistTemplate(template)).toBe(true);
    const keys = template.items.map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(template.items.some((i) => i.required)).toBe(true);
  });

  it.each(SEEDED_TEMPLATES.map((t) => [t.id, t] as const))('%s: every label exists in English and French, and differs', (_id, template) => {
    for (const item of template.items) {
      const english = lookup(en, item.label);
      const french = lookup(fr, item.label);
      expect(typeof english, item.label).toBe('string');
      expect(typeof french, item.label).toBe('string');
      expect(french).not.toBe(english);
    }
  });

  it('give answer ids the protocol accepts', () => {
    const jobId = '0190a1b2-0000-7000-8000-000000000000';
    for (const template of SEEDED_TEMPLATES) {
      for (const item of template.items) {
        const answer = { id: `${jobId}:${template.id}:${item.key}`, jobId, templateId: template.id, itemKey: item.key, value: true, answeredBy: jobId, answeredAt: '2026-01-01T00:00:00.000Z' };
        expect(ChecklistAnswer.safeParse(answer).success, answer.id).toBe(true);
      }
    }
  });

  it('target only measurements of the same template that come earlier and are required', () => {
    for (const template of SEEDED_TEMPLATES) {
      template.items.forEach((item, index) => {
        if (item.kind !== 'measurement' || !item.target || !('item' in item.target)) return;
        const ref = item.target.item;
        const source = template.items.findIndex((i) => i.key === ref);
        expect(source, `${template.id}:${item.key}`).toBeGreaterThanOrEqual(0);
        expect(source).toBeLessThan(index);
        expect(template.items[source]).toMatchObject({ kind: 'measurement', required: true });
      });
    }
  });

  it.each([
    ['sizing', 'size_on_mandrel', 0.25],
    ['pearl_restringing', 'length_after', 2],
  ])('%s checks %s within ±%s', (service, key, tolerance) => {
    const item = SEEDED_TEMPLATES.find((t) => t.service === service)?.items.find((i) => i.key === key);
    expect(item).toMatchObject({ kind: 'measurement', tolerance });
  });

  it('authentication asks for the hallmark photographed and the serial checked against intake', () => {
    const items = SEEDED_TEMPLATES.find((t) => t.service === 'authentication')!.items;
    expect(items).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: 'hallmark_photo', kind: 'photo', stage: 'hallmark', required: true }),
      expect.objectContaining({ key: 'serial_matches_intake', kind: 'pass_fail', required: true }),
    ]));
  });
});
