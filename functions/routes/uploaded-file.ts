import type { Context } from 'hono'

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

/**
 * A file a member of the public uploaded (a complaint's photo, an objection's or a repair
 * application's document), for staff: always a download under a name of ours, never cached.
 * `nosniff` and the sandboxing CSP come with every API answer (middleware/api-headers.ts).
 */
export function uploadedFile(
  c: Context,
  file: { bytes: Uint8Array | ArrayBuffer; mediaType: string },
  name: string
): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.mediaType,
    'Content-Disposition': `attachment; filename="${name}.${EXTENSIONS[file.mediaType] ?? 'bin'}"`,
    'Cache-Control': 'no-store',
  })
}
