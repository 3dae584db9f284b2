/**
 * The Electron checklist, read from the main-process sources: the options of every
 * `new BrowserWindow(...)`, and the presence of the navigation, window-open and permission guards.
 */
import ts from 'typescript';
import { walk, where } from './sources.js';

/** Options that must be set to exactly this value. */
const REQUIRED: Record<string, boolean> = { contextIsolation: true, sandbox: true, nodeIntegration: false };
/** Options that may be absent, but never set to the dangerous value. */
const NEVER: Record<string, boolean> = {
  webSecurity: false,
  nodeIntegrationInWorker: true,
  nodeIntegrationInSubFrames: true,
  allowRunningInsecureContent: true,
  experimentalFeatures: true,
  webviewTag: true,
  enableBlinkFeatures: true,
};

function literalValue(e: ts.Expression): boolean | string | undefined {
  if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isStringLiteralLike(e)) return e.text;
  return undefined;
}

function property(obj: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return obj.properties.find(
    (p): p is ts.PropertyAssignment =>
      ts.isPropertyAssignment(p) &&
      (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) &&
      p.name.text === name,
  );
}

/** Syntax only: `files` are paths (read from disk) or already parsed sources. */
export function windowViolations(files: (string | ts.SourceFile)[]): {
  violations: string[];
  windows: number;
} {
  const violations: string[] = [];
  let windows = 0;
  walk(files, (node, file) => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      if (node.expression.name.text === 'loadFile')
        violations.push(`${where(node, file)}: loadFile (file://)`);
      const first = node.arguments[0];
      if (node.expression.name.text === 'loadURL' && first && /^\W*file:/.test(first.getText(file))) {
        violations.push(`${where(node, file)}: loadURL of a file:// URL`);
      }
    }
    if (!ts.isNewExpression(node) || node.expression.getText(file) !== 'BrowserWindow') return;
    windows++;
    const site = where(node, file);
    const options = node.arguments?.[0];
    if (!options || !ts.isObjectLiteralExpression(options))
      return violations.push(`${site}: options not inline`);
    const prefs = property(options, 'webPreferences')?.initializer;
    if (!prefs || !ts.isObjectLiteralExpression(prefs))
      return violations.push(`${site}: webPreferences not inline`);
    if (prefs.properties.some((p) => !ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p))) {
      violations.push(`${site}: webPreferences has a spread or method (could override the checks)`);
    }
    for (const [name, value] of Object.entries(REQUIRED)) {
      const set = property(prefs, name);
      if (!set || literalValue(set.initializer) !== value)
        violations.push(`${site}: ${name} must be ${value}`);
    }
    for (const [name, bad] of Object.entries(NEVER)) {
      const set = property(prefs, name);
      if (set && literalValue(set.initializer) !== !bad)
        violations.push(`${site}: ${name} must not be ${bad}`);
    }
  });
  return { violations, windows };
}
