import type { Client, InStatement, Transaction, TransactionMode } from '@libsql/client'

const WRITE =
  /^\s*(insert|update|delete|replace|create|drop|alter|with\b[\s\S]*\b(insert|update|delete))/i

/**
 * One writer at a time for an embedded (file:) database. The local driver is synchronous: if a
 * statement waited for a lock held by an open transaction in this same process, it would block
 * the only thread that could finish that transaction. So writes and write transactions queue
 * here instead, in order; reads run at once. (Turso serialises writes on the server itself.)
 * Code inside a transaction must use its `tx`, never the outer client, or it waits for itself.
 */
export function serializeWrites(client: Client): Client {
  let tail: Promise<void> = Promise.resolve()
  const acquire = (): Promise<() => void> => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const ready = tail.then(() => release)
    tail = tail.then(() => held)
    return ready
  }
  const isWrite = (stmt: InStatement) => WRITE.test(typeof stmt === 'string' ? stmt : stmt.sql)
  const locked = async <T>(run: () => Promise<T>): Promise<T> => {
    const release = await acquire()
    try {
      return await run()
    } finally {
      release()
    }
  }

  const wrapTransaction = (tx: Transaction, release: () => void): Transaction => {
    let done = false
    const finish = () => {
      if (!done) {
        done = true
        release()
      }
    }
    return new Proxy(tx, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver)
        if (prop === 'commit' || prop === 'rollback') {
          return async () => {
            try {
              return await (value as () => Promise<void>).call(target)
            } finally {
              finish()
            }
          }
        }
        if (prop === 'close') {
          return () => {
            try {
              ;(value as () => void).call(target)
            } finally {
              finish()
            }
          }
        }
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
  }

  return new Proxy(client, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver)
      if (prop === 'execute') {
        return (stmt: InStatement, args?: unknown) => {
          const run = () =>
            (target.execute as (s: InStatement, a?: unknown) => Promise<unknown>)(stmt, args)
          return isWrite(stmt) ? locked(run) : run()
        }
      }
      if (prop === 'batch' || prop === 'migrate' || prop === 'executeMultiple') {
        return (...args: unknown[]) =>
          locked(() => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args))
      }
      if (prop === 'transaction') {
        return async (mode?: TransactionMode) => {
          if (mode === 'read') return target.transaction(mode)
          const release = await acquire()
          try {
            return wrapTransaction(await target.transaction(mode), release)
          } catch (err) {
            release()
            throw err
          }
        }
      }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
