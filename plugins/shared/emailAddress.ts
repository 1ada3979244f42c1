/** Something@something.tld: enough to catch a typo; whether it exists only a confirmation email tells. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
