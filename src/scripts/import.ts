/** The `npm run import` entry (bundled by scripts/buildServer.mjs); the import is src/network/import/cli.ts. */
import { runImportCli } from '../network/import/cli'

process.exit(await runImportCli(process.argv.slice(2)))
