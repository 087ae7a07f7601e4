export * from './op-schema';
export * from './apply';
export { splitSpans } from './split-merge';
