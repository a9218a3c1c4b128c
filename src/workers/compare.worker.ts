import { expose } from 'comlink';
import { compareTexts } from './compare-core';

// Compares two run files off the page's thread: both runs are re-simulated in full, which takes far longer than
// a page may stay unresponsive.

export const compareApi = { compareTexts };
export type CompareApi = typeof compareApi;

expose(compareApi);
