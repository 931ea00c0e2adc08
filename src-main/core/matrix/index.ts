export * from './schema';
export * from './role-names';
export * from './ports';
export * from './load';
