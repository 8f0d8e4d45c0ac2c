// The request the page asks with, shared by the page's first question (first.ts, inside the page) and the rest
// of its script: Telegram's signed data from the address's fragment goes with every request.
import type { Refusal } from './payload.ts';

/** The filters the page opens with. */
export const FIRST_FILTERS = { period: 'month' } as const;

export interface FirstWindow {
  /** The first answer, asked before the page's script loaded; taken once. */
  dashboardFirst?: Promise<unknown>;
}

/** What Telegram hands the page in the address's fragment: its signed data, its theme. */
export const fragment = () => new URLSearchParams(location.hash.replace(/^#/, ''));

/** What Telegram signed for this page: the server checks it before showing anything. */
const signedData = (): string => fragment().get('tgWebAppData') ?? '';

/** One request of the page's; a lost connection is a refusal in the page's words. */
export async function post(path: string, body: Record<string, unknown>, offline: string): Promise<unknown> {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, initData: signedData() }),
      cache: 'no-store',
    });
    return await response.json();
  } catch {
    return { message: offline } satisfies Refusal;
  }
}
