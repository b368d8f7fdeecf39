import * as echarts from 'echarts';
import type { Locale } from '../../site-shell/web/i18n';
import { formatDate } from '../../site-shell/web/i18n';
import type { MilestoneView } from '../view-decision/decision-page-model';

export const CHART_WIDTH = 720;

/** The chart's height for `n` milestones (the page gives the `<img>` the same size, so nothing jumps). */
export function chartHeight(n: number): number {
  return Math.max(160, 90 + n * 44);
}

const WORDS = {
  'zh-CN': { title: '各里程碑完成进度', overdue: '（逾期）', done: '已完成', due: '期限' },
  en: { title: 'Progress of each milestone', overdue: ' (overdue)', done: 'done', due: 'due' },
} as const;

const COLORS = { done: '#1b6e35', overdue: '#b00020', open: '#1d4f91' };

/**
 * Execution progress as a horizontal bar per milestone (0–100 %), overdue ones red, rendered on the
 * server by Apache ECharts into an SVG document. The instance is always disposed: a live one keeps a
 * timer that holds the process open.
 */
export function renderProgressChart(milestones: readonly MilestoneView[], locale: Locale): string {
  const words = WORDS[locale];
  const label = (m: MilestoneView): string =>
    `${m.title}${m.overdue && !m.completed ? words.overdue : ''}\n${words.due} ${formatDate(m.dueAt)}`;
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: chartHeight(milestones.length),
  });
  try {
    chart.setOption({
      animation: false,
      title: { text: words.title, left: 8, top: 6, textStyle: { fontSize: 15, color: '#1f2328' } },
      grid: { left: 190, right: 56, top: 44, bottom: 28 },
      xAxis: {
        type: 'value',
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%', color: '#444' },
        splitLine: { lineStyle: { color: '#e5e5e5' } },
      },
      yAxis: {
        type: 'category',
        inverse: true,
        data: milestones.map(label),
        axisLabel: { color: '#1f2328', width: 170, overflow: 'truncate', lineHeight: 16 },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          data: milestones.map((m) => ({
            value: m.percent,
            itemStyle: { color: m.completed ? COLORS.done : m.overdue ? COLORS.overdue : COLORS.open },
          })),
          label: { show: true, position: 'right', formatter: '{c}%', color: '#1f2328' },
          showBackground: true,
          backgroundStyle: { color: '#f1f3f5' },
        },
      ],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
