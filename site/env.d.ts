/// <reference types="astro/client" />

// The Worker's bindings and lifetime helper, as the Cloudflare runtime exposes them.
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>
  export function waitUntil(promise: Promise<unknown>): void
}
