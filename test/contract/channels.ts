/**
 * The IPC channel rule: every channel is a contract key, reached only through CALL_KEYS/EVENT_KEYS
 * (never a string literal), and there are no fire-and-forget channels. Returns the violations.
 */
import ts from 'typescript';
import { CALL_KEYS, EVENT_KEYS } from '../../shared/ipc/contract.js';
import { walk, where } from './sources.js';

const CALLS = new Set<string>(CALL_KEYS);
const EVENTS = new Set<string>(EVENT_KEYS);

/** Allowed methods per receiver, and which keys their channel argument may hold. */
const RULES: Record<string, Record<string, Set<string> | null>> = {
  ipcMain: { handle: CALLS, handleOnce: CALLS, removeHandler: CALLS },
  ipcRenderer: { invoke: CALLS, on: EVENTS, once: EVENTS, off: EVENTS, removeListener: EVENTS },
  // Anything else on these receivers (send, sendSync, postMessage, on for ipcMain…) is refused.
};
const WEB_CONTENTS_TYPES = new Set(['WebContents', 'WebFrameMain']);
const WEB_CONTENTS_RULES: Record<string, Set<string>> = { send: EVENTS };
const WEB_CONTENTS_BANNED = new Set(['sendToFrame', 'postMessage', 'sendInputEvent']);

export interface ChannelUse {
  site: string;
  call: string;
}

export function channelViolations(
  prog: ts.Program,
  files: string[],
): { violations: string[]; uses: ChannelUse[] } {
  for (const f of files) if (!prog.getSourceFile(f)) throw new Error(`not in the program: ${f}`);
  const checker = prog.getTypeChecker();
  const violations: string[] = [];
  const uses: ChannelUse[] = [];

  /** The literal values a channel argument may take, or null when it is a plain string. */
  function literalValues(arg: ts.Expression): string[] | null {
    let type = checker.getTypeAtLocation(arg);
    if (type.flags & ts.TypeFlags.TypeParameter) type = checker.getBaseConstraintOfType(type) ?? type;
    const members = type.isUnion() ? type.types : [type];
    const values: string[] = [];
    for (const m of members) {
      if (!m.isStringLiteral()) return null;
      values.push(m.value);
    }
    return values;
  }

  function checkChannel(node: ts.CallExpression, file: ts.SourceFile, call: string, allowed: Set<string>) {
    const site = where(node, file);
    uses.push({ site, call });
    const arg = node.arguments[0];
    if (!arg) return violations.push(`${site}: ${call} without a channel`);
    if (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg)) {
      return violations.push(
        `${site}: ${call}(${arg.getText(file)}): a literal channel; iterate CALL_KEYS/EVENT_KEYS`,
      );
    }
    const values = literalValues(arg);
    if (values === null)
      return violations.push(`${site}: ${call}: the channel is any string, not a contract key`);
    const outside = values.filter((v) => !allowed.has(v));
    if (outside.length > 0)
      violations.push(`${site}: ${call}: channel(s) outside the contract: ${outside.join(', ')}`);
  }

  walk(
    files,
    (node, file) => {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const method = node.expression.name.text;
      const receiver = node.expression.expression;
      const receiverName = ts.isIdentifier(receiver) ? receiver.text : null;
      if (receiverName !== null && receiverName in RULES) {
        const call = `${receiverName}.${method}`;
        const allowed = RULES[receiverName]![method];
        if (allowed === undefined) return violations.push(`${where(node, file)}: ${call} is not allowed`);
        if (allowed !== null) checkChannel(node, file, call, allowed);
        return;
      }
      const typeName = checker.getTypeAtLocation(receiver).getSymbol()?.getName();
      if (typeName === undefined || !WEB_CONTENTS_TYPES.has(typeName)) return;
      const call = `${typeName}.${method}`;
      if (WEB_CONTENTS_BANNED.has(method))
        return violations.push(`${where(node, file)}: ${call} is not allowed`);
      const allowed = WEB_CONTENTS_RULES[method];
      if (allowed) checkChannel(node, file, call, allowed);
    },
    prog,
  );
  return { violations, uses };
}
