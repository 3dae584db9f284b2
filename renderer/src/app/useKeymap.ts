/** One window keydown listener feeding the command registry's key sequences. */
import { useEffect } from 'react';
import { createMatcher, isTypingTarget, strokeOf } from '../stores/keymap.js';
import { COMMANDS, runCommand } from './commands.js';

/** How long the first stroke of a sequence ("g") waits for the second. */
const SEQUENCE_TIMEOUT_MS = 1500;

export function useKeymap(): void {
  useEffect(() => {
    const matcher = createMatcher(COMMANDS);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      if (e.key !== 'Escape' && isTypingTarget(e.target as HTMLElement | null)) return;
      // Enter and Space keep their meaning on buttons and links.
      if (e.key === 'Enter' && (e.target as HTMLElement | null)?.closest?.('button, a')) return;
      const stroke = strokeOf(e);
      if (stroke === null) return;
      const result = matcher.feed(stroke);
      clearTimeout(timer);
      if (result.kind === 'pending') {
        timer = setTimeout(() => matcher.reset(), SEQUENCE_TIMEOUT_MS);
        e.preventDefault();
      } else if (result.kind === 'run') {
        e.preventDefault();
        runCommand(result.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer);
    };
  }, []);
}
