import { useApp } from '../../store/react';
import { WhenCommunes } from '../WhenCommunes';
import { lazyPart } from '../lazy-part';

// The form is loaded on first use: the app's first load does not pay for it.
const CorrectionDialog = lazyPart(() => import('./CorrectionDialog').then((m) => m.CorrectionDialog));

/** Shows the correction form while the store asks for it (`openCorrection`), from any panel. */
export function CorrectionHost() {
  const request = useApp((s) => s.correction);
  if (!request) return null;
  return (
    // The form checks the commune against the commune list, which arrives after the first paint.
    <WhenCommunes>
      {/* A new request (another card) starts a new form. */}
      <CorrectionDialog key={JSON.stringify(request)} request={request} />
    </WhenCommunes>
  );
}
