/**
 * Starts the pane's domain worker. Here alone, in an ES module, because webpack 5 recognises a
 * worker only in the form `new Worker(new URL('./file', import.meta.url))` and bundles it as a
 * chunk of the add-in's own origin (the pages' `script-src 'self'` covers it: no blob, no eval).
 */
export function spawnDomainWorker(): Worker {
  return new Worker(new URL('./domain.worker.ts', import.meta.url), { name: 'implan-domain' });
}
