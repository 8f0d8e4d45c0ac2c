// The little of Telegram's Mini App bridge the page needs, without loading Telegram's script from outside: the
// signed init data and theme from the address's fragment, the back button, opening links, «ready».
// Events follow core.telegram.org/api/web-events: postEvent to the app, receiveEvent (or a message) back.

type Listener = (data: Record<string, unknown>) => void;

interface TelegramWindow {
  TelegramWebviewProxy?: { postEvent(type: string, data: string): void };
  Telegram?: { WebView?: { receiveEvent(type: string, data: Record<string, unknown>): void } };
}

const listeners = new Map<string, Listener[]>();
const win = window as unknown as Window & TelegramWindow;
const params = new URLSearchParams(location.hash.replace(/^#/, ''));

const inFrame = (() => {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
})();

/** Inside Telegram: a proxy object (phones, desktop) or a parent frame (Telegram Web). */
export const insideTelegram = Boolean(win.TelegramWebviewProxy) || inFrame;

function receive(type: string, data: Record<string, unknown> = {}): void {
  for (const listener of listeners.get(type) ?? []) listener(data);
}

win.Telegram = { ...win.Telegram, WebView: { receiveEvent: receive } };
window.addEventListener('message', (event) => {
  if (event.source !== window.parent || typeof event.data !== 'string') return;
  try {
    const message = JSON.parse(event.data) as { eventType?: string; eventData?: Record<string, unknown> };
    if (message.eventType) receive(message.eventType, message.eventData);
  } catch {
    // Not Telegram's message.
  }
});

export function postEvent(type: string, data: Record<string, unknown> = {}): void {
  if (win.TelegramWebviewProxy) win.TelegramWebviewProxy.postEvent(type, JSON.stringify(data));
  else if (inFrame) window.parent.postMessage(JSON.stringify({ eventType: type, eventData: data }), '*');
}

export function onEvent(type: string, listener: Listener): void {
  listeners.set(type, [...(listeners.get(type) ?? []), listener]);
}

/** What Telegram signed for this page: the server checks it before showing anything. */
export const initData = params.get('tgWebAppData') ?? '';

const THEME_KEYS = [
  'bg_color',
  'text_color',
  'hint_color',
  'link_color',
  'button_color',
  'button_text_color',
  'secondary_bg_color',
  'section_bg_color',
  'section_header_text_color',
  'destructive_text_color',
  'accent_text_color',
];

/** Telegram's colours as CSS variables (--tg-theme-bg-color …); the page's own colours stand in without them. */
function applyTheme(theme: Record<string, unknown>): void {
  for (const key of THEME_KEYS) {
    const value = theme[key];
    if (typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value))
      document.documentElement.style.setProperty(`--tg-theme-${key.replaceAll('_', '-')}`, value);
  }
}

export function followTheme(onChange: () => void): void {
  try {
    applyTheme(JSON.parse(params.get('tgWebAppThemeParams') ?? '{}') as Record<string, unknown>);
  } catch {
    // No theme: the page's own colours.
  }
  onEvent('theme_changed', (data) => {
    applyTheme((data.theme_params as Record<string, unknown>) ?? {});
    onChange();
  });
}

export function showBackButton(visible: boolean): void {
  postEvent('web_app_setup_back_button', { is_visible: visible });
}

/** A record's page on the portal: in Telegram's own browser, or a new tab outside Telegram. */
export function openLink(url: string): void {
  if (insideTelegram) postEvent('web_app_open_link', { url });
  else window.open(url, '_blank', 'noopener');
}

export function ready(): void {
  postEvent('web_app_ready');
  postEvent('web_app_expand');
}
