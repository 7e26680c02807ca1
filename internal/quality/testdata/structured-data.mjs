// structured-data.mjs validates the structured data (JSON-LD, microdata,
// RDFa) of HTML files with @adobe/structured-data-validator, which applies
// Google's rich-result rules, after @marbec/web-auto-extractor has pulled
// the data out of each page. It needs no network: the validator is made
// without a schema.org vocabulary file.
//
// Usage: node structured-data.mjs FILE...
//
// It prints one JSON object to stdout:
//
//   {"files": [{"file": "...", "items": 2, "types": ["JobPosting"],
//               "issues": [{"severity": "ERROR", "message": "...",
//                           "type": "JobPosting", "path": "...",
//                           "fields": ["jobLocation"], "location": "..."}]}]}
//
// and exits 0; TestStructuredData decides what fails. Packages resolve from
// the repository root's node_modules (npm ci there).
import { readFile } from 'node:fs/promises';
import Validator from '@adobe/structured-data-validator';
import WebAutoExtractor from '@marbec/web-auto-extractor';

const extractor = new WebAutoExtractor({ addLocation: true, embedSource: ['rdfa', 'microdata'] });
const validator = new Validator();

const count = (byType) => Object.values(byType || {}).reduce((n, list) => n + list.length, 0);

const files = [];
for (const file of process.argv.slice(2)) {
  const data = extractor.parse(await readFile(file, 'utf8'));
  const items = count(data.jsonld) + count(data.microdata) + count(data.rdfa);
  const types = [...new Set([data.jsonld, data.microdata, data.rdfa].flatMap((t) => Object.keys(t || {})))].sort();
  const issues = (await validator.validate(data)).map((i) => ({
    severity: i.severity,
    message: i.issueMessage,
    type: i.rootType ?? '',
    path: (i.path ?? []).map((p) => [p.type, p.property, p.index].filter((x) => x !== undefined).join(':')).join(' > '),
    fields: i.fieldNames ?? [],
    location: i.location ?? '',
  }));
  files.push({ file, items, types, issues });
}
process.stdout.write(JSON.stringify({ files }) + '\n');
