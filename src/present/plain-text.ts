// Telegram HTML without markup: for a plain-text resend when Telegram refuses the HTML, and for the
// terminal demo (which may keep bold and italics as terminal styles).

const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

export interface TextStyles {
  bold: [open: string, close: string];
  italic: [open: string, close: string];
}

export function plainTextOf(html: string, styles?: TextStyles): string {
  const styled = styles
    ? html
        .replace(/<(b|strong)>([\s\S]*?)<\/\1>/g, `${styles.bold[0]}$2${styles.bold[1]}`)
        .replace(/<(i|em)>([\s\S]*?)<\/\1>/g, `${styles.italic[0]}$2${styles.italic[1]}`)
    : html;
  return styled
    .replace(/<[^>]*>/g, '')
    .replace(/&(lt|gt|amp|quot);/g, (entity) => entities[entity] ?? entity)
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)));
}
