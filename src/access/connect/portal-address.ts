// The portal address a director types («company.bitrix24.ru», «https://company.bitrix24.ru/crm/»): its origin,
// or undefined for anything that is not a portal's address. Plain http only for a portal on this machine.

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3})$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function portalOrigin(typed: string): string | undefined {
  const text = typed.trim().toLowerCase();
  if (text === '' || /\s/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(text) ? text : `https://${text}`);
  } catch {
    return undefined;
  }
  if (url.username || url.password) return undefined;
  const loopback = LOOPBACK.test(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return undefined;
  if (!loopback && !HOSTNAME.test(url.hostname)) return undefined;
  return url.origin;
}

/** How a portal is named to the director: its host, e.g. `company.bitrix24.ru`. */
export const portalName = (origin: string): string => new URL(origin).host;
