/** Transient notices of the file tracker ("+3 lines in MediaFormulationAgent"), bottom right. */
import { useLiveStore } from '../../stores/liveStore.js';

export function Toasts() {
  const toasts = useLiveStore((s) => s.toasts);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className="toast" onClick={() => useLiveStore.getState().dismiss(t.id)}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
