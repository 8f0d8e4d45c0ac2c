// Building the page's blocks. Every text is set as text (never as markup), except the chat's own guarded lists.

type Child = Node | string | false | undefined;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child) element.append(child);
  return element;
}

/** A block that opens something on a tap, and on Enter or Space for a keyboard. */
export function tappable<T extends HTMLElement>(element: T, action: () => void): T {
  element.setAttribute('role', 'button');
  element.tabIndex = 0;
  element.addEventListener('click', action);
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      action();
    }
  });
  return element;
}

export function card(title: string, ...children: Child[]): HTMLElement {
  return el('section', { class: 'card' }, el('h2', {}, title), ...children);
}

export const note = (text: string) => el('p', { class: 'note' }, text);
