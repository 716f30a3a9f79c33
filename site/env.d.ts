/// <reference types="astro/client" />

// The Worker's bindings, as the Cloudflare runtime exposes them to the on-demand API route.
declare module 'cloudflare:workers' {
  export const env: Record<string, unknown>
}
