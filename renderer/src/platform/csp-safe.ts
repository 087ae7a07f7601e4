import { config } from 'zod';

/**
 * Zod probes `new Function('')` once to decide whether it may compile fast parsers; under the app's CSP
 * (`script-src 'self'`, no 'unsafe-eval') that probe is refused and reported as a CSP violation. Jitless mode skips
 * the probe. Imported first by main.tsx; tests/e2e/csp.spec.ts fails on any violation.
 */
config({ jitless: true });
