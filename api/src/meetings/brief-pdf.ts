/**
 * The policy-table brief as a PDF (`GET /meetings/:id/brief?format=pdf`, docs/design.md §4b): the same
 * content as the HTML brief (one model: `brief.ts` — texts, the evidence chart as SVG, the top-ten
 * table), laid out with PDFKit on A4, one page per agenda item, labels in the reader's language.
 * Built on the signals' presentation for the reader's role, so no figure below the disclosure
 * minimum can appear in it.
 */
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { QUADRANT_INFO, type LocalizedText, type Meeting } from 'contracts';
import { renderChart, topTen, type BriefItem, type Ctx, type Lang } from './brief';
import { BRIEF_TEXTS as L } from './brief-texts';
import { TEXTS } from '../core/signals/texts';
import type { StoredEffect } from '../signals/signals.repository';

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

function text(t: LocalizedText | string | undefined | null, lang: Lang): string {
  if (!t) return '';
  return typeof t === 'string' ? t : t[lang] || t.nl;
}

export function renderBriefPdf(input: {
  meeting: Meeting;
  areaName: string;
  items: BriefItem[];
  lang: Lang;
  names: Map<string, string>;
  indicators: Map<string, LocalizedText>;
  generatedAt?: Date;
}): Promise<Buffer> {
  const { meeting, lang } = input;
  const t = L[lang];
  const ctx: Ctx = { lang, names: input.names, indicators: input.indicators };
  const doc = new PDFDocument({
    size: 'A4', margin: MARGIN, bufferPages: true,
    info: { Title: safe(`${t.brief}: ${meeting.title}`), Author: 'Wijksignaal', Subject: safe(input.areaName) },
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

  const header = () => {
    heading(`${t.brief}: ${meeting.title}`, 16);
    small(`${t.date}: ${meeting.date} · ${t.area}: ${input.areaName} · ${t.generated} ${(input.generatedAt ?? new Date()).toISOString().slice(0, 10)}`);
    gap(8);
  };

  header();
  if (input.items.length === 0) para(t.noItems);
  input.items.forEach((b, n) => {
    if (n > 0) {
      doc.addPage();
      small(`${t.brief}: ${meeting.title} · ${meeting.date}`);
      gap(4);
    }
    const s = b.signal;
    heading(`${t.item} ${n + 1}${s ? `. ${text(s.title, lang)}` : ''}`, 13, BLUE);
    if (!s) return;
    small([t.rule[s.rule] ?? s.rule, `${t.status}: ${t.statusName[s.status] ?? s.status}`, t.severity[s.severity], s.period].join(' · '));
    gap();
    heading(t.see, 10.5, BLUE);
    para(text(s.explanation, lang));
    const svg = renderChart(s.evidence, ctx);
    if (svg) {
      // Each chart is 480 × 150 user units; stacked charts (leader, follower) follow each other.
      for (const one of svg.split(/(?=<svg )/).filter((x) => x.startsWith('<svg'))) {
        const h = (width * 150) / 480;
        if (doc.y + h > doc.page.height - MARGIN - 140) break; // one page per item: keep room for the conversation
        SVGtoPDF(doc, one, MARGIN, doc.y + 4, { width, height: h, assumePt: true });
        doc.y += h + 8;
      }
    }
    const top = topTen(s.evidence, ctx);
    if (top) {
      doc.font('Helvetica-Bold').fontSize(8.5).fillColor(GREY);
      const y0 = doc.y;
      doc.text(safe(top.columns[0]), MARGIN, y0, { width: width * 0.7 });
      doc.text(safe(top.columns[1]), MARGIN + width * 0.7, y0, { width: width * 0.3, align: 'right' });
      for (const r of top.rows) {
        doc.font(r.mark ? 'Helvetica-Bold' : 'Helvetica').fontSize(8.5).fillColor(r.mark ? RED : '#1b1b1b');
        const y = doc.y;
        doc.text(safe(r.label), MARGIN, y, { width: width * 0.7, lineBreak: false, ellipsis: true });
        doc.text(safe(r.value), MARGIN + width * 0.7, y, { width: width * 0.3, align: 'right' });
      }
      doc.x = MARGIN;
      gap();
    }
    const q = QUADRANT_INFO[s.quadrant];
    const boxTop = doc.y;
    doc.x = MARGIN + 8;
    doc.font('Helvetica-Bold').fontSize(10).fillColor('#1b1b1b').text(safe(`${t.quadrant} ${s.quadrant} — ${q.name[lang]} (${q.keyConcept[lang]})`), { width: width - 12 });
    doc.font('Helvetica-Oblique').fontSize(10).text(safe(`${t.inclusion}: ${q.inclusionQuestion[lang]}`), { width: width - 12 });
    doc.rect(MARGIN, boxTop - 2, 3, doc.y - boxTop + 4).fill(BLUE);
    doc.x = MARGIN;
    gap();
    heading(t.interpretation, 10.5, BLUE);
    if (b.interpretation.length) {
      for (const i of b.interpretation.slice(-4)) para(`• ${i.at} · ${i.actor} (${t.statusName[i.to] ?? i.to}): ${i.comment}`);
    } else para(t.none);
    gap();
    heading(t.question, 10.5, BLUE);
    para(text(s.question, lang), { bold: true });
    if (b.item.notes) {
      gap();
      heading(t.notes, 10.5, BLUE);
      para(b.item.notes);
    }
    if (b.item.decision) {
      gap();
      heading(t.decision, 10.5, BLUE);
      para(`${b.item.decision}${b.item.decidedAt ? ` (${b.item.decidedAt.slice(0, 10)})` : ''}`);
      effect(b.effect);
    }
  });

  function effect(e: StoredEffect | null): void {
    gap();
    heading(t.effect, 10.5, BLUE);
    if (!e) return void para(t.unknown);
    const rel = e.relativeChange !== null && e.direction !== 'unknown' ? ` (${e.relativeChange >= 0 ? '+' : '-'}${Math.round(Math.abs(e.relativeChange) * 100)}%)` : '';
    para(`${t[e.direction]}${rel}`);
    if (e.persists) para(t.persists, { bold: true, color: RED });
  }

  // Footer on every page: the source and the page number.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - MARGIN + 14;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(7.5).fillColor(GREY).text(safe(`${t.source} · ${t.page} ${i + 1}/${range.count}`), MARGIN, bottom, { width, lineBreak: false });
  }
  doc.end();
  return done;
}
