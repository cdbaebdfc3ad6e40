// `npm run bench`: every benchmark, each figure printed with its same-run baseline and ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchChecks } from './checks.bench.ts';
import { benchDraftSearch } from './draftSearch.bench.ts';
import { benchDraftsSave } from './draftsSave.bench.ts';
import { benchFirstScreen } from './firstScreen.bench.ts';
import { results } from './harness.ts';
import { benchOutbox } from './outbox.ts';
import { benchRenderChannels } from './renderChannels.bench.ts';
import { benchRendererBundle } from './rendererBundle.bench.ts';
import { benchTypingLatency } from './typingLatency.bench.ts';

const work = mkdtempSync(join(tmpdir(), 'pressdesk-bench-run-'));
try {
  process.stdout.write(
    `PressDesk benchmarks — Node ${process.versions.node}, ${new Date().toISOString()}\n\n`,
  );
  await benchDraftsSave();
  await benchDraftSearch();
  await benchOutbox();
  const builds = await benchRendererBundle(work);
  await benchFirstScreen(builds);
  await benchTypingLatency();
  await benchChecks();
  await benchRenderChannels();
  const missed = results.filter((r) => r.met === false);
  process.stdout.write(
    `\n${results.length} figures; ${missed.length ? `${missed.length} target(s) NOT met: ${missed.map((m) => m.name).join('; ')}` : 'every stated target met'}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
