// What the KPI screens call: the period from the address (so Back and a shared link keep it),
// the device's records read live, and the dashboard computed from them with the pure domain code.
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { loadKpiInput } from '../db/kpi-repo';
import { useLive } from '../db/live';
import {
  addDays,
  computeDashboard,
  customPeriod,
  isLocalDate,
  localDate,
  periodHolding,
  PERIOD_KINDS,
  DEFAULT_KPI_OPTIONS,
  type Dashboard,
  type KpiInput,
  type Period,
  type PeriodKind,
} from '../domain/kpi';
import { useSetting } from './use-setting';

export interface KpiSettings {
  idleDays: number;
  shiftStart: string;
  lateGraceMinutes: number;
}

export const DEFAULT_KPI_SETTINGS: KpiSettings = {
  idleDays: DEFAULT_KPI_OPTIONS.idleDays,
  shiftStart: DEFAULT_KPI_OPTIONS.shiftStart,
  lateGraceMinutes: DEFAULT_KPI_OPTIONS.lateGraceMinutes,
};

/** How idle, late and the shift start are counted on this device. */
export function useKpiSettings(): [KpiSettings, (value: KpiSettings) => Promise<void>, boolean] {
  return useSetting<KpiSettings>('kpi.settings', DEFAULT_KPI_SETTINGS);
}

/** The zone the device lives in: the workshop's local days and weeks. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The time now, refreshed every minute (WIP ages and running clocks move with it). */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export interface PeriodControl {
  period: Period;
  setKind(kind: PeriodKind): void;
  setCustom(from: string, to: string): void;
  step(direction: -1 | 1): void;
  /** The query string that keeps this period, for links to another KPI screen. */
  search: string;
}

/** The period in the address: ?period=month&from=2026-03-01&to=2026-03-31 (default: this month). */
export function usePeriod(): PeriodControl {
  const [params, setParams] = useSearchParams();
  const [today] = useState(() => localDate(Date.now(), deviceTimeZone()));
  const kindParam = params.get('period');
  const kind: PeriodKind = (PERIOD_KINDS as readonly string[]).includes(kindParam ?? '') ? (kindParam as PeriodKind) : 'month';
  const fromParam = params.get('from') ?? '';
  const toParam = params.get('to') ?? '';
  const from = isLocalDate(fromParam) ? fromParam : today;
  const period: Period =
    kind === 'custom'
      ? customPeriod(from, isLocalDate(toParam) ? toParam : from)
      : periodHolding(kind, from);

  const go = (next: Period) => {
    setParams((current) => {
      const merged = new URLSearchParams(current);
      merged.set('period', next.kind);
      merged.set('from', next.from);
      merged.set('to', next.to);
      return merged;
    }, { replace: true });
  };

  return {
    period,
    // Switching from a month to a week lands on this week when today is in the month shown.
    setKind: (k) => go(k === 'custom' ? { ...period, kind: 'custom' } : periodHolding(k, today >= period.from && today <= period.to ? today : period.from)),
    setCustom: (a, b) => {
      if (isLocalDate(a) && isLocalDate(b)) go(customPeriod(a, b));
    },
    step: (direction) => {
      if (period.kind === 'custom') {
        const days = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
        go(customPeriod(addDays(period.from, direction * days), addDays(period.to, direction * days)));
      } else {
        go(periodHolding(period.kind, direction < 0 ? addDays(period.from, -1) : addDays(period.to, 1)));
      }
    },
    search: `?period=${period.kind}&from=${period.from}&to=${period.to}`,
  };
}

/** Every record the figures come from, read live from this device. undefined while loading. */
export function useKpiInput(): KpiInput | undefined {
  return useLive<KpiInput | undefined>(() => loadKpiInput(), [], undefined);
}

export interface DashboardData {
  input: KpiInput;
  dashboard: Dashboard;
}

/** The dashboard over `period`, recomputed when the data, the period, the settings or the minute change. */
export function useDashboard(period: Period): DashboardData | undefined {
  const input = useKpiInput();
  const [settings] = useKpiSettings();
  const now = useMinute();
  const { kind, from, to } = period;
  return useMemo(() => {
    if (!input) return undefined;
    const dashboard = computeDashboard(input, { kind, from, to }, { now, timeZone: deviceTimeZone(), ...settings });
    return { input, dashboard };
  }, [input, kind, from, to, now, settings]);
}
