// The peer for bench/peer-wink.sh: wink-nlp's full annotation over a JSON Lines corpus.
//
//   node bench/peer/wink-run.js CORPUS.jsonl
//
// Takes each record's "text" (records with only "html" are counted and skipped: wink-nlp reads
// plain text), runs wink-nlp with its default pipeline (every annotation the English lite model
// has: sentence boundaries, negation, sentiment, POS, named entities, custom entities) and reads
// out what it found, so the lazy parts run too: every sentence's span, every token's value, POS
// tag and negation flag, every entity's value and type. Prints one JSON line on stdout:
// records, texts, chars (UTF-16 code units, as our spans count), textBytes (UTF-8), tokens,
// sentences, entities, loadSeconds (requiring wink-nlp and its model), warmSeconds (the
// processing loop alone) and warmMBps (textBytes / 10^6 / warmSeconds). Single-threaded.
'use strict';

const fs = require('fs');
const readline = require('readline');

async function main() {
  const corpus = process.argv[2];
  if (!corpus) {
    process.stderr.write('usage: node wink-run.js CORPUS.jsonl\n');
    process.exit(2);
  }

  const loadStart = process.hrtime.bigint();
  const winkNLP = require('wink-nlp');
  const model = require('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  const its = nlp.its;
  const loadSeconds = Number(process.hrtime.bigint() - loadStart) / 1e9;

  // Read every text first so the warm figure times wink-nlp alone, not the file and JSON parsing.
  const texts = [];
  let records = 0;
  let htmlOnly = 0;
  let lineNo = 0;
  const lines = readline.createInterface({ input: fs.createReadStream(corpus, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let record;
    try {
      record = JSON.parse(line);
    } catch (e) {
      process.stderr.write(`${corpus}:${lineNo}: not JSON: ${e.message}\n`);
      process.exit(1);
    }
    records++;
    if (typeof record.text === 'string') texts.push(record.text);
    else if (typeof record.html === 'string') htmlOnly++;
  }

  let chars = 0;
  let textBytes = 0;
  for (const t of texts) {
    chars += t.length;
    textBytes += Buffer.byteLength(t, 'utf8');
  }

  let tokens = 0;
  let sentences = 0;
  let entities = 0;
  let negated = 0;
  const warmStart = process.hrtime.bigint();
  for (const text of texts) {
    const doc = nlp.readDoc(text);
    sentences += doc.sentences().out(its.span).length;
    const tokenValues = doc.tokens().out(its.value);
    const tags = doc.tokens().out(its.pos);
    const flags = doc.tokens().out(its.negationFlag);
    tokens += tokenValues.length;
    if (tags.length !== tokenValues.length) throw new Error('wink-nlp: POS tags and tokens differ in number');
    for (const f of flags) if (f) negated++;
    entities += doc.entities().out(its.detail).length;
  }
  const warmSeconds = Number(process.hrtime.bigint() - warmStart) / 1e9;

  process.stdout.write(JSON.stringify({
    records, texts: texts.length, htmlOnly, chars, textBytes, tokens, sentences, entities, negated,
    loadSeconds, warmSeconds, warmMBps: textBytes / 1e6 / warmSeconds,
  }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`wink-run: ${e.stack || e}\n`);
  process.exit(1);
});
