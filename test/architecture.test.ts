import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/from '([^']+)'|require\('([^']+)'\)/g)].map((m) => m[1] ?? m[2]);

const IO_MODULES = /^(node:|fs$|http$|https$|net$|crypto$|path$|os$|child_process$|pg$|knex$|objection$|ioredis$|pino$|koa|@koa\/|@temporalio\/(client|worker|activity)$)/;

describe('architecture rules (DESIGN §5)', () => {
  it('workflow code imports no I/O, no Node built-ins, and activities only as types', () => {
    for (const file of sourceFiles('workflows')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const spec of importsOf(file)) expect({ file, spec, io: IO_MODULES.test(spec) }).toEqual({ file, spec, io: false });
      for (const line of text.split('\n').filter((l) => /from '\.\.\/activities/.test(l))) expect({ file, line }).toEqual({ file, line: expect.stringMatching(/^import type /) });
    }
  });

  it('domain code is pure: no I/O and no Node built-ins', () => {
    for (const file of sourceFiles('domain')) {
      for (const spec of importsOf(file)) expect({ file, spec, io: IO_MODULES.test(spec) || spec.startsWith('@temporalio/') }).toEqual({ file, spec, io: false });
    }
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

  it('process.env is read only in config modules', () => {
    const dirs = ['api', 'actors', 'activities', 'workflows', 'domain', 'db', 'worker'];
    const offenders = dirs
      .flatMap(sourceFiles)
      .filter((file) => !/(^|\/)config(\.ts|\/)/.test(file))
      .filter((file) => /process\.env\b/.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders.map((f) => relative('.', f))).toEqual([]);
  });
});
