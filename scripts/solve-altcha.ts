import { solveChallenge, type Challenge } from 'altcha-lib'
// Node's hash is the same algorithm as the browser's WebCrypto one, and much faster to loop.
import { deriveKey } from 'altcha-lib/algorithms/sha'

/**
 * What the ALTCHA widget does in a visitor's browser: fetch a challenge (`GET
 * /api/v1/public/challenge`, through whatever client the caller has), find the counter, and
 * encode both as the `altcha` field of a public post. For the tests, the security scan's load
 * run and the two-runtime contract.
 */
export async function solvedAltcha(
  fetchChallenge: () => Response | Promise<Response>
): Promise<string> {
  const challenge = (await (await fetchChallenge()).json()) as Challenge
  const solution = await solveChallenge({ challenge, deriveKey })
  return btoa(JSON.stringify({ challenge, solution }))
}
