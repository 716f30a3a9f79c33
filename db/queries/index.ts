export * from './public-snapshot.ts'
export * from './reference-data.ts'
