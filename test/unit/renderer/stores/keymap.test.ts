import assert from 'node:assert/strict';
import { test } from 'node:test';
import type * as KM from '../../../../renderer/src/stores/keymap.js';
import { rendererJs } from '../../../helpers/rendererModule.js';

const km = (await import(rendererJs('stores/keymap.js'))) as typeof KM;

const key = (k: string, mods: Partial<KM.StrokeEvent> = {}): KM.StrokeEvent => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

test('strokes are canonical: modifier order, mod = ctrl, the "+" key', () => {
  assert.equal(km.normalizeStroke('shift+ctrl+K'), 'ctrl+shift+k');
  assert.equal(km.normalizeStroke('mod+k'), 'ctrl+k');
  assert.equal(km.normalizeStroke('ctrl++'), 'ctrl++');
  assert.equal(km.normalizeStroke('+'), '+');
  assert.equal(km.normalizeStroke('Escape'), 'Escape');
  assert.deepEqual(km.parseSequence(' g  s '), ['g', 's']);
});

test('key events become strokes; shift only counts on named keys', () => {
  assert.equal(km.strokeOf(key('?', { shiftKey: true })), '?');
  assert.equal(km.strokeOf(key('J', { shiftKey: true })), 'j');
  assert.equal(km.strokeOf(key('ArrowLeft', { shiftKey: true })), 'shift+ArrowLeft');
  assert.equal(km.strokeOf(key('=', { metaKey: true })), 'ctrl+=');
  assert.equal(km.strokeOf(key('Shift', { shiftKey: true })), null);
});

test('the matcher runs single keys and two-stroke sequences', () => {
  const m = km.createMatcher([
    { id: 'next', keys: ['j', 'ArrowDown'] },
    { id: 'go-sessions', keys: ['g s'] },
    { id: 'go-tasks', keys: ['g t'] },
  ]);
  assert.deepEqual(m.feed('j'), { kind: 'run', id: 'next' });
  assert.deepEqual(m.feed('ArrowDown'), { kind: 'run', id: 'next' });
  assert.deepEqual(m.feed('g'), { kind: 'pending' });
  assert.deepEqual(m.pending, ['g']);
  assert.deepEqual(m.feed('t'), { kind: 'run', id: 'go-tasks' });
  assert.deepEqual(m.feed('x'), { kind: 'none' });
  // A broken sequence falls back to the stroke on its own.
  assert.deepEqual(m.feed('g'), { kind: 'pending' });
  assert.deepEqual(m.feed('j'), { kind: 'run', id: 'next' });
  assert.deepEqual(m.pending, []);
  m.feed('g');
  m.reset();
  assert.deepEqual(m.feed('s'), { kind: 'none' });
});

test('typing targets: text fields and editable content, not buttons or checkboxes', () => {
  assert.equal(km.isTypingTarget({ tagName: 'INPUT', type: 'search' }), true);
  assert.equal(km.isTypingTarget({ tagName: 'input' }), true);
  assert.equal(km.isTypingTarget({ tagName: 'INPUT', type: 'checkbox' }), false);
  assert.equal(km.isTypingTarget({ tagName: 'TEXTAREA' }), true);
  assert.equal(km.isTypingTarget({ tagName: 'SELECT' }), true);
  assert.equal(km.isTypingTarget({ tagName: 'DIV', isContentEditable: true }), true);
  assert.equal(km.isTypingTarget({ tagName: 'BUTTON' }), false);
  assert.equal(km.isTypingTarget(null), false);
});

test('display names for the overlay', () => {
  assert.deepEqual(km.displayStrokes('g s'), ['g', 's']);
  assert.deepEqual(km.displayStrokes('Escape'), ['Esc']);
  assert.deepEqual(km.displayStrokes('shift+ArrowLeft'), ['shift+←']);
});
