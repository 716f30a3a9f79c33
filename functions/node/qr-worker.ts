import { parentPort } from 'node:worker_threads'
import { verificationQrSvg } from '../../site/lib/verification-qr.ts'

/** Worker thread of qr-worker-pool.ts: one verification QR image per message, in order. */
parentPort!.on('message', async ({ id, url }: { id: number; url: string }) => {
  parentPort!.postMessage({ id, svg: await verificationQrSvg(url) })
})
