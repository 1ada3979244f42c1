// Defaults for every test file; a file sets its own DATABASE_URL before importing the config.
process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
process.env.JOBS_AUTORUN ??= 'false'
process.env.SEED ??= 'false'
delete process.env.SMTP_HOST
