import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uuidv7 } from '../../../shared/ids.js';
import { NOTE_KINDS, type NoteKind } from '../../../shared/notes.js';
import { useTopic } from '../../stores/topics.js';
import { hubNow } from '../../stores/clock.js';
import { sendQueued } from './outboxView.js';
import { kindFromKey, kindShortcut } from './kinds.js';
import { scalePhoto } from './photo.js';

interface PhotoDraft {
  data: string;
  width: number;
  height: number;
  text: string;
}

/** Enter without Shift (and not while an input method is composing a character). */
export function isSubmitKey(event: KeyboardEvent<HTMLElement>): boolean {
  return event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey && !event.nativeEvent.isComposing;
}

/**
 * The secretary's typing place: pick a kind (Alt+1…6), type, Enter. The note is tagged with the
 * item on stage at this moment and queued on this laptop; the field clears at once and keeps focus.
 */
export function NoteEntry({ tableNo }: { tableNo: number }) {
  const { t } = useTranslation();
  const clock = useTopic('clock').clock;
  const [kind, setKind] = useState<NoteKind>('keyPoint');
  const [text, setText] = useState('');
  const [empty, setEmpty] = useState(false);
  const [photo, setPhoto] = useState<PhotoDraft | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const [saved, setSaved] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    area.current?.focus();
  }, []);

  // Alt+1…6 anywhere on the page picks the kind (and returns to the field).
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      const picked = kindFromKey(event);
      if (!picked) return;
      event.preventDefault();
      setKind(picked);
      if (!photo) area.current?.focus();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [photo]);

  function save() {
    const value = text.trim();
    if (!value) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    // The item on stage as this screen knows it now, even if the hub moves on before the note lands.
    const itemId = clock?.itemId ?? null;
    void sendQueued('notes.add', { noteId: uuidv7(), tableNo, itemId, kind, text: value, transcribed: false, writtenAt: new Date(hubNow()).toISOString() }).catch(() => undefined);
    setText('');
    setSaved((n) => n + 1);
    area.current?.focus();
  }

  async function pickPhoto(file: File | undefined) {
    setPhotoError(null);
    if (!file) return;
    setPhotoBusy(true);
    try {
      const scaled = await scalePhoto(file);
      if (!scaled.ok) {
        setPhotoError(scaled.reason === 'tooLarge' ? t('notes.photoTooLarge') : t('notes.photoUnreadable'));
        setPhoto(null);
        return;
      }
      setPhoto({ data: scaled.data, width: scaled.width, height: scaled.height, text: t('notes.photoDefaultText') });
    } finally {
      setPhotoBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  function savePhoto() {
    if (!photo) return;
    const value = photo.text.trim();
    if (!value) {
      setPhotoError(t('notes.photoTextRequired'));
      return;
    }
    const itemId = clock?.itemId ?? null;
    void sendQueued('notes.add', {
      noteId: uuidv7(),
      tableNo,
      itemId,
      kind,
      text: value,
      photo: { mime: 'image/jpeg', data: photo.data },
      transcribed: false,
      writtenAt: new Date(hubNow()).toISOString(),
    }).catch(() => undefined);
    setPhoto(null);
    setPhotoError(null);
    setSaved((n) => n + 1);
    area.current?.focus();
  }

  return (
    <section className="note-entry" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`} className="sr-only">
        {t('notes.entryTitle')}
      </h2>
      <div className="kind-row" role="group" aria-label={t('notes.kindLabel')}>
        {NOTE_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            className={`kind-toggle kind-${k}`}
            aria-pressed={kind === k}
            aria-keyshortcuts={kindShortcut(k)}
            onClick={() => {
              setKind(k);
              area.current?.focus();
            }}
          >
            <span className="kind-name">{t(`notes.kind.${k}`)}</span>
            <kbd aria-hidden="true">{kindShortcut(k)}</kbd>
          </button>
        ))}
      </div>
      <label htmlFor={`${ids}-text`} className="entry-label">
        {t('notes.textLabel', { kind: t(`notes.kind.${kind}`) })}
      </label>
      <textarea
        id={`${ids}-text`}
        ref={area}
        className={`note-text kind-border-${kind}`}
        rows={3}
        value={text}
        maxLength={4000}
        aria-describedby={`${ids}-keys${empty ? ` ${ids}-empty` : ''}`}
        aria-invalid={empty}
        onChange={(e) => {
          setText(e.target.value);
          if (empty) setEmpty(false);
        }}
        onKeyDown={(e) => {
          if (isSubmitKey(e)) {
            e.preventDefault();
            save();
          }
        }}
      />
      {empty && (
        <p className="field-error" id={`${ids}-empty`}>
          {t('notes.textRequired')}
        </p>
      )}
      <div className="entry-actions">
        <p className="hint" id={`${ids}-keys`}>
          {t('notes.keysHint')}
        </p>
        <span className="photo-pick">
          <input
            ref={fileInput}
            id={`${ids}-photo`}
            className="sr-only"
            type="file"
            accept="image/*"
            capture="environment"
            onChange={(e) => void pickPhoto(e.target.files?.[0])}
          />
          <label htmlFor={`${ids}-photo`} className="button-like">
            {photoBusy ? t('notes.photoScaling') : t('notes.photoAttach')}
          </label>
        </span>
        <button type="button" className="primary" onClick={save}>
          {t('notes.save')}
        </button>
      </div>
      {/* Announce each save, so a screen reader user knows the note was taken. */}
      <p className="sr-only" role="status" aria-live="polite">
        {saved > 0 ? t('notes.savedAnnounce', { count: saved }) : ''}
      </p>
      {photoError && (
        <p className="alert alert-error" role="alert">
          {photoError}
        </p>
      )}
      {photo && (
        <div className="photo-draft card">
          <img src={`data:image/jpeg;base64,${photo.data}`} alt={t('notes.photoPreviewAlt')} className="photo-preview" />
          <div className="photo-draft-fields">
            <label htmlFor={`${ids}-phototext`}>{t('notes.photoTextLabel')}</label>
            <input
              id={`${ids}-phototext`}
              value={photo.text}
              maxLength={4000}
              onChange={(e) => setPhoto({ ...photo, text: e.target.value })}
              onKeyDown={(e) => {
                if (isSubmitKey(e)) {
                  e.preventDefault();
                  savePhoto();
                }
              }}
              autoFocus
            />
            <p className="hint">{t('notes.photoSize', { width: photo.width, height: photo.height, kb: Math.round((photo.data.length * 3) / 4 / 1024) })}</p>
            <div className="actions">
              <button type="button" className="primary" onClick={savePhoto}>
                {t('notes.photoSave')}
              </button>
              <button
                type="button"
                onClick={() => {
                  setPhoto(null);
                  area.current?.focus();
                }}
              >
                {t('common.cancel')}
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
