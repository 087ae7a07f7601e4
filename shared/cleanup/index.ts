export * from './text-change';
export * from './rules';
export * from './paragraph';
export * from './issue-cleanup';
export * from './lost-trace';
