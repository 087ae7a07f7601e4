import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const SAMPLE_PAGE = path.join(FIXTURES, 'pages/zhejiang-daily-2023-02-27-p2.txt');
