import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import importMatrix from '../scripts/lint/import-matrix.json';

/**
 * The allowed-imports matrix (DESIGN §5): which top-level folder may import which, read from
 * scripts/lint/import-matrix.json, the table eslint.config.mjs builds its zones from.
 */
const root = join(__dirname, '..');
type Row = { imports: string[]; typeImports: string[] };
const matrix: Record<string, Row> = importMatrix.folders;
const folders = Object.keys(matrix);
const SKIP = new Set(['node_modules', 'dist', '.data']);
const isTest = (file: string) => /\.test\.tsx?$/.test(file);

function sourceFiles(dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return SKIP.has(name) ? [] : sourceFiles(path);
    return /\.(tsx?|mjs|cjs|js)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  file: string;
  spec: string;
  /** Erased at build: `import type`, `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
}

function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ file, spec: node.moduleSpecifier.text, typeOnly: isTypeOnly(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      found.push({ file, spec: node.moduleReference.expression.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0])) {
      const dynamic = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (dynamic) found.push({ file, spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ file, spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnly(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) return node.isTypeOnly || (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly));
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The top-level folder an import lands in, or undefined for a package. */
function targetFolder(file: string, spec: string): string | undefined {
  if (spec.startsWith('@domain/')) return 'domain';
  if (!spec.startsWith('.')) return undefined;
  return relative(root, resolve(root, dirname(file), spec)).split(/[\\/]/)[0];
}

const allFiles = folders.flatMap(sourceFiles);
const allImports = allFiles.flatMap(importsOf);
const folderOf = (file: string) => file.split(/[\\/]/)[0];

/** Why an import breaks the matrix, or null when it is allowed. */
function breach({ file, spec, typeOnly }: Import): string | null {
  const from = folderOf(file);
  const to = targetFolder(file, spec);
  if (!to || to === from || (isTest(file) && to === 'test')) return null;
  if (!(to in matrix)) return `${to}/ is not in the matrix`;
  const rows = isTest(file) ? [matrix[from], matrix.test] : [matrix[from]];
  if (rows.some((r) => r.imports.includes(to))) return null;
  if (rows.some((r) => r.typeImports.includes(to))) return typeOnly ? null : `${from}/ may import ${to}/ only with \`import type\``;
  return `${from}/ may not import ${to}/`;
}

const IO_MODULES = /^(node:|fs$|http$|https$|net$|crypto$|path$|os$|child_process$|pg$|knex$|objection$|ioredis$|pino$|koa|@koa\/|socket\.io$|@temporalio\/(client|worker|activity)$)/;

describe('architecture rules (DESIGN §5)', () => {
  it('every import follows the allowed-imports matrix', () => {
    const known = new Set(importMatrix.knownViolations.map((v) => `${v.file} -> ${v.imports}`));
    const offending = allImports
      .map((i) => ({ ...i, why: breach(i) }))
      .filter((i) => i.why && !known.has(`${i.file} -> ${targetFolder(i.file, i.spec)}`))
      .map((i) => `${i.file}: import '${i.spec}' — ${i.why}`);
    expect(offending).toEqual([]);
  });

  it('lists as known violations only imports that still break the matrix', () => {
    const stale = importMatrix.knownViolations
      .filter((v) => !allImports.some((i) => i.file === v.file && targetFolder(i.file, i.spec) === v.imports && breach(i)))
      .map((v) => `${v.file} -> ${v.imports}: fixed, remove it from scripts/lint/import-matrix.json knownViolations`);
    expect(stale).toEqual([]);
  });

  it('names every top-level source folder in the matrix', () => {
    const topLevel = readdirSync(root).filter((name) => !name.startsWith('.') && !SKIP.has(name) && statSync(join(root, name)).isDirectory() && sourceFiles(name).length > 0);
    expect(topLevel.filter((name) => !(name in matrix) && name !== 'docs')).toEqual([]);
  });

  it('workflow code imports no I/O, no Node built-ins, and activities only as types', () => {
    const offending = allImports
      .filter((i) => folderOf(i.file) === 'workflows' && !isTest(i.file))
      .filter((i) => IO_MODULES.test(i.spec) || (targetFolder(i.file, i.spec) === 'activities' && !i.typeOnly))
      .map((i) => `${i.file}: import '${i.spec}'`);
    expect(offending).toEqual([]);
  });

  it('domain code is pure: no I/O, no Node built-ins, no Temporal SDK', () => {
    const offending = allImports
      .filter((i) => folderOf(i.file) === 'domain' && !isTest(i.file))
      .filter((i) => IO_MODULES.test(i.spec) || i.spec.startsWith('@temporalio/'))
      .map((i) => `${i.file}: import '${i.spec}'`);
    expect(offending).toEqual([]);
  });

  it('process.env is read only in config modules', () => {
    const product = ['domain', 'config', 'infra', 'integrations', 'db', 'actors', 'activities', 'workflows', 'worker', 'api', 'web'];
    const offenders = allFiles
      .filter((file) => product.includes(folderOf(file)) && !isTest(file))
      .filter((file) => !/(^|\/)config(\.ts|\/)/.test(file))
      .filter((file) => /process\.env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
