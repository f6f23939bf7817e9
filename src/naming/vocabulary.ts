import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

/** Vocabularies live in schemas/vocabularies. */
function load<T>(name: string): T {
  return JSON.parse(readFileSync(packagePath('schemas', 'vocabularies', name), 'utf8')) as T;
}

interface Observatories {
  genericElements: string[];
  observatories: Record<string, { instruments: Record<string, string[]> }>;
}

const observatories = load<Observatories>('observatories.json');

/**
 * A record's own entry: a name field such as 'constructor' must not find what every object
 * inherits (it crashed the name rules).
 */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
const productTypes = new Set(load<{ productTypes: string[] }>('product-types.json').productTypes);
const extensions = new Set(load<{ extensions: string[] }>('extensions.json').extensions);

export const GENERIC_ELEMENTS = new Set(observatories.genericElements);

const allInstruments = [
  ...new Set(Object.values(observatories.observatories).flatMap((o) => Object.keys(o.instruments))),
];

export function knownObservatories(): string[] {
  return Object.keys(observatories.observatories);
}

export function isKnownObservatory(name: string): boolean {
  return Object.hasOwn(observatories.observatories, name);
}

/** Instruments of one observatory, or of all of them when none is given. */
export function instrumentsOf(observatory?: string): string[] {
  if (observatory) return Object.keys(own(observatories.observatories, observatory)?.instruments ?? {});
  return allInstruments;
}

/** Observatories by instrument, in the vocabulary's order: name/instrument asks for every file. */
const ownersOfInstrument = new Map<string, string[]>();
for (const [name, { instruments }] of Object.entries(observatories.observatories)) {
  for (const instrument of Object.keys(instruments)) {
    const owners = ownersOfInstrument.get(instrument);
    if (owners) owners.push(name);
    else ownersOfInstrument.set(instrument, [name]);
  }
}
const NO_OWNERS: readonly string[] = [];

/** Which observatories have this instrument. */
export function observatoriesWithInstrument(instrument: string): readonly string[] {
  return ownersOfInstrument.get(instrument) ?? NO_OWNERS;
}

const allOpticalElements = [
  ...new Set(Object.values(observatories.observatories).flatMap((o) => Object.values(o.instruments).flat())),
];

export function opticalElementsOf(observatory?: string, instrument?: string): string[] {
  if (observatory && instrument) {
    const instruments = own(observatories.observatories, observatory)?.instruments;
    return (instruments && own(instruments, instrument)) ?? [];
  }
  return allOpticalElements;
}

export function isKnownProductType(type: string): boolean {
  return productTypes.has(type);
}

export function knownProductTypes(): string[] {
  return [...productTypes];
}

export function isKnownExtension(extension: string): boolean {
  return extensions.has(extension);
}

export function knownExtensions(): string[] {
  return [...extensions];
}
