/** Set by the express host on every request from the connection (honouring TRUST_PROXY); read by Payload-side flood control. */
export const CLIENT_ADDRESS_HEADER = 'x-q-client-address'
