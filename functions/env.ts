import { z } from 'zod'

/**
 * Settings the API needs beyond the database. The pepper is a server-side secret (never in the
 * database): PASSWORD_PEPPER on Cloudflare (`wrangler secret put`), and on the Node server either
 * that variable or a file the start script creates once under data/.
 */
export const AppConfig = z.object({
  PASSWORD_PEPPER: z.string().min(32, { message: 'PASSWORD_PEPPER 至少32个字符' }),
  /** Extra origins allowed to send writes besides the request's own (comma-separated). */
  ALLOWED_ORIGINS: z.string().default(''),
  /**
   * Sign-in attempts accepted per client address per minute (matrix G1); 20 when unset — a
   * sign-in is two attempts (password, then code), and a bureau's staff share one NAT address.
   */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Public complaint/objection posts and 回执 lookups per client address per minute (issue 17). */
  PUBLIC_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).optional(),
  PUBLIC_LOOKUPS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Successful actions per account per hour before creating more is refused (G2); 1,000 when unset. */
  WRITES_PER_HOUR: z.coerce.number().int().min(1).max(1_000_000).optional(),
  /** Cloudflare: the deploy hook a publish calls (a credential: never log it). */
  DEPLOY_HOOK_URL: z.url().optional(),
})
export type AppConfig = z.infer<typeof AppConfig>

export function readAppConfig(env: Record<string, unknown>): AppConfig {
  const parsed = AppConfig.safeParse(env)
  if (!parsed.success) throw new Error(`❌ Invalid environment: ${z.prettifyError(parsed.error)}`)
  return parsed.data
}
