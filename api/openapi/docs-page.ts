/** A self-contained, readable rendering of the OpenAPI document (no CDN: it works offline). */
interface Operation {
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required: boolean }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function renderDocsPage(doc: { info: { title: string; version: string }; paths: Record<string, Record<string, unknown>> }): string {
  const sections = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const op = raw as Operation;
      const body = op.requestBody ? `<h4>Body</h4><pre>${escape(JSON.stringify(Object.values(op.requestBody.content)[0]?.schema, null, 2))}</pre>` : '';
      const params = op.parameters?.length
        ? `<h4>Parameters</h4><ul>${op.parameters.map((p) => `<li><code>${escape(p.name)}</code> (${p.in}${p.required ? ', required' : ''})</li>`).join('')}</ul>`
        : '';
      const responses = Object.entries(op.responses)
        .map(
          ([code, r]) => `<li><b>${code}</b> ${escape(r.description)}${r.content ? `<pre>${escape(JSON.stringify(Object.values(r.content)[0]?.schema, null, 2))}</pre>` : ''}</li>`,
        )
        .join('');
      return `<details><summary><span class="m ${method}">${method.toUpperCase()}</span> <code>${escape(path)}</code> — ${escape(op.summary ?? '')}${op.security ? ' 🔒' : ''}</summary>${params}${body}<h4>Responses</h4><ul>${responses}</ul></details>`;
    }),
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(doc.info.title)} docs</title><style>
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2933}
details{border:1px solid #d9e2ec;border-radius:8px;margin:.5rem 0;padding:.5rem .8rem}summary{cursor:pointer}
pre{background:#f5f7fa;padding:.6rem;border-radius:6px;overflow:auto;font-size:12px}
.m{display:inline-block;min-width:4.2em;font-weight:700;font-size:12px;color:#fff;border-radius:4px;text-align:center;padding:1px 4px}
.get{background:#2680c2}.post{background:#25a244}.put,.patch{background:#de911d}.delete{background:#cf1124}
</style></head><body><h1>${escape(doc.info.title)} <small>${escape(doc.info.version)}</small></h1>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>${sections.join('\n')}</body></html>`;
}
