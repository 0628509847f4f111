/**
 * The pages' content security policy allows no `eval`: zod would otherwise probe for it with
 * `new Function` (to compile its parsers), which the policy refuses and reports. Imported first
 * by every page that parses with zod.
 */
import { z } from 'zod';

z.config({ jitless: true });
