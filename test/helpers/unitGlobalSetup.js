/** `npm run test:unit` runs only pure unit specs: no express host, so nothing to build first. */
export default async function unitGlobalSetup() {}
