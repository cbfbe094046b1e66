import { core } from './core';
import { coverage } from './coverage';
import { structures } from './structures';
import { search } from './search';
import { offline } from './offline';
import { embed } from './embed';
import { importMessages } from './import';
import { correction } from './correction';

// Register each feature's message file here (one line each).
const bundles = [core, structures, offline, coverage, search, importMessages, embed, correction];

export type MessageKey = string;
export const messages: Record<'fr' | 'en', Record<string, string>> = { fr: {}, en: {} };
for (const bundle of bundles) {
  Object.assign(messages.fr, bundle.fr);
  Object.assign(messages.en, bundle.en);
}
