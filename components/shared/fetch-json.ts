/**
 * Fetches a content file as JSON. Throws an Error whose message names the URL and what went
 * wrong (the status, or that it is not JSON), for the host's `pp-error`.
 */
export async function fetchJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`.trim());
  try {
    return await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON`);
  }
}
