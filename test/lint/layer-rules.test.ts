import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * eslint.config.mjs turns scripts/lint/import-matrix.json into ESLint rules, so an editor shows a
 * layer breach as it is typed. Each probe is linted as if it were a file at `filePath`.
 */
const root = join(__dirname, '..', '..');

interface Probe {
  filePath: string;
  code: string;
}

function lint(probes: Probe[]): string[][] {
  const script = `
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: process.cwd() });
    const probes = JSON.parse(process.argv[1]);
    const out = [];
    for (const p of probes) {
      const [result] = await eslint.lintText(p.code, { filePath: p.filePath });
      out.push(result.messages.filter((m) => m.severity === 2).map((m) => m.ruleId + ': ' + m.message));
    }
    process.stdout.write(JSON.stringify(out));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(probes)], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

describe('ESLint layer rules (from the import matrix)', () => {
  const [domainImportsApi, apiValueImportsWorkflow, apiTypeImportsWorkflow, workflowReadsDisk, apiReadsEnv, domainTestImportsSupport, cleanApi] = lint([
    { filePath: 'domain/probe.ts', code: "import { createApp } from '../api/app';\nexport const app = createApp;\n" },
    { filePath: 'api/probe.ts', code: "import { conversationWorkflow } from '../workflows/conversation';\nexport const w = conversationWorkflow;\n" },
    { filePath: 'api/probe.ts', code: "import type { conversationWorkflow } from '../workflows/conversation';\nexport type W = typeof conversationWorkflow;\n" },
    { filePath: 'workflows/probe.ts', code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n" },
    { filePath: 'api/probe.ts', code: 'export const port = process.env.PORT;\n' },
    { filePath: 'db/probe.test.ts', code: "import { eventually } from '../test/support/eventually';\nexport const e = eventually;\n" },
    { filePath: 'api/probe.ts', code: "import { AppError } from '../domain/errors';\nexport const e = AppError;\n" },
  ]);

  it('refuses an import the matrix forbids, naming the rule', () => {
    expect(domainImportsApi).toEqual([expect.stringMatching(/^import-x\/no-restricted-paths: .*domain\/ may not import api\//)]);
  });

  it('allows a type-only folder as `import type` and refuses it as a value import', () => {
    expect(apiValueImportsWorkflow).toEqual([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*api\/ may import workflows\/ only with `import type`/)]);
    expect(apiTypeImportsWorkflow).toEqual([]);
  });

  it('keeps Node built-ins out of workflow code and process.env out of everything but config/', () => {
    expect(workflowReadsDisk).toEqual([expect.stringMatching(/^@typescript-eslint\/no-restricted-imports: .*deterministic/)]);
    expect(apiReadsEnv).toEqual([expect.stringMatching(/^no-restricted-properties: .*config/)]);
  });

  it('lets tests beside the code use test/support, and passes code that follows the rules', () => {
    expect(domainTestImportsSupport).toEqual([]);
    expect(cleanApi).toEqual([]);
  });
});
