/**
 * The policy-table brief as a PDF (`GET /meetings/:id/brief?format=pdf`, docs/design.md §4b): a
 * rendering of the one content model (`buildBriefModel`, which the HTML brief and the web's print
 * page draw too) — its texts, the evidence chart as SVG, the top-ten table, the decision's facts
 * and effect — laid out with PDFKit on A4, one page per agenda item. The model is built on the
 * signals' presentation for the reader's role, so no figure below the disclosure minimum can
 * appear in it.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { BriefModel } from 'contracts';
import { renderChart } from './brief';
import { TEXTS } from '../core/signals/texts';

const BLUE = '#154273';
const RED = '#b3261e';
const GREY = '#555555';
const MARGIN = 50;

/** PDFKit's standard fonts speak WinAnsi: characters outside it are written the nearest way. */
function safe(s: string): string {
  return s
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .replace(/\u2264/g, '<=')
    .replace(/\u2265/g, '>=')
    .replace(/[\u2009\u202f\u00a0]/g, ' ')
    // eslint-disable-next-line no-control-regex -- keeps Latin-1 (the PDF font's range) and replaces the rest
    .replace(/[^\u0000-\u00ff\u2018\u2019\u201c\u201d\u2014\u2026\u20ac\u2022]/g, '?');
}

export function renderBriefPdf(model: BriefModel): Promise<Buffer> {
  const { meeting, lang, labels: L } = model;
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true,
    info: { Title: safe(`${model.kicker}: ${meeting.title}`), Author: 'Wijksignaal', Subject: safe(meeting.areaName) },
    lang: TEXTS[lang].locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const heading = (s: string, size: number, color = '#1b1b1b') => doc.font('Helvetica-Bold').fontSize(size).fillColor(color).text(safe(s), { width });
  const para = (s: string, opts: { bold?: boolean; italic?: boolean; color?: string; size?: number } = {}) =>
    doc.font(opts.bold ? 'Helvetica-Bold' : opts.italic ? 'Helvetica-Oblique' : 'Helvetica').fontSize(opts.size ?? 10).fillColor(opts.color ?? '#1b1b1b').text(safe(s), { width });
  const small = (s: string) => para(s, { size: 8.5, color: GREY });
  const gap = (n = 6) => doc.moveDown(n / 12);

  heading(`${model.kicker}: ${meeting.title}`, 16);
  small(model.meta);
  gap(8);
  if (model.items.length === 0) para(L.noItems);
  model.items.forEach((b, n) => {
    if (n > 0) {
      doc.addPage();
      small(`${model.kicker}: ${meeting.title} · ${meeting.date}`);
      gap(4);
    }
    heading(b.heading, 13, BLUE);
    if (b.facts.length) small(b.facts.join(' · '));
    gap();
    if (b.quadrant) heading(L.see, 10.5, BLUE);
    para(b.explanation);
    const svg = b.evidence ? renderChart(b.evidence.chart, { lang, names: b.evidence.names, marks: b.evidence.marks, afterData: L.afterData }) : '';
    if (svg) {
      // Each chart is 480 × 150 user units; stacked charts (leader, follower) follow each other.
      for (const one of svg.split(/(?=<svg )/).filter((x) => x.startsWith('<svg'))) {
        const h = (width * 150) / 480;
        if (doc.y + h > doc.page.height - MARGIN - 140) break; // one page per item: keep room for the conversation
        SVGtoPDF(doc, one, MARGIN, doc.y + 4, { width, height: h, assumePt: true });
        doc.y += h + 8;
      }
    }
    const top = b.evidence?.table;
    if (top) {
      doc.font('Helvetica-Bold').fontSize(9).fillColor('#1b1b1b').text(safe(top.caption), MARGIN, doc.y, { width });
      doc.font('Helvetica-Bold').fontSize(8.5).fillColor(GREY);
      const y0 = doc.y;
      doc.text(safe(top.columns[0]), MARGIN, y0, { width: width * 0.6 });
      doc.text(safe(top.columns[1]), MARGIN + width * 0.6, y0, { width: width * 0.4, align: 'right' });
      for (const r of top.rows) {
        doc.font(r.mark ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(r.mark ? RED : '#1b1b1b');
        const y = doc.y;
        doc.text(safe(r.label), MARGIN, y, { width: width * 0.6, lineBreak: false, ellipsis: true });
        doc.text(safe(r.value), MARGIN + width * 0.6, y, { width: width * 0.4, align: 'right' });
      }
      doc.x = MARGIN;
      gap();
    }
    if (b.quadrant) {
      const boxTop = doc.y;
      doc.x = MARGIN + 8;
      doc.font('Helvetica-Bold').fontSize(10).fillColor('#1b1b1b').text(safe(b.quadrant.heading), { width: width - 12 });
      doc.font('Helvetica-Oblique').fontSize(10).text(safe(b.quadrant.inclusion), { width: width - 12 });
      doc.rect(MARGIN, boxTop - 2, 3, doc.y - boxTop + 4).fill(BLUE);
      doc.x = MARGIN;
      gap();
      heading(L.interpretation, 10.5, BLUE);
      if (b.interpretation.length) {
        // One page per item: the newest four lines (the HTML and print page list them all).
        for (const i of b.interpretation.slice(-4)) para(`• ${i}`);
      } else para(L.noInterpretation);
    }
    if (b.question) {
      gap();
      heading(L.question, 10.5, BLUE);
      para(b.question, { bold: true });
    }
    if (b.notes) {
      gap();
      heading(L.notes, 10.5, BLUE);
      para(b.notes);
    }
    gap();
    heading(L.decision, 10.5, BLUE);
    if (b.decision) {
      para(`${b.decision.text}${b.decision.decidedOn ? ` (${b.decision.decidedOn})` : ''}`);
      para(b.decision.facts.join(' · '));
    } else {
      // Room to write the decision in by hand.
      const h = Math.min(60, Math.max(0, doc.page.height - MARGIN - doc.y - 20));
      if (h > 10) {
        doc.rect(MARGIN, doc.y + 2, width, h).lineWidth(0.7).stroke('#999999');
        doc.y += h + 4;
      }
    }
    if (b.effect) {
      gap();
      heading(L.effect, 10.5, BLUE);
      para(b.effect.text);
      if (b.effect.warning) para(b.effect.warning, { bold: true, color: RED });
    }
  });

  // Footer on every page: the source and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 14;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(GREY).text(safe(`${L.source} · ${L.page} ${i + 1}/${range.count}`), MARGIN, bottom, { width, lineBreak: false });
  }
  doc.end();
  return done;
}
