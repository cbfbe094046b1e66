import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { formatParts, PART_NAMES } from '../../domain/embed-params';
import { componentSnippet, embedPageUrl, embedQuery, iframeSnippet, type EmbedMode } from '../../domain/snippet';
import type { VisibleParts } from '../../store/app-store';
import { useApp, useT } from '../../store/react';
import { writeUrlState } from '../../store/url-state';
import { trapFocus } from '../trap-focus';
import './embed-dialog.css';

const HEIGHT_MIN = 300;
const HEIGHT_MAX = 1200;

/**
 * Modal dialog that writes the embed code (iframe or web component) for the
 * current view, with a live preview and a copy button. A native <dialog>
 * opened with showModal(): the rest of the page is inert (focus stays inside)
 * and Escape closes it.
 */
export function EmbedDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const state = useApp((s) => s);
  const [mode, setMode] = useState<EmbedMode>('iframe');
  const [parts, setParts] = useState<VisibleParts>({ search: true, list: true, legend: true, coverage: false });
  const [keepView, setKeepView] = useState(true);
  const [height, setHeight] = useState(480);
  const [origins, setOrigins] = useState('');
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const code = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
    };
  }, []);

  const appBase = new URL('./', window.location.href).href;
  const appQuery = writeUrlState(state);
  const h = Math.min(HEIGHT_MAX, Math.max(HEIGHT_MIN, Math.round(height) || 480));
  const params = useMemo(
    () => embedQuery(appQuery, { parts, keepView, origins: mode === 'iframe' ? origins : '' }),
    [appQuery, parts, keepView, origins, mode],
  );
  const snippet = mode === 'iframe' ? iframeSnippet(appBase, params, h, t('embed.label')) : componentSnippet(appBase, params, h);
  // The preview is the iframe page with the same parameters: what either snippet shows.
  const preview = embedPageUrl(appBase, params);
  useEffect(() => setCopyStatus('idle'), [snippet]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopyStatus('copied');
    } catch {
      // Clipboard API refused (insecure context, permissions): select the text for a manual copy.
      code.current?.select();
      setCopyStatus(document.execCommand?.('copy') ? 'copied' : 'failed');
    }
  };

  return (
    <dialog
      ref={ref}
      className="embed-dialog"
      aria-labelledby={titleId}
      data-testid="embed-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop (outside the dialog's box) closes it.
        if (e.target === ref.current) onClose();
      }}
      onKeyDown={(e) => trapFocus(e, ref.current)}
    >
      <div className="embed-dialog-inner">
        <div className="embed-dialog-head">
          <h2 id={titleId}>{t('share.title')}</h2>
          <button type="button" className="embed-dialog-close" aria-label={t('share.close')} onClick={onClose} data-testid="embed-close">
            ×
          </button>
        </div>
        <p className="embed-dialog-intro">{t('share.intro')}</p>
        <div className="embed-dialog-grid">
          <form className="embed-options" onSubmit={(e) => e.preventDefault()}>
            <fieldset>
              <legend>{t('share.mode')}</legend>
              {(['iframe', 'component'] as const).map((m) => (
                <label key={m} className="inline-check">
                  <input type="radio" name="embed-mode" value={m} checked={mode === m} onChange={() => setMode(m)} data-testid={`embed-mode-${m}`} />
                  {t(m === 'iframe' ? 'share.iframe' : 'share.component')}
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('share.parts')}</legend>
              {PART_NAMES.map((p) => (
                <label key={p} className="inline-check">
                  <input type="checkbox" checked={parts[p]} onChange={(e) => setParts({ ...parts, [p]: e.target.checked })} data-testid={`embed-part-${p}`} />
                  {t(`share.part.${p}`)}
                </label>
              ))}
            </fieldset>
            <label className="inline-check">
              <input type="checkbox" checked={keepView} onChange={(e) => setKeepView(e.target.checked)} />
              {t('share.keepView')}
            </label>
            <label className="field">
              <span>{t('share.height')}</span>
              <input type="number" min={HEIGHT_MIN} max={HEIGHT_MAX} step={10} value={height} onChange={(e) => setHeight(Number(e.target.value))} />
            </label>
            {mode === 'iframe' && (
              <label className="field">
                <span>{t('share.origins')}</span>
                <input type="text" inputMode="url" value={origins} onChange={(e) => setOrigins(e.target.value)} placeholder={t('share.originsPlaceholder')} />
                <small>{t('share.originsHint')}</small>
              </label>
            )}
            <label className="field">
              <span>{t('share.code')}</span>
              <textarea ref={code} readOnly rows={mode === 'iframe' ? 5 : 6} value={snippet} data-testid="embed-code" onFocus={(e) => e.target.select()} />
            </label>
            {mode === 'component' && <p className="embed-note">{t('share.componentNote', { base: appBase })}</p>}
            <div className="embed-copy-row">
              <button type="button" className="primary" onClick={() => void copy()} data-testid="embed-copy">
                {t('share.copy')}
              </button>
              <span role="status" aria-live="polite" data-testid="embed-copy-status">
                {copyStatus === 'copied' ? t('share.copied') : copyStatus === 'failed' ? t('share.copyFailed') : ''}
              </span>
            </div>
          </form>
          <section className="embed-preview" aria-label={t('share.preview')}>
            <h3>{t('share.preview')}</h3>
            <iframe
              key={preview}
              src={preview}
              title={`${t('share.preview')} — ${t('embed.label')}`}
              style={{ height: Math.min(h, 520) }}
              data-testid="embed-preview"
              // A look, not a place to work: inert, so Tab stays in the dialog's controls.
              inert
              data-parts={formatParts(parts)}
            />
          </section>
        </div>
      </div>
    </dialog>
  );
}
