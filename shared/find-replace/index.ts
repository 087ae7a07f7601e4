export * from './find';
export * from './wordlist';
