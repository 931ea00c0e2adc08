export * from './site';
export * from './site-error';
export * from './load-site';
export * from './role-addresses';
export { parseSiteAddressItem } from './site-addresses';
export { closestRoleHint } from './closest-role';
