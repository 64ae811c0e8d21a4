import type { SignalTexts } from './catalogue';
import { en } from './en';
import { nl } from './nl';

export type { SignalTexts } from './catalogue';
export type Lang = 'nl' | 'en';

/** The catalogue of each language the engine writes in. */
export const TEXTS: Readonly<Record<Lang, SignalTexts>> = { nl, en };
