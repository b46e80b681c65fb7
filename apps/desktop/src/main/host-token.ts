// The prompter window gets a host token of its own, minted by the relay for the producer's show: a host token
// can only read, so the prompter never holds the producer's power to fire cards.
export type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export async function mintHostToken(fetchFn: FetchLike, relay: string, showId: string, producerToken: string): Promise<string> {
  const res = await fetchFn(`${relay}/api/shows/${encodeURIComponent(showId)}/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${producerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'host' }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await res.json().catch(() => null)) as { token?: unknown; error?: { message?: unknown } } | null;
  if (res.ok && typeof body?.token === 'string') return body.token;
  const why = typeof body?.error?.message === 'string' ? body.error.message : `the relay answered ${res.status}`;
  throw new Error(`the relay would not give the prompter a host token: ${why}`);
}
