import { useEffect, useRef, useState } from 'react';
import { useUiText } from '../../hooks/useUiText';
import { callApi } from '../../api/client';
import { DoneNote, ErrorNote, formatTime } from './admin-shared';
import { useAction } from '../../forms/useAction';
import type { AdminTextItem } from '../../../../electron/shared/admin-types';

interface Props {
  id: string;
  item: AdminTextItem;
  procedureId: string;
  locale: string;
  /** True while the text has unsaved changes: a recording belongs to the saved text. */
  dirty: boolean;
  onChange: (item: AdminTextItem) => void;
}

/** The file's bytes as base64, for the contract call (the kiosk checks the real audio headers). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

const canRecord = () => typeof MediaRecorder !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia);
/** A recording stops by itself at the longest length the kiosk accepts. */
const MAX_RECORDING_MS = 10 * 60 * 1000 - 1000;

/** Records from the microphone (admin screen only) into a WebM/Opus file to attach. */
function useRecorder(onRecorded: (file: File) => void, onFailed: () => void) {
  const [active, setActive] = useState<MediaRecorder | null>(null);
  const current = useRef<MediaRecorder | null>(null);
  useEffect(
    () => () => {
      // Leaving the editor stops the microphone and drops the take.
      const r = current.current;
      if (r && r.state !== 'inactive') {
        r.ondataavailable = null;
        r.onstop = null;
        r.stop();
      }
      r?.stream.getTracks().forEach((t) => t.stop());
    },
    [],
  );
  const start = async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch {
      onFailed();
      return;
    }
    const mimeType = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'].find((m) => MediaRecorder.isTypeSupported(m));
    const recorder = new MediaRecorder(stream, mimeType ? { mimeType } : undefined);
    const chunks: Blob[] = [];
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = () => {
      stream.getTracks().forEach((t) => t.stop());
      current.current = null;
      setActive(null);
      const type = recorder.mimeType || 'audio/webm';
      onRecorded(new File(chunks, `recording.${type.includes('ogg') ? 'ogg' : 'webm'}`, { type }));
    };
    recorder.start();
    current.current = recorder;
    setActive(recorder);
    setTimeout(() => {
      if (recorder.state !== 'inactive') recorder.stop();
    }, MAX_RECORDING_MS);
  };
  const stop = () => {
    if (active && active.state !== 'inactive') active.stop();
  };
  return { recording: active !== null, start, stop };
}

/** Attach, play, replace and remove the recording for one text; shows when it is stale. */
export function NarrationPanel({ id, item, procedureId, locale, dirty, onChange }: Props) {
  const { t } = useUiText();
  const [file, setFile] = useState<File | null>(null);
  const [recordedBy, setRecordedBy] = useState('');
  const action = useAction();
  const { busy, error, done } = action;
  const input = useRef<HTMLInputElement>(null);
  const base = { procedureId, locale, key: item.key };
  const n = item.narration;
  const recorder = useRecorder(
    (recorded) => {
      setFile(recorded);
      if (input.current) input.current.value = '';
      action.succeed(t('admin.narration.recorded'));
    },
    () => action.fail(t('admin.narration.micDenied')),
  );

  const run = (work: () => Promise<AdminTextItem>, message: string) =>
    action.run(async () => {
      onChange(await work());
      setFile(null);
      if (input.current) input.current.value = '';
      return message;
    });
  const upload = () =>
    run(async () => {
      let data: string;
      try {
        data = await readBase64(file!);
      } catch {
        throw new Error(t('admin.narration.readFailed'));
      }
      return callApi('adminAttachNarration', { ...base, data, ...(recordedBy.trim() ? { recordedBy: recordedBy.trim() } : {}) });
    }, t('admin.narration.attached'));
  const remove = () => run(() => callApi('adminRemoveNarration', base), t('admin.narration.removed'));

  const fileId = `${id}-file`;
  const byId = `${id}-by`;
  const errorId = `${id}-error`;
  const blocked = item.text === null ? t('admin.narration.noText') : dirty ? t('admin.narration.saveFirst') : '';
  return (
    <div className="editor-narration" role="group" aria-labelledby={`${id}-title`} data-narration-state={n ? (n.stale ? 'stale' : 'current') : 'none'}>
      <h3 id={`${id}-title`}>{t('admin.narration.title')}</h3>
      {n ? (
        <>
          {n.stale && (
            <p className="narration-stale" role="note">
              {t('admin.narration.stale')}
            </p>
          )}
          <audio controls preload="metadata" src={n.url} aria-label={t('admin.narration.playing')} />
          <p className="field-hint">
            {t('admin.narration.details', { duration: t('admin.narration.seconds', { count: Math.round(n.durationMs / 100) / 10 }), name: n.recordedBy, date: formatTime(n.attachedAt) })}
          </p>
        </>
      ) : (
        <p className="field-hint">{t('admin.narration.none')}</p>
      )}
      <div className={`field${error ? ' has-error' : ''}`}>
        <label htmlFor={fileId}>{t('admin.narration.file')}</label>
        <input
          id={fileId}
          ref={input}
          type="file"
          accept="audio/*,.wav,.mp3,.ogg,.opus,.webm,.m4a"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          disabled={busy || Boolean(blocked)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor={byId}>{t('admin.narration.recordedBy')}</label>
        <input id={byId} type="text" value={recordedBy} onChange={(e) => setRecordedBy(e.target.value)} autoComplete="off" maxLength={120} disabled={Boolean(blocked)} />
      </div>
      {canRecord() && (
        <div className="editor-actions">
          {recorder.recording ? (
            <button type="button" className="primary" onClick={recorder.stop}>
              {t('admin.narration.stopRecording')}
            </button>
          ) : (
            <button
              type="button"
              className="secondary"
              onClick={() => {
                action.clear();
                void recorder.start();
              }}
              disabled={busy || Boolean(blocked)}
            >
              {t('admin.narration.record')}
            </button>
          )}
          {recorder.recording && (
            <span className="narration-recording" role="status">
              {t('admin.narration.recordingNow')}
            </span>
          )}
        </div>
      )}
      {blocked && <p className="field-hint">{blocked}</p>}
      <ErrorNote message={error} id={errorId} />
      <DoneNote>{done}</DoneNote>
      <div className="editor-actions">
        <button type="button" className="primary" onClick={() => void upload()} disabled={busy || !file || recorder.recording || Boolean(blocked)}>
          {n ? t('admin.narration.replace') : t('admin.narration.upload')}
        </button>
        {n && (
          <button type="button" className="secondary" onClick={() => void remove()} disabled={busy}>
            {t('admin.narration.remove')}
          </button>
        )}
      </div>
    </div>
  );
}
