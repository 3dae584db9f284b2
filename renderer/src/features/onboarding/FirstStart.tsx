/** The first-start screen of an empty workspace: open the sample, or import a folder. */
import { CenteredPanel } from '../../components/Panels.js';
import { useOnboardingStore } from '../../stores/onboardingStore.js';

/** `onImport` opens the Import panel (the shell owns it). */
export function FirstStart({ path, onImport }: { path: string; onImport(): void }) {
  const busy = useOnboardingStore((s) => s.busy);
  const message = useOnboardingStore((s) => s.message);
  const openSample = useOnboardingStore((s) => s.openSample);
  return (
    <CenteredPanel title="Welcome to Provenance Explorer">
      <p>
        This workspace is empty: <span className="mono">{path}</span>
      </p>
      <p className="muted">
        Browse what your AI agents did: sessions, tool calls and decisions, task graphs and reasoning chains.
      </p>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void openSample()}>
          Open the sample workspace
        </button>
        <button type="button" disabled={busy} onClick={onImport}>
          Import a folder…
        </button>
      </div>
      {message && (
        <p role="status" data-testid="onboarding-message">
          {message}
        </p>
      )}
    </CenteredPanel>
  );
}
