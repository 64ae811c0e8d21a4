/**
 * The brief for a policy-table conversation as printable HTML (A4): a rendering of the one content
 * model (`buildBriefModel` in brief-model.ts), which the PDF and the web's print page draw too.
 * Pure; every piece of user or data text goes through `esc`. Charts are inline SVG drawn from the
 * signal's evidence as the reader's role sees it (never a count below the disclosure minimum).
 */
import { placeAnnotation, type BriefItemModel, type BriefMark, type BriefModel, type BriefTable } from 'contracts';
import { fmt } from '../core/signals/text';
import type { Lang } from './brief-model';

export type { Lang } from './brief-model';

export function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function num(v: number, lang: Lang, digits = 1): string {
  return fmt(v, lang, digits);
}

const CSS = `
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, Arial, sans-serif; font-size: 10.5pt; color: #1b1b1b; margin: 0 auto; max-width: 180mm; line-height: 1.4; }
h1 { font-size: 17pt; margin: 0 0 2mm; } h2 { font-size: 13pt; margin: 0 0 2mm; } h3 { font-size: 10.5pt; margin: 3mm 0 1mm; color: #154273; }
.meta { color: #555; margin-bottom: 6mm; }
section.item { border-top: 1.5pt solid #154273; padding-top: 3mm; margin-bottom: 8mm; page-break-inside: avoid; break-inside: avoid; }
.quadrant { background: #f1f5fa; border-left: 3pt solid #154273; padding: 1.5mm 3mm; margin: 2mm 0; }
.badge { display: inline-block; font-size: 8.5pt; border: 0.7pt solid #999; border-radius: 2mm; padding: 0 2mm; margin-right: 1mm; }
svg { display: block; margin: 2mm 0; max-width: 100%; } svg text { font-size: 7pt; fill: #444; }
.write-in { border: 0.7pt solid #999; height: 22mm; }
.decision { background: #eef7ee; border-left: 3pt solid #2e7d32; padding: 1.5mm 3mm; }
.warn { color: #b3261e; font-weight: 600; }
ul { margin: 1mm 0; padding-left: 5mm; }
table.top { border-collapse: collapse; font-size: 9pt; margin: 1mm 0 2mm; min-width: 60%; } table.top caption { text-align: left; font-weight: 600; white-space: nowrap; padding-bottom: 1mm; } table.top th, table.top td { padding: 0.5mm 3mm 0.5mm 0; text-align: left; }
table.top .num { text-align: right; } table.top tr.mark td { font-weight: 600; color: #b3261e; }
@media print { a { color: inherit; text-decoration: none; } }
`;

/** What the chart renderers need: the reader's language and the names of the evidence's codes. */
export interface Ctx {
  lang: Lang;
  names: Record<string, string>;
  /** Decisions to draw on charts over periods, and the words for one later than the data. */
  marks?: BriefMark[];
  afterData?: string;
}

export function renderBrief(model: BriefModel): string {
  const body = model.items.length ? model.items.map((i) => renderItem(i, model)).join('\n') : `<p>${esc(model.labels.noItems)}</p>`;
  return `<!DOCTYPE html>
<html lang="${model.lang}">
<head><meta charset="utf-8"><title>${esc(model.kicker)} — ${esc(model.meeting.title)}</title><style>${CSS}</style></head>
<body>
<main>
<h1>${esc(model.kicker)}: ${esc(model.meeting.title)}</h1>
<div class="meta">${esc(model.meta)}</div>
${body}
</main>
<footer class="meta">${esc(model.labels.source)}</footer>
</body>
</html>`;
}

