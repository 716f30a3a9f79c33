import { parentPort, workerData } from 'node:worker_threads'
import { scanFiles } from './personal-info-scan.ts'

/** Worker thread for scanOutputForPersonalInfo: scans its share of the files and reports back. */
const { dir, files, allowed } = workerData as { dir: string; files: string[]; allowed: string[] }
parentPort!.postMessage(await scanFiles(dir, files, allowed))
