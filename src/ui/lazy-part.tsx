import { Component, lazy, Suspense, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../store/react';

/**
 * A part of the interface whose code loads on first use (a chunk of its own), shown with
 * its loading fallback. Its code may not come: offline before the service worker holds it,
 * or after a new version was published while the page was open (the chunk's hashed name is
 * gone). React then dropped the whole page, leaving it blank; now the part says so in its
 * place, with a retry (a new download) and a reload.
 *
 * @example const CoveragePanel = lazyPart(() => import('./CoveragePanel').then((m) => m.CoveragePanel));
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P & { fallback?: ReactNode }> {
  // React.lazy keeps a failed download's error: a retry needs a new one.
  const make = () => lazy(() => load().then((component) => ({ default: component })));
  let Part = make();
  return function LazyPart({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    const [attempt, setAttempt] = useState(0);
    const retry = () => {
      Part = make();
      setAttempt((n) => n + 1);
    };
    return (
      <PartBoundary key={attempt} onRetry={retry}>
        <Suspense fallback={fallback}>
          <Part {...(props as P)} />
        </Suspense>
      </PartBoundary>
    );
  };
}

interface BoundaryProps {
  children: ReactNode;
  /** Without it, the message offers a reload only. */
  onRetry?: () => void;
}

/** Catches what its children throw while rendering (a chunk that would not load included) and says so in their place. */
export class PartBoundary extends Component<BoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Maillage: a part of the page failed to load or render', error, info.componentStack);
  }

  render(): ReactNode {
    return this.state.failed ? <PartFailed onRetry={this.props.onRetry} /> : this.props.children;
  }
}

function PartFailed({ onRetry }: { onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="part-failed" role="alert" data-testid="part-failed">
      <p>{t('app.partFailed')}</p>
      {onRetry && (
        <button type="button" onClick={onRetry} data-testid="part-retry">
          {t('app.retry')}
        </button>
      )}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}
