/**
 * Printable code sheets as PDF with pdfkit (maintained, pure JavaScript, embeds only the glyphs used): A4,
 * three codes across, four down, each with its address under it. Chinese needs an embedded font: a subset
 * of Noto Sans SC covering GB 2312 (assets/fonts, SIL OFL), about 2 MB, so that no system font is needed
 * in a cloud function.
 */
import type { CodeSheet, CodeSheets } from '../core/ports/code-sheets';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 36;
const COLUMNS = 3;
const ROWS = 4;
const HEADER = 64;
const CODE_SIZE = 120;

export class PdfCodeSheets implements CodeSheets {
  constructor(private readonly fontPath: string) {}

  async render(sheet: CodeSheet): Promise<Uint8Array> {
    // Loaded on first use: only the sheet action needs it, and it expects Node globals a page test lacks.
    const { default: PDFDocument } = await import('pdfkit');
    const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: sheet.title } });
    doc.registerFont('cjk', this.fontPath);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Uint8Array>((resolve, reject) => {
      doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
      doc.on('error', reject);
    });

    const cellWidth = (A4.width - 2 * MARGIN) / COLUMNS;
    const cellHeight = (A4.height - 2 * MARGIN - HEADER) / ROWS;
    const perPage = COLUMNS * ROWS;
    sheet.cells.forEach((cell, i) => {
      const slot = i % perPage;
      if (slot === 0) {
        if (i > 0) doc.addPage();
        doc
          .font('cjk')
          .fontSize(16)
          .text(sheet.title, MARGIN, MARGIN, { width: A4.width - 2 * MARGIN });
        doc
          .fontSize(9)
          .fillColor('#555')
          .text(sheet.subtitle, { width: A4.width - 2 * MARGIN });
        doc.fillColor('#000');
      }
      const x = MARGIN + (slot % COLUMNS) * cellWidth;
      const y = MARGIN + HEADER + Math.floor(slot / COLUMNS) * cellHeight;
      // A cut line around each cell: the sheet is cut and each household gets its own code.
      doc
        .save()
        .lineWidth(0.5)
        .dash(3, { space: 3 })
        .strokeColor('#999')
        .rect(x, y, cellWidth, cellHeight)
        .stroke()
        .restore();
      doc.image(Buffer.from(cell.image), x + (cellWidth - CODE_SIZE) / 2, y + 12, {
        width: CODE_SIZE,
        height: CODE_SIZE,
      });
      doc
        .font('cjk')
        .fontSize(10)
        .text(cell.caption, x + 6, y + 12 + CODE_SIZE + 8, {
          width: cellWidth - 12,
          align: 'center',
        });
    });
    doc.end();
    return done;
  }
}
