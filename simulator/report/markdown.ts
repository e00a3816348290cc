import type { Scenario } from '../scenario-schema.js';
import { METRICS } from '../metrics.js';
import { number } from './format.js';
import { CAVEATS, findings, LABELS, type Summary } from './summary.js';

/** The same report as Markdown, for e-mail, wikis and diffs. */
export function renderMarkdown(scenario: Scenario, summary: Summary, seeds: readonly number[]): string {
  const ms = scenario.mechanisms;
  const cell = (m: string, metric: (typeof METRICS)[number]) => {
    const s = summary[m]?.[metric];
    return `${number(s?.mean ?? null, 3)}${s?.ci95 ? ` [${number(s.ci95[0], 2)}, ${number(s.ci95[1], 2)}]` : ''}`;
  };
  return [
    `# ${scenario.name}`,
    '',
    scenario.description,
    '',
    `${scenario.days} days from ${scenario.start}; countries ${Object.keys(scenario.countries).join(', ')}; seeds ${seeds.join(', ')}.`,
    '',
    '## What changes',
    '',
    ...findings(scenario, summary, seeds).map((f) => `- ${f}`),
    '',
    '## All figures',
    '',
    `| metric | ${ms.map((m) => LABELS[m] ?? m).join(' | ')} |`,
    `|---|${ms.map(() => '---:').join('|')}|`,
    ...METRICS.map((metric) => `| ${metric} | ${ms.map((m) => cell(m, metric)).join(' | ')} |`),
    '',
    '## Caveats',
    '',
    ...CAVEATS.map((c) => `- ${c}`),
    '',
  ].join('\n');
}
