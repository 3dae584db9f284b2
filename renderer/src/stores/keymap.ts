/**
 * Key bindings as text ("j", "g s", "ctrl+=", "Escape") and a matcher that turns a stream of key
 * strokes into command ids, including two-stroke sequences. Pure: the DOM listener lives in
 * app/useKeymap.ts.
 */
export interface Binding<Id extends string = string> {
  id: Id;
  /** Alternatives, each a space-separated sequence of strokes. */
  keys: readonly string[];
}

/** The part of a KeyboardEvent the matcher reads. */
export interface StrokeEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

const MODIFIERS = ['ctrl', 'alt', 'shift'] as const;

/** A canonical stroke: modifiers in a fixed order, then the key; "mod" means ctrl or cmd. */
export function normalizeStroke(text: string): string {
  // The key may itself be "+": "ctrl++" is ctrl and "+".
  const plusKey = text === '+' || text.endsWith('++');
  const parts = (plusKey ? text.slice(0, -1) : text).split('+');
  const key = plusKey ? '+' : (parts.pop() ?? '');
  const mods = new Set(
    parts.filter(Boolean).map((p) => (p === 'mod' || p === 'meta' || p === 'cmd' ? 'ctrl' : p.toLowerCase())),
  );
  const prefix = MODIFIERS.filter((m) => mods.has(m))
    .map((m) => `${m}+`)
    .join('');
  return prefix + (key.length === 1 ? key.toLowerCase() : key);
}

/** "g s" -> ["g", "s"]. */
export function parseSequence(keys: string): string[] {
  return keys.trim().split(/\s+/).filter(Boolean).map(normalizeStroke);
}

/**
 * The stroke of a key event. Shift is dropped for printable keys ("?" already says shift) and kept
 * for named keys (shift+ArrowLeft); cmd counts as ctrl so bindings work on macOS too.
 */
export function strokeOf(e: StrokeEvent): string | null {
  if (e.key === 'Shift' || e.key === 'Control' || e.key === 'Alt' || e.key === 'Meta') return null;
  const printable = e.key.length === 1;
  const mods = [
    e.ctrlKey || e.metaKey ? 'ctrl+' : '',
    e.altKey ? 'alt+' : '',
    !printable && e.shiftKey ? 'shift+' : '',
  ];
  return mods.join('') + (printable ? e.key.toLowerCase() : e.key);
}

export type MatchResult<Id extends string> = { kind: 'run'; id: Id } | { kind: 'pending' } | { kind: 'none' };

/** Feeds strokes; a sequence prefix ("g") waits for the next stroke, anything else resets. */
export function createMatcher<Id extends string>(bindings: readonly Binding<Id>[]) {
  const sequences = bindings.flatMap((b) => b.keys.map((k) => ({ id: b.id, seq: parseSequence(k) })));
  let pending: string[] = [];
  return {
    feed(stroke: string): MatchResult<Id> {
      const hadPrefix = pending.length > 0;
      const result = match([...pending, stroke]);
      return result.kind === 'none' && hadPrefix ? match([stroke]) : result;
    },
    reset(): void {
      pending = [];
    },
    get pending(): readonly string[] {
      return pending;
    },
  };

  function match(attempt: string[]): MatchResult<Id> {
    const exact = sequences.find((s) => sameSeq(s.seq, attempt));
    if (exact) {
      pending = [];
      return { kind: 'run', id: exact.id };
    }
    if (
      sequences.some((s) => s.seq.length > attempt.length && sameSeq(s.seq.slice(0, attempt.length), attempt))
    ) {
      pending = attempt;
      return { kind: 'pending' };
    }
    pending = [];
    return { kind: 'none' };
  }
}

function sameSeq(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The part of an event target the typing check reads. */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** True while the user types into a field: no shortcut but Escape runs then. */
export function isTypingTarget(t: TargetLike | null | undefined): boolean {
  if (!t) return false;
  if (t.isContentEditable) return true;
  const tag = (t.tagName ?? '').toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !NON_TEXT_INPUTS.has((t.type ?? 'text').toLowerCase());
}

/** How a key sequence is shown in the keymap overlay: "g s" -> ["g", "s"], "Escape" -> ["Esc"]. */
export function displayStrokes(keys: string): string[] {
  const names: Record<string, string> = {
    Escape: 'Esc',
    ArrowLeft: '←',
    ArrowRight: '→',
    ArrowUp: '↑',
    ArrowDown: '↓',
    Enter: '↵',
  };
  return parseSequence(keys).map((s) => s.replace(/[A-Za-z]{2,}$/, (k) => names[k] ?? k));
}
