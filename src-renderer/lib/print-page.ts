import { formatDate } from '../../src-main/core/report/model/dates';
import type { ReportCover } from '../../src-main/core/report/model/report-model';

/**
 * The printed pages as the PDF has them: A4, the diagram on landscape pages, and the running
 * header and footer (the report, customer and site with the issue date at the top of every
 * page but the cover; the tool and matrix with "Page N of M" at the bottom of every page).
 * CSS takes these only as @page rules, whose strings cannot come from the document, so the
 * rules are written with the cover's words.
 */
export function printPageRules(cover: ReportCover): string {
  const head = cssString(`${cover.title} · ${cover.customer} · ${cover.site}`);
  const issued = cssString(`Issued ${formatDate(cover.issuedAt)}`);
  const foot = cssString(`${cover.tool.name} ${cover.tool.version} · ${cover.matrixTitle}`);
  const box = 'font: 7pt "DejaVu Sans", "Noto Sans", sans-serif; color: #5f6368;';
  return [
    '@page { size: A4; margin: 20mm 16mm 18mm; }',
    '@page landscape { size: A4 landscape; }',
    `@page { @top-left { content: ${head}; ${box} } @top-right { content: ${issued}; ${box} }`,
    `  @bottom-left { content: ${foot}; ${box} } @bottom-right { content: "Page " counter(page) " of " counter(pages); ${box} color: #1a1a1a; } }`,
    '@page :first { @top-left { content: none; } @top-right { content: none; } }',
  ].join('\n');
}

/**
 * A CSS string literal of any text: quotes, backslashes and line breaks escaped, and "<" too,
 * so no customer name can end the rule or the style element it is written into.
 */
export function cssString(text: string): string {
  const escaped = [...text]
    .map((char) => {
      if (char === '"' || char === '\\') return `\\${char}`;
      const code = char.codePointAt(0)!;
      return code < 0x20 || code === 0x7f || char === '<' ? `\\${code.toString(16)} ` : char;
    })
    .join('');
  return `"${escaped}"`;
}
