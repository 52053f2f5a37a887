// Saving a file the app made (a CSV export) without a server: a Blob behind a temporary link.
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: Safari starts the download asynchronously and fails on an already revoked URL.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
