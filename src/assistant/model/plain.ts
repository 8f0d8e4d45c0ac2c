// Model-written words as plain text: models write <br>, HTML and Markdown tables that Telegram refuses or shows as
// a wall of symbols. The assistant escapes and guards the result like any other text.
import { plainTextOf } from '../../views/plain-text.ts';

const tableRuler = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

function tableRowAsBullet(line: string): string {
  if (!/^\s*\|.*\|\s*$/.test(line)) return line;
  const cells = line
    .trim()
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean);
  return `• ${cells.join(' — ')}`;
}

export function modelText(content: string): string {
  const withoutHtml = plainTextOf(
    content.replace(/<br\s*\/?>/gi, '\n').replace(/<\/?(p|div|li|ul|ol|tr)\b[^>]*>/gi, '\n'),
  );
  return withoutHtml
    .split('\n')
    .filter((line) => !tableRuler.test(line))
    .map((line) =>
      tableRowAsBullet(line)
        .replace(/^\s*#{1,6}\s+/, '')
        .replace(/^\s*[-*]\s+/, '• ')
        .replace(/\*\*(.+?)\*\*|__(.+?)__/g, '$1$2')
        .replace(/`([^`]+)`/g, '$1')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
