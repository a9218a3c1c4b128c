import { expose } from 'comlink';
import { parseText } from './parse-core';

// Parses one imported run or scenario file off the page's thread, then ends (the client terminates it).

export const parseApi = { parseText };
export type ParseApi = typeof parseApi;

expose(parseApi);
