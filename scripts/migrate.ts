/** npm run db:migrate — apply committed migrations to DATABASE_URL. */
import { openMigratedDb } from './lib.ts'

const db = await openMigratedDb()
console.log('Migrations applied.')
db.$close()
