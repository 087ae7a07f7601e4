// Preloaded (`node --require`) into a CLI child by tests/electron/hostile-corpus.test.ts: writes the process's peak
// resident memory (kB) to $GALLEY_RSS_FILE when it exits, so that the test can see a run that read a device whole.
const fs = require('node:fs');
const file = process.env.GALLEY_RSS_FILE;
if (file)
  process.on('exit', () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      /* best effort */
    }
  });
