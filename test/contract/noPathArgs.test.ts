import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { CALL_KEYS } from '../../shared/ipc/contract.js';
import { looksLikePath, pathTakingArgs } from './pathArgs.js';
import { program, pureTypes, repoRoot } from './sources.js';

test('no contract call takes a path, file or folder name from the renderer', () => {
  const file = join(repoRoot, 'shared/ipc/contract.ts');
  const { violations, keys } = pathTakingArgs(program([file], {}, pureTypes), file);
  assert.deepEqual(violations, []);
  assert.deepEqual(keys.sort(), [...CALL_KEYS].sort(), 'every contract entry was walked');
});

test('the walk finds path-like fields however deep, and leaves look-alikes alone', () => {
  const file = join(repoRoot, 'shared/ipc/__bad_contract__.ts');
  const source = `
    type Id = string & { readonly __brand: 'Id' };
    interface Options { recursive?: boolean; sourceFilePath?: string }
    export interface Contract {
      'files/read': { args: { path: string }; result: string };
      'import/run': { args: { items: { options: Options }[] }; result: void };
      'export/save': { args: { target_dir: string } | { folderName: string }; result: void };
      'map/args': { args: Record<string, { filename: string }>; result: void };
      'fine/one': { args: { profile: string; id: Id; directive: string; filter?: { pathological: boolean } }; result: { path: string } };
      'fine/none': { args: void; result: void };
    }
  `;
  const { violations } = pathTakingArgs(program([], { [file]: source }, pureTypes), file);
  assert.deepEqual(violations.sort(), [
    'export/save args.folderName',
    'export/save args.target_dir',
    'files/read args.path',
    'import/run args.items[].options.sourceFilePath',
    'map/args args[*].filename',
  ]);
  assert.equal(looksLikePath('profile'), false);
  assert.equal(looksLikePath('rootDir'), true);
});
