import { Hono } from 'hono'

/** Liveness probe for the Node server and the Worker. */
export const health = new Hono().get('/', (c) => c.json({ status: 'ok' }))
