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
  if (ts.isExportDeclaration(node))
    return (
      node.isTypeOnly ||
      (!!node.exportClause && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((e) => e.isTypeOnly))
    );
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

const IO_MODULES =
  /^(node:|fs$|http$|https$|net$|crypto$|path$|os$|child_process$|pg$|knex$|objection$|ioredis$|pino$|koa|@koa\/|socket\.io$|@temporalio\/(client|worker|activity)$)/;

describe('architecture rules (DESIGN §5)', () => {
  it('every import follows the allowed-imports matrix', () => {
    const offending = allImports
      .map((i) => ({ ...i, why: breach(i) }))
      .filter((i) => i.why)
      .map((i) => `${i.file}: import '${i.spec}' — ${i.why}`);
    expect(offending).toEqual([]);
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

  it('api/ reaches Temporal only through actors/ (no workflow calls, ids, task queues or search attributes of its own); actors/ import workflows/ only as types', () => {
    const temporalUse = [
      /\.(workflow|schedule|workflowService)\.\w+/,
      /\b(getHandle|signalWithStart|executeUpdate\w*|startUpdate\w*|WithStartWorkflowOperation)\b/,
      /\b(typedSearchAttributes|searchAttributes|workflowIds|taskQueue)\b/,
      /from '[^']*search-attributes'/,
      /^import (?!type )[^;]*from '@temporalio\/client'/m,
    ];
    const offenders = sourceFiles('api').flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return temporalUse.filter((rule) => rule.test(text)).map((rule) => `${file}: ${rule.source}`);
    });
    const workflowValueImports = sourceFiles('actors').flatMap((file) =>
      readFileSync(join(root, file), 'utf8')
        .split('\n')
        .filter((line) => /from '\.\.\/workflows\//.test(line) && !/^import type /.test(line))
        .map((line) => `${file}: ${line}`),
    );
    expect([...offenders, ...workflowValueImports]).toEqual([]);
  });

  it('SQL lives only in db/: api, actors, activities, worker, infra and integrations hand a transaction to db/ functions', () => {
    // A query-builder call on a table, raw SQL, or a builder method: what db/<entity>.ts files are for.
    const SQL =
      /\b(trx|tx|db|system|app|knex)\(['"`]\w+['"`]\)|\.(raw|whereRaw|joinRaw|where|whereIn|whereNot|whereNull|andWhere|orWhere|insert|select|first|forUpdate|onConflict|returning)\(/;
    const orchestrators = ['api', 'actors', 'activities', 'worker', 'infra', 'integrations', 'workflows'];
    const offenders = allFiles
      .filter((file) => orchestrators.includes(folderOf(file)) && !isTest(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .map((line, i) => ({ line, at: `${file}:${i + 1}` }))
          .filter(({ line }) => SQL.test(line) || /^import (?!type )[^;]*from 'knex'/.test(line))
          .map(({ line, at }) => `${at}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });

  it('each table the code queries has exactly one home in db/: its row type and knex table typing', () => {
    const dbFiles = allFiles.filter((file) => folderOf(file) === 'db' && !isTest(file)).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));
    const queried = new Set(dbFiles.flatMap(({ text }) => [...text.matchAll(/\b(?:trx|tx|db|system|app|knex)\(['"`](\w+)['"`]\)/g)].map((m) => m[1])));
    expect(queried.size).toBeGreaterThan(25);
    const homes = [...queried].sort().map((table) => ({
      table,
      homes: dbFiles.filter(({ text }) => new RegExp(`^\\s+${table}: (Knex\\.CompositeTableType<\\s*)?\\w+Row\\b`, 'm').test(text)).map(({ file }) => file),
    }));
    expect(homes.filter(({ homes }) => homes.length !== 1)).toEqual([]);
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
