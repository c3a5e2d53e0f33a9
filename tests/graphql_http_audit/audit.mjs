// Runs graphql-http's server audits (the GraphQL over HTTP spec) against a running server
// and prints every result as JSON: [{id, name, level, status, reason?, httpStatus?}].
//
//   node audit.mjs http://127.0.0.1:8000/graphql
//
// Exit status 0 when the audits ran, whatever they found (tests/test_graphql_http_audit.py
// judges the results); 2 for a wrong invocation; 1 when an audit could not run at all
// (graphql-http throws only for those, e.g. when nothing listens at the URL).
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url || process.argv.length > 3) {
  console.error('usage: node audit.mjs URL (e.g. http://127.0.0.1:8000/graphql)');
  process.exit(2);
}

const results = [];
// One after another, not all at once as auditServer() does: the server under test runs a
// single worker and a failure is easier to read in the order of the spec.
for (const { fn } of serverAudits({ url })) {
  const result = await fn();
  results.push({
    id: result.id,
    name: result.name,
    level: result.name.split(' ', 1)[0], // MUST, SHOULD or MAY: each name starts with it
    status: result.status, // ok, or notice (MAY), warn (SHOULD), error (MUST)
    ...(result.status === 'ok' ? {} : { reason: result.reason, httpStatus: result.response?.status }),
  });
}
console.log(JSON.stringify(results, null, 2));
