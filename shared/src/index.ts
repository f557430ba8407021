export * from './core/roles';
export * from './core/errors';
export * from './core/geo';
export * from './core/ids';
export * from './accounts/account.schema';
export * from './accounts/home-entries';
export * from './org/org.schema';
