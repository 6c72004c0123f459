import { migrateDatabase } from "./db/migrate";
const t0 = Date.now();
await migrateDatabase(process.argv[2]!);
console.log(`migrated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