function renderItem(b: BriefItemModel, model: BriefModel): string {
  const L = model.labels;
  const ctx: Ctx = { lang: model.lang, names: b.evidence?.names ?? {}, marks: b.evidence?.marks ?? [], afterData: model.labels.afterData };
  const interp = b.interpretation.length ? `<ul>${b.interpretation.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : `<p>${esc(L.noInterpretation)}</p>`;
  const d = b.decision;
  const decision = d
    ? `<h3>${esc(L.decision)}</h3><div class="decision">${esc(d.text)}${d.decidedOn ? ` <span class="badge">${esc(d.decidedOn)}</span>` : ''}<br>${esc(d.facts.join(' · '))}</div>`
    : `<h3>${esc(L.decision)}</h3><div class="write-in"></div>`;
  const effect = b.effect
    ? `<h3>${esc(L.effect)}</h3><p>${esc(b.effect.text)}${b.effect.warning ? `<br><span class="warn">${esc(b.effect.warning)}</span>` : ''}</p>`
    : '';
  return `<section class="item">
<h2>${esc(b.heading)}</h2>
${b.facts.length ? `<div>${b.facts.map((f) => `<span class="badge">${esc(f)}</span>`).join('')}</div>` : ''}
${b.quadrant ? `<h3>${esc(L.see)}</h3>` : ''}
<p>${esc(b.explanation)}</p>
${b.evidence ? renderChart(b.evidence.chart, ctx) : ''}
${renderTop(b.evidence?.table ?? null)}
${b.quadrant ? `<div class="quadrant"><strong>${esc(b.quadrant.heading)}</strong><br><em>${esc(b.quadrant.inclusion)}</em></div>` : ''}
${b.quadrant ? `<h3>${esc(L.interpretation)}</h3>\n${interp}` : ''}
${b.question ? `<h3>${esc(L.question)}</h3>\n<p><strong>${esc(b.question)}</strong></p>` : ''}
${b.notes ? `<h3>${esc(L.notes)}</h3><p>${esc(b.notes)}</p>` : ''}
${decision}
${effect}
</section>`;
}

// ------------------------------------------------------------------ charts (inline SVG, no JS)

const W = 480;
const H = 150;
const PAD = { l: 36, r: 10, t: 10, b: 22 };

function scale(min: number, max: number, a: number, b: number): (v: number) => number {
  const span = max - min || 1;
  return (v) => a + ((v - min) / span) * (b - a);
}

function label(code: string, ctx: Ctx): string {
  return ctx.names[code] ?? code;
}

function frame(inner: string, title: string, yMin: number, yMax: number, ctx: Ctx): string {
  const y = scale(yMin, yMax, H - PAD.b, PAD.t);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}" font-family="Helvetica, Arial, sans-serif" font-size="8">
<title>${esc(title)}</title>
<line x1="${PAD.l}" y1="${PAD.t}" x2="${PAD.l}" y2="${H - PAD.b}" stroke="#999"/><line x1="${PAD.l}" y1="${H - PAD.b}" x2="${W - PAD.r}" y2="${H - PAD.b}" stroke="#999"/>
<text x="${PAD.l - 3}" y="${y(yMax) + 3}" text-anchor="end" fill="#444">${esc(num(yMax, ctx.lang))}</text><text x="${PAD.l - 3}" y="${y(yMin) + 3}" text-anchor="end" fill="#444">${esc(num(yMin, ctx.lang))}</text>
${inner}</svg>`;
}

interface SeriesLike {
  indicator?: string;
  points?: { period: string; value: number | null; expected?: number | null; threshold?: number | null }[];
}

