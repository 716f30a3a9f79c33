import { z } from 'zod'

/**
 * Imported first by browser scripts that parse with zod. Zod 4 probes `new Function` to compile
 * fast parsers; the site's CSP forbids eval, so the probe shows up as a CSP violation (found by
 * the hostile-text journey's trip-wires). Jitless parsing needs no eval.
 */
z.config({ jitless: true })
