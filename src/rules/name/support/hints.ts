import { opticalElementsOf } from '../../../naming/vocabulary.js';
import { didYouMean } from '../../../util/did-you-mean.js';

export const ALL_ELEMENTS = new Set(opticalElementsOf());

export const mean = (word: string, candidates: Iterable<string>) => {
  const guess = didYouMean(word, candidates);
  return guess ? `did you mean '${guess}'?` : undefined;
};
