// The dashboard's palette: the app's own inks (src/styles/app.css), readable on white.
export const KPI_COLORS = {
  gold: '#b98b2e',
  ink: '#1f2a37',
  ok: '#1f7a4d',
  bad: '#b42318',
  blue: '#2563eb',
  grey: '#9ca3af',
} as const;
