import { wholeNumber } from './env';
/** CBS open-data sync settings from the environment (README "CBS open data"); validated once at start-up. */
export interface CbsSyncConfig {
  /** Base of the OData service: v4 `https://datasets.cbs.nl/odata/v1/CBS` (default) or v3 `…/ODataApi/OData`. */
  odataUrl: string;
  /** One request may take this long before the sync is marked failed (ms). */
  timeoutMs: number;
  /** Largest answer read per page (bytes); more → failed, nothing written. */
  maxPageBytes: number;
  /** Pages followed per sync (`nextLink`); more → failed. */
  maxPages: number;
  /** How often the scheduler looks for due sources (ms); 0 = no timer (tests call tick()). */
  tickMs: number;
}

export function loadCbsSyncConfig(env: NodeJS.ProcessEnv): CbsSyncConfig {
  const odataUrl = (env.CBS_ODATA_URL?.trim() || 'https://datasets.cbs.nl/odata/v1/CBS').replace(/\/+$/, '');
  let u: URL;
  try {
    u = new URL(odataUrl);
  } catch {
    throw new Error(`CBS_ODATA_URL must be an absolute http(s) URL, got "${odataUrl}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`CBS_ODATA_URL must be an absolute http(s) URL, got "${odataUrl}"`);
  return {
    odataUrl,
    timeoutMs: wholeNumber(env.CBS_ODATA_TIMEOUT_MS, 'CBS_ODATA_TIMEOUT_MS', 30_000, 100),
    maxPageBytes: wholeNumber(env.CBS_ODATA_MAX_PAGE_BYTES, 'CBS_ODATA_MAX_PAGE_BYTES', 64 * 1024 * 1024, 1024),
    maxPages: wholeNumber(env.CBS_ODATA_MAX_PAGES, 'CBS_ODATA_MAX_PAGES', 1000, 1),
    tickMs: wholeNumber(env.CBS_SYNC_TICK_MS, 'CBS_SYNC_TICK_MS', 300_000, 0),
  };
}
