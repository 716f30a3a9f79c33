import { describe, expect, it } from 'vitest'
import { readDbConfig } from './client.ts'

describe('I4 transport', () => {
  it('refuses a database URL that would travel in clear text', () => {
    for (const url of [
      'http://db.example.turso.io',
      'ws://db.example.turso.io',
      'libsql:db',
      'ftp://x',
      // Loopback only by address, not by a name that merely starts like one.
      'http://127.0.0.1.example.com:8080',
      'http://localhost.example.com',
      'http://10.0.0.5:8080',
    ])
      expect(() => readDbConfig({ DATABASE_URL: url }), url).toThrow(/DATABASE_URL/)
    for (const url of [
      'file:data/local.db',
      'libsql://db-org.turso.io',
      'https://db-org.turso.io',
      'wss://db-org.turso.io',
      // A libSQL server (sqld) on the same host: the traffic never leaves the machine.
      'http://127.0.0.1:8080',
      'http://localhost:8080/',
    ])
      expect(readDbConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url)
    expect(readDbConfig({}).DATABASE_URL).toBe('file:data/local.db')
  })
})