function seriesChart(e: SeriesLike, ctx: Ctx, color = '#154273'): string {
  const pts = (e.points ?? []).filter((p) => typeof p.period === 'string');
  if (pts.length < 2) return '';
  const vals = pts.flatMap((p) => [p.value, p.threshold, p.expected]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (!vals.length) return '';
  const yMin = Math.min(0, ...vals);
  const yMax = Math.max(...vals) * 1.05 || 1;
  const x = scale(0, pts.length - 1, PAD.l + 4, W - PAD.r - 4);
  const y = scale(yMin, yMax, H - PAD.b, PAD.t);
  const path = (get: (p: (typeof pts)[number]) => number | null | undefined): string => {
    let d = '';
    let pen = false;
    pts.forEach((p, i) => {
      const v = get(p);
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const line = path((p) => p.value);
  const thr = path((p) => p.threshold);
  const dots = pts
    .map((p, i) => (typeof p.value === 'number' ? `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2" fill="${color}"/>` : ''))
    .join('');
  const ticks = pts
    .map((p, i) => (i === 0 || i === pts.length - 1 || pts.length <= 8 ? `<text x="${x(i).toFixed(1)}" y="${H - 8}" text-anchor="middle">${esc(p.period)}</text>` : ''))
    .join('');
  const name = e.indicator ? label(e.indicator, ctx) : '';
  // Each decision as a vertical line at the period it takes effect (dotted, "na de laatste gegevens", when later than the data).
  const periods = pts.map((p) => p.period);
  const marks = (ctx.marks ?? [])
    .map((m) => {
      const place = placeAnnotation(m.date, periods);
      if (!place) return '';
      const at = x(periods.indexOf(place.period)).toFixed(1);
      const words = place.afterData ? `${m.text} (${ctx.afterData ?? ''})` : m.text;
      return `<line x1="${at}" x2="${at}" y1="${PAD.t}" y2="${H - PAD.b}" stroke="#8a4b00" stroke-dasharray="${place.afterData ? '1 2' : '4 3'}" stroke-width="${place.afterData ? 2 : 1}"/><text x="${(Number(at) - 3).toFixed(1)}" y="${PAD.t + 7}" text-anchor="end" fill="#5c3200">${esc(words)}</text>`;
    })
    .join('');
  return frame(
    `${thr ? `<path d="${thr}" fill="none" stroke="#b3261e" stroke-dasharray="4 3"/>` : ''}${line ? `<path d="${line}" fill="none" stroke="${color}" stroke-width="1.5"/>` : ''}${dots}${ticks}${marks}`,
    name,
    yMin,
    yMax,
    ctx,
  );
}

function funnelChart(e: {
  indicator?: string;
  target?: number;
  points?: { subject: string; denominator: number | string | null; value: number | null; highlighted: boolean }[];
  limits?: { denominator: number; lower: number; upper: number }[];
}, ctx: Ctx): string {
  const pts = (e.points ?? []).filter((p): p is { subject: string; denominator: number; value: number; highlighted: boolean } => typeof p.denominator === 'number' && typeof p.value === 'number');
  const limits = (e.limits ?? []).filter((l) => Number.isFinite(l.lower) && Number.isFinite(l.upper));
  if (!pts.length) return '';
  const xs = [...pts.map((p) => p.denominator), ...limits.map((l) => l.denominator)];
  const ys = [...pts.map((p) => p.value), ...limits.map((l) => l.upper), ...limits.map((l) => l.lower), e.target ?? 0];
  const yMin = Math.max(0, Math.min(...ys));
  const yMax = Math.max(...ys) * 1.05 || 1;
  const x = scale(Math.min(...xs), Math.max(...xs), PAD.l + 4, W - PAD.r - 4);
  const y = scale(yMin, yMax, H - PAD.b, PAD.t);
  const curve = (get: (l: (typeof limits)[number]) => number): string =>
    limits.map((l, i) => `${i ? 'L' : 'M'}${x(l.denominator).toFixed(1)},${y(get(l)).toFixed(1)}`).join(' ');
  const target = typeof e.target === 'number' ? `<line x1="${PAD.l}" x2="${W - PAD.r}" y1="${y(e.target).toFixed(1)}" y2="${y(e.target).toFixed(1)}" stroke="#777"/>` : '';
  const dots = pts
    .map((p) => `<circle cx="${x(p.denominator).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="${p.highlighted ? 4 : 2.5}" fill="${p.highlighted ? '#b3261e' : '#154273'}"><title>${esc(label(p.subject, ctx))}</title></circle>`)
    .join('');
  const hl = pts.find((p) => p.highlighted);
  const hlLabel = hl ? `<text x="${(x(hl.denominator) + 6).toFixed(1)}" y="${(y(hl.value) + 3).toFixed(1)}">${esc(label(hl.subject, ctx))}</text>` : '';
  const name = e.indicator ? label(e.indicator, ctx) : '';
  return frame(
    `${limits.length ? `<path d="${curve((l) => l.upper)}" fill="none" stroke="#b3261e" stroke-dasharray="4 3"/><path d="${curve((l) => l.lower)}" fill="none" stroke="#b3261e" stroke-dasharray="4 3"/>` : ''}${target}${dots}${hlLabel}`,
    name,
    yMin,
    yMax,
    ctx,
  );
}

function barChart(bars: { label: string; value: number; mark: boolean }[], title: string, ctx: Ctx): string {
  if (!bars.length) return '';
  const shown = bars.slice(0, 30);
  const vals = shown.map((b) => b.value);
  const yMin = Math.min(0, ...vals);
  const yMax = Math.max(0, ...vals) || 1;
  const y = scale(yMin, yMax, H - PAD.b, PAD.t);
  const bw = (W - PAD.l - PAD.r) / shown.length;
  const rects = shown
    .map((b, i) => {
      const top = Math.min(y(b.value), y(0));
      const h = Math.abs(y(b.value) - y(0));
      return `<rect x="${(PAD.l + i * bw + 1).toFixed(1)}" y="${top.toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${b.mark ? '#b3261e' : '#9db3cf'}"><title>${esc(b.label)}</title></rect>`;
    })
    .join('');
  return frame(rects, title, yMin, yMax, ctx);
}

function renderTop(table: BriefTable | null): string {
  if (!table) return '';
  return `<table class="top"><caption>${esc(table.caption)}</caption><thead><tr><th>${esc(table.columns[0])}</th><th class="num">${esc(table.columns[1])}</th></tr></thead><tbody>${table.rows
    .map((r) => `<tr${r.mark ? ' class="mark"' : ''}><td>${esc(r.label)}</td><td class="num">${esc(r.value)}</td></tr>`)
    .join('')}</tbody></table>`;
}

export function renderChart(evidence: unknown, ctx: Ctx): string {
  if (!evidence || typeof evidence !== 'object') return '';
  const e = evidence as { kind?: string } & Record<string, unknown>;
  switch (e.kind) {
    case 'series':
      return seriesChart(e as SeriesLike, ctx);
    case 'funnel':
      return funnelChart(e as Parameters<typeof funnelChart>[0], ctx);
    case 'leader-follower': {
      const lf = e as { leader?: SeriesLike; follower?: SeriesLike };
      return `${lf.leader ? seriesChart(lf.leader, ctx, '#6a4c93') : ''}${lf.follower ? seriesChart(lf.follower, ctx) : ''}`;
    }
    case 'share': {
      const s = e as { indicator?: string; areas?: { subject: string; relativeChange: number | null; rose: boolean }[] };
      const bars = (s.areas ?? []).filter((a) => typeof a.relativeChange === 'number').map((a) => ({ label: label(a.subject, ctx), value: (a.relativeChange as number) * 100, mark: a.rose }));
      return barChart(bars, s.indicator ? label(s.indicator, ctx) : '', ctx);
    }
    case 'profile': {
      const p = e as { subject?: string; indicators?: { indicator: string; z: number; counted: boolean }[] };
      const bars = (p.indicators ?? []).filter((i) => typeof i.z === 'number').map((i) => ({ label: label(i.indicator, ctx), value: i.z, mark: i.counted }));
      return barChart(bars, p.subject ? label(p.subject, ctx) : '', ctx);
    }
    default:
      return '';
  }
}
