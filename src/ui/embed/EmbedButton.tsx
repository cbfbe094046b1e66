import { useEffect, useRef, useState } from 'react';
import { useT } from '../../store/react';
import { lazyPart } from '../lazy-part';
import './embed-button.css';

// The dialog is loaded on first use: the app's first load does not pay for it.
const EmbedDialog = lazyPart(() => import('./EmbedDialog').then((m) => m.EmbedDialog));

/** "Intégrer cette carte": opens the dialog that writes the embed code for the current view. */
export function EmbedButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // Back where the reader was once the dialog is gone (while it is open, the page is inert).
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button ref={button} type="button" className="header-button" data-testid="embed-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <span className="header-button-icon" aria-hidden="true">
          {'</>'}
        </span>
        <span className="header-button-label">{t('share.open')}</span>
      </button>
      {open && <EmbedDialog onClose={() => setOpen(false)} />}
    </>
  );
}
