/**
 * A worker thread of detection (issue 14): detects one municipality per message, off the main
 * thread (see detection-threads.ts). Messages: `{ id, input }` in, `{ id, result }` or `{ id, error }` out.
 */
import { parentPort } from 'node:worker_threads';
import { detectMunicipality, type MunicipalityInput } from './municipality-detection';

parentPort?.on('message', (m: { id: number; input: MunicipalityInput }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: detectMunicipality(m.input) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: String((e as Error)?.stack ?? e) });
  }
});
