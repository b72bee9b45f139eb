import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageInterval } from '../../core/staffing';
import { useFormat } from '../format';
import { useBuiltinNames } from '../i18n/useBuiltinNames';

/** Status colours; the table and the list say the same in words, so colour is never the only sign. */
export const STATUS_COLOR = { under: '#c62828', ok: '#2e7d32', over: '#ef8f00' } as const;
/** People rostered while the channel is closed: neither short nor over, nobody is needed then. */
export const CLOSED_BAR = '#8a94a6';

const HEIGHT_PX = 250;
const MARGIN = { top: 14, right: 12, bottom: 30, left: 34 } as const;

interface Props {
  /** One day's intervals of one channel, in order. */
  intervals: readonly CoverageInterval[];
  /** The top of the y axis, the same for every day of the week so days compare. */
  maxAgents: number;
  selected: string | null;
  onSelect(start: string): void;
  /** "Tuesday 24 November": what the list of intervals is named after. */
  dayName: string;
  channel: string;
  /** When an interval ends: the next one's start, so a day with a clock change reads right. */
  endOf(x: CoverageInterval): string;
}

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [widthPx, setWidthPx] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidthPx(el.clientWidth);
    const observer = new ResizeObserver(() => setWidthPx(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, widthPx };
}

/** 1, 2, 5, 10… whichever keeps the y axis to about five lines. */
function tickStep(max: number): number {
  for (const step of [1, 2, 5, 10, 20, 50, 100]) if (max / step <= 6) return step;
  return Math.ceil(max / 6);
}

/**
 * One day of agents on shift (bars) against agents needed (a stepped line), closed hours hatched.
 * Drawn by hand rather than with recharts so each interval is a whole column to click (the full
 * height, bar and gap), a focusable option to reach by keyboard (arrow keys, Home, End), and
 * picking one leaves a soft highlight instead of a chart library's focus box.
 */
