export * from './schema';
export * from './types';
export * from './lookup';
export * from './create';
