import { z } from 'zod'

/**
 * Ask the deploy pipeline for a fresh build (on Cloudflare a rebuild is a deploy): after a
 * publish, and from the daily cron when publicity periods end. The URL is a credential, so it
 * is never logged; a missing or failing hook is reported without it.
 */
export async function callDeployHook(
  env: Record<string, unknown>,
  reason: 'publish' | 'daily'
): Promise<boolean> {
  const hook = z.url().safeParse(env.DEPLOY_HOOK_URL)
  if (!hook.success) {
    console.error({ msg: 'rebuild not requested: DEPLOY_HOOK_URL is not set or not a URL', reason })
    return false
  }
  const res = await fetch(hook.data, { method: 'POST' }).catch(() => null)
  if (!res?.ok) console.error({ msg: 'deploy hook failed', reason, status: res?.status ?? null })
  return Boolean(res?.ok)
}