export function CoverageChart({ intervals, maxAgents, selected, onSelect, dayName, channel, endOf }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const names = useBuiltinNames();
  const { ref, widthPx } = useWidth();
  const hatch = `${useId().replace(/:/g, '')}-closed`;
  const [hovered, setHovered] = useState<number | null>(null);
  const options = useRef<(HTMLDivElement | null)[]>([]);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  const n = intervals.length;
  const plotW = Math.max(0, widthPx - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT_PX - MARGIN.top - MARGIN.bottom;
  const band = n > 0 ? plotW / n : 0;
  const step = tickStep(Math.max(1, maxAgents));
  const top = Math.max(step, Math.ceil(Math.max(1, maxAgents) / step) * step);
  const y = (agents: number) => MARGIN.top + plotH - (Math.min(agents, top) / top) * plotH;
  const x = (i: number) => MARGIN.left + i * band;
  const selectedIndex = intervals.findIndex((iv) => iv.start === selected);
  // The one option in the tab order: the picked interval, else the first open one.
  const tabStop = selectedIndex >= 0 ? selectedIndex : Math.max(0, intervals.findIndex((iv) => iv.open));

  useEffect(() => {
    if (focusIndex !== null) options.current[focusIndex]?.focus();
  }, [focusIndex]);

  const time = (iso: string) => fmt.clock(iso.slice(11, 16));
  const describe = (iv: CoverageInterval) => {
    const when = `${time(iv.start)}–${time(endOf(iv))}`;
    if (!iv.open) return t('forecast.chart.closedInterval', { when, onShift: fmt.number(iv.onShift, 2), contacts: fmt.number(iv.volume, 1) });
    return t('forecast.chart.interval', { when, onShift: fmt.number(iv.onShift, 2), required: fmt.number(iv.required), status: t(`forecast.status.${iv.status}`) });
  };

  function onKey(e: KeyboardEvent<HTMLDivElement>, i: number) {
    const to = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: n - 1, PageDown: i + 4, PageUp: i - 4 }[e.key];
    if (to === undefined) {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const iv = intervals[i];
        if (iv) onSelect(iv.start);
      }
      return;
    }
    e.preventDefault();
    const next = Math.max(0, Math.min(n - 1, to));
    const iv = intervals[next];
    if (!iv) return;
    onSelect(iv.start);
    setFocusIndex(next);
  }

  // Closed hours as runs, so each is one hatched block with one word on it.
  const closedRuns: { from: number; to: number }[] = [];
  intervals.forEach((iv, i) => {
    if (iv.open) return;
    const last = closedRuns.at(-1);
    if (last && last.to === i - 1) last.to = i;
    else closedRuns.push({ from: i, to: i });
  });

  // The requirement as a step line, at 0 while closed (nobody is needed then).
  const need = intervals.map((iv) => (iv.open ? iv.required : 0));
  const path = need.map((r, i) => `${i === 0 ? 'M' : 'L'}${x(i)},${y(r)} L${x(i + 1)},${y(r)}`).join(' ');
  const hourEvery = band * (60 / minutesOf(intervals)) >= 34 ? 1 : band * (60 / minutesOf(intervals)) >= 17 ? 2 : 3;
  const gap = band >= 6 ? Math.min(3, band * 0.2) : 0;
  const tooltipIndex = hovered ?? focusIndex;
  const tooltip = tooltipIndex === null ? null : intervals[tooltipIndex];

  return (
    <div className="coverage-chart" ref={ref}>
      {widthPx > 0 && (
        <svg width={widthPx} height={HEIGHT_PX} aria-hidden="true" focusable="false">
          <defs>
            <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill="#eef0f4" />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#cfd4dc" strokeWidth="2.5" />
            </pattern>
          </defs>
          {closedRuns.map((r) => (
            <g key={r.from}>
              <rect x={x(r.from)} y={MARGIN.top} width={x(r.to + 1) - x(r.from)} height={plotH} fill={`url(#${hatch})`} />
              {x(r.to + 1) - x(r.from) > 56 && (
                <text x={(x(r.from) + x(r.to + 1)) / 2} y={MARGIN.top + 14} textAnchor="middle" className="chart-closed-label">
                  {t('forecast.chart.closed')}
                </text>
              )}
            </g>
          ))}
          {Array.from({ length: top / step + 1 }, (_, k) => k * step).map((v) => (
            <g key={v}>
              <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#8a94a6' : '#e3e6eb'} />
              <text x={MARGIN.left - 6} y={y(v) + 4} textAnchor="end" className="chart-tick">
                {fmt.number(v)}
              </text>
            </g>
          ))}
          {selectedIndex >= 0 && <rect x={x(selectedIndex)} y={MARGIN.top} width={band} height={plotH} className="chart-picked" />}
          {hovered !== null && hovered !== selectedIndex && <rect x={x(hovered)} y={MARGIN.top} width={band} height={plotH} className="chart-hover" />}
          {intervals.map((iv, i) => (
            <rect
              key={iv.start}
              x={x(i) + gap / 2}
              y={y(iv.onShift)}
              width={Math.max(1, band - gap)}
              height={Math.max(0, y(0) - y(iv.onShift))}
              fill={iv.open ? STATUS_COLOR[iv.status] : CLOSED_BAR}
              data-status={iv.open ? iv.status : 'closed'}
            />
          ))}
          <path d={path} fill="none" stroke="#1d2330" strokeWidth="2" />
          {intervals.map((iv, i) => {
            const minute = Number(iv.start.slice(14, 16));
            const hour = Number(iv.start.slice(11, 13));
            if (minute !== 0 || hour % hourEvery !== 0) return null;
            return (
              <g key={iv.start}>
                <line x1={x(i)} x2={x(i)} y1={MARGIN.top + plotH} y2={MARGIN.top + plotH + 4} stroke="#8a94a6" />
                <text x={x(i)} y={MARGIN.top + plotH + 17} textAnchor="middle" className="chart-tick">
                  {time(iv.start)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <div
        role="listbox"
        aria-label={t('forecast.chart.intervals', { day: dayName, channel: names.channel(channel) })}
        aria-orientation="horizontal"
        className="coverage-hits"
        style={{ left: MARGIN.left, top: MARGIN.top, width: plotW, height: plotH }}
        onMouseLeave={() => setHovered(null)}
      >
        {intervals.map((iv, i) => (
          <div
            key={iv.start}
            ref={(el) => {
              options.current[i] = el;
            }}
            role="option"
            aria-selected={i === selectedIndex}
            aria-label={describe(iv)}
            tabIndex={i === tabStop ? 0 : -1}
            onMouseEnter={() => setHovered(i)}
            // The tooltip follows keyboard focus; after a click the explanation below says it all.
            onFocus={(e) => {
              if (e.currentTarget.matches(':focus-visible')) setFocusIndex(i);
            }}
            onBlur={() => setFocusIndex((f) => (f === i ? null : f))}
            onClick={() => onSelect(iv.start)}
            onKeyDown={(e) => onKey(e, i)}
          />
        ))}
      </div>
      {tooltip && tooltipIndex !== null && (
        <div className="chart-tooltip" aria-hidden="true" dir="auto" style={{ left: Math.min(Math.max(0, x(tooltipIndex) + band / 2 - 90), Math.max(0, widthPx - 180)) }}>
          {describe(tooltip)}
        </div>
      )}
    </div>
  );
}

function minutesOf(intervals: readonly CoverageInterval[]): number {
  const [a, b] = intervals;
  if (!a || !b) return 60;
  const m = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
  const d = m(b.start) - m(a.start);
  return d > 0 ? d : 60;
}
