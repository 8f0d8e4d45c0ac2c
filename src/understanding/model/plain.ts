// Model-written words as plain text: models write <br>, HTML and Markdown tables that Telegram refuses or shows as
// a wall of symbols. The assistant escapes and guards the result like any other text.
import { untable } from '../../present/guard.ts';
import { plainTextOf } from '../../present/plain-text.ts';

// Reasoning models served locally (Qwen, DeepSeek via Ollama or llama.cpp) put their thinking in the answer.
const withoutThinking = (content: string) => content.replace(/<think(?:ing)?>[\s\S]*?(?:<\/think(?:ing)?>|$)/gi, '');

/**
 * A tool call left in the text by a server without native tool calling: `{"name": …, "arguments": {…}}`,
 * bare, in a code fence or in `<tool_call>` tags.
 */
export function toolCallInText(content: string): { name: string; arguments: string } | undefined {
  const body = withoutThinking(content)
    .trim()
    .replace(/^<tool_call>([\s\S]*)<\/tool_call>$/i, '$1')
    .replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/i, '$1')
    .trim();
  if (!body.startsWith('{')) return undefined;
  try {
    const call = JSON.parse(body) as { name?: unknown; arguments?: unknown; parameters?: unknown };
    if (typeof call.name !== 'string') return undefined;
    const args = call.arguments ?? call.parameters ?? {};
    return { name: call.name, arguments: typeof args === 'string' ? args : JSON.stringify(args) };
  } catch {
    return undefined;
  }
}

/** Text that is data rather than words (a JSON object or list): never shown to the director. */
export function looksLikeData(content: string): boolean {
  const body = withoutThinking(content)
    .trim()
    .replace(/^```\w*\s*([\s\S]*?)\s*```$/, '$1')
    .trim();
  if (!/^[[{]/.test(body)) return false;
  try {
    JSON.parse(body);
    return true;
  } catch {
    return /^[[{]\s*"/.test(body);
  }
}

// Telegram turns a bare address or @name into something to tap. The model may invent either (or copy one from
// hostile portal text), so its words keep them readable but inert: the dots of an address become "․" (one dot
// leader), "://" and "@" get a word joiner after them.
const address = /(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[a-zа-яё0-9-]+\.)+[a-zа-яё]{2,}(?:[/?#]\S*)?/gi;
const mention = /@(?=[a-z0-9_]{3,})/gi;

function inert(line: string): string {
  return line
    .replace(address, (found) => found.replace(/\./g, '\u2024').replace('://', ':\u2060//'))
    .replace(mention, '@\u2060');
}

export function modelText(content: string): string {
  const withoutHtml = plainTextOf(
    withoutThinking(content)
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/?(p|div|li|ul|ol|tr)\b[^>]*>/gi, '\n'),
  );
  return untable(withoutHtml)
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*[-*]\s+/, '• ')
        .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1')
        .trimEnd(),
    )
    .map(inert)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
