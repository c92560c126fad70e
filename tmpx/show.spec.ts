import fs from 'node:fs';
import { loadCorpus } from '../test/data/editorial/corpus';
import { loadDefaultTemplates } from '../src/drafting/engine/default-templates';
import { Drafter } from '../src/drafting/engine/drafter';
import { buildStoryView } from '../src/drafting/view-model/build-story-view';
it('show', () => {
  const { engine, defaults } = loadDefaultTemplates();
  const d = new Drafter(engine);
  let out = '';
  for (const e of loadCorpus()) {
    out += `\n######## ${e.id}\n`;
    for (const x of d.draftAll(buildStoryView(e.source, 'https://humas.example.go.id'), defaults)) out += `===== ${x.channel} ${x.title ? '# ' + x.title : ''}\n${x.body}\n${x.lint.length ? 'LINT ' + x.lint.map((l) => l.code).join(',') + '\n' : ''}`;
  }
  fs.writeFileSync('/tmp/corpus-out.txt', out);
});
