/** Something@something.something without spaces: the host's one check that a string looks like an email address. */
export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
