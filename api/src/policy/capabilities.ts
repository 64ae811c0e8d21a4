import { SetMetadata } from '@nestjs/common';
import type { Capability } from 'contracts';

export const CAPABILITIES_KEY = 'auth:capabilities';

/** Only callers whose role has every one of these capabilities may call the route (the guard checks it). */
export const Can = (...capabilities: Capability[]) => SetMetadata(CAPABILITIES_KEY, capabilities);
