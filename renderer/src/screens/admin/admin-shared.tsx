/** Small pieces every admin tab uses: loading with reload, messages, status badges, files, downloads. */
import { useCallback, useState, type ReactNode } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { errorText } from '../../api/error-text';
import { useCall, type Loaded } from '../../hooks/useCall';
import type { Action } from '../../forms/useAction';
import type { CallInput, CallName, CallOutput } from '../../../../electron/shared/contract';
import type { MatrixCell } from '../../../../electron/shared/admin-types';

/** Loads one call (the kiosk's useCall); `reload()` reads it again after a change, keeping the old value meanwhile. `null` input waits. */
export function useLoad<N extends CallName>(name: N, input: CallInput<N> | null): [Loaded<CallOutput<N>>, () => void] {
  const [version, setVersion] = useState(0);
  const loaded = useCall(name, input, version);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return [loaded, reload];
}

/** What a loading or failed section shows instead of its content. */
export function LoadState({ loaded }: { loaded: Loaded<unknown> }) {
  const { t } = useUiText();
  if (loaded.state === 'error') return <ErrorNote message={errorText(loaded.error, t)} />;
  if (loaded.state === 'loading') return <p className="admin-loading">{t('admin.loading')}</p>;
  return null;
}

export function ErrorNote({ message, id }: { message: string; id?: string }) {
  if (!message) return null;
  return (
    <p className="admin-error" role="alert" id={id}>
      <StatusIcon state="error" />
      <span>{message}</span>
    </p>
  );
}

export function DoneNote({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="admin-done" role="status">
      <StatusIcon state="ok" />
      <span>{children}</span>
    </p>
  );
}

/** What an action last said: its error, or what it did. */
export function ActionNotes({ action }: { action: Pick<Action, 'error' | 'done'> }) {
  return (
    <>
      <ErrorNote message={action.error} />
      <DoneNote>{action.done}</DoneNote>
    </>
  );
}

const iconPaths: Record<MatrixCell | 'ok' | 'error', string> = {
  missing: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM8 12h8',
  draft: 'M4 20l4-1 11-11-3-3L5 16zM14 7l3 3',
  reviewed: 'M4 12l5 5L20 6',
  approved: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM7.5 12l3 3 6-6',
  ok: 'M4 12l5 5L20 6',
  error: 'M12 3l10 18H2L12 3zm0 6v5m0 3v.5',
};

/** Review states are told apart by shape and word, never by colour alone. */
export function StatusIcon({ state }: { state: MatrixCell | 'ok' | 'error' }) {
  return (
    <svg className={`status-icon status-icon-${state}`} width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round">
      <path d={iconPaths[state]} />
    </svg>
  );
}

export function StatusBadge({ state }: { state: MatrixCell }) {
  const { t } = useUiText();
  return (
    <span className={`badge badge-${state}`} data-status={state}>
      <StatusIcon state={state} />
      {t(`admin.status.${state}`)}
    </span>
  );
}

export const reviewStates: MatrixCell[] = ['missing', 'draft', 'reviewed', 'approved'];

/** A file's bytes as base64 (without the data: prefix) and as a data: URL. */
export function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function base64Of(dataUrl: string): string {
  return dataUrl.slice(dataUrl.indexOf(',') + 1);
}

const imageTypes: Record<string, 'image/svg+xml' | 'image/png' | 'image/webp'> = {
  svg: 'image/svg+xml',
  png: 'image/png',
  webp: 'image/webp',
};

/** The media type of an image file, from its name (browsers do not always know SVG). */
export function imageTypeOf(file: File): 'image/svg+xml' | 'image/png' | 'image/webp' | null {
  const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
  return imageTypes[ext] ?? (Object.values(imageTypes).find((t) => t === file.type) ?? null);
}

/**
 * Saves an export: in a browser (web mode) as a download; in the desktop app, where downloads
 * are refused, into the data folder's exports/ through the kiosk. Returns the saved path there.
 */
export async function saveExport(fileName: string, content: string, mediaType: string): Promise<string | null> {
  if ((await callApi('getAppInfo', {})).capabilities.saveFile) return (await callApi('adminSaveExport', { fileName, content })).path;
  const url = URL.createObjectURL(new Blob([content], { type: mediaType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return null;
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** An ISO time for people: "12 Mar 2026, 14:05"; a bare date stays a date. */
export function formatTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? dateOnly.format(new Date(`${iso}T12:00:00`)) : dateTime.format(d);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const displayNames = typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(['en'], { type: 'language' }) : null;

/** A language's English name, from the content when it is there. */
export function languageName(code: string, known: { code: string; englishName: string }[]): string {
  const found = known.find((l) => l.code === code)?.englishName;
  if (found) return found;
  try {
    return displayNames?.of(code) ?? code;
  } catch {
    return code;
  }
}
