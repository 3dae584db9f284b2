/**
 * "No call takes a file path from the renderer" (ARCHITECTURE.md, Security): walks the argument
 * type of every `Contract` entry and reports fields named like a path, file or folder.
 */
import ts from 'typescript';

const PATH_WORDS = new Set([
  'path',
  'paths',
  'filepath',
  'file',
  'files',
  'filename',
  'filenames',
  'dir',
  'dirs',
  'dirname',
  'directory',
  'directories',
  'folder',
  'folders',
]);

/** `sourceFilePath`, `source_file_path`, `target-dir` -> their words, lower case. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const looksLikePath = (name: string) => words(name).some((w) => PATH_WORDS.has(w));

/** Fields named like paths in the `args` of each entry of `interface Contract` in `file`. */
export function pathTakingArgs(prog: ts.Program, file: string): { violations: string[]; keys: string[] } {
  const checker = prog.getTypeChecker();
  const source = prog.getSourceFile(file);
  if (!source) throw new Error(`not in the program: ${file}`);
  const contract = source.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'Contract',
  );
  if (!contract) throw new Error(`no interface Contract in ${file}`);
  const violations: string[] = [];
  const keys: string[] = [];

  const visit = (type: ts.Type, at: string, seen: Set<ts.Type>, depth: number): void => {
    if (seen.has(type) || depth > 12) return;
    seen = new Set(seen).add(type);
    if (type.isUnionOrIntersection()) return type.types.forEach((t) => visit(t, at, seen, depth + 1));
    if (!(type.flags & ts.TypeFlags.Object)) return;
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      return checker
        .getTypeArguments(type as ts.TypeReference)
        .forEach((t) => visit(t, `${at}[]`, seen, depth + 1));
    }
    for (const prop of checker.getPropertiesOfType(type)) {
      const field = `${at}.${prop.name}`;
      if (looksLikePath(prop.name)) violations.push(field);
      visit(checker.getTypeOfSymbol(prop), field, seen, depth + 1);
    }
    for (const info of checker.getIndexInfosOfType(type)) visit(info.type, `${at}[*]`, seen, depth + 1);
  };

  for (const member of checker.getPropertiesOfType(checker.getTypeAtLocation(contract))) {
    keys.push(member.name);
    const entry = checker.getTypeOfSymbol(member);
    const args = entry.getProperty('args');
    if (!args) throw new Error(`${member.name} has no args`);
    visit(checker.getTypeOfSymbol(args), `${member.name} args`, new Set(), 0);
  }
  return { violations, keys };
}
