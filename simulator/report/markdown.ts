import { METRIC_UNITS, METRICS } from '../metric-names.js';
import type { SimulationResult } from '../output/result.js';
import { assumptions } from './assumptions.js';
import { caveats } from './caveats.js';
import { formatterOf } from './tables.js';
import { basePoint, findings, keyMessage, label, stat, tradeOff, withCi } from './summary.js';

/** The same report as Markdown, for e-mail, wikis and diffs. */
export function renderMarkdown(result: SimulationResult): string {
  const { scenario, provenance: p } = result;
  const s = basePoint(result).summary;
  const ms = scenario.mechanisms;
  return [
    `# ${(scenario.title ?? scenario.name)}`, '', `**${keyMessage(result)}**`, '', scenario.description, '',
    `${scenario.days} days from ${scenario.start}; countries ${Object.keys(scenario.countries).join(', ')}; seeds ${p.seeds.join(', ')}.`, '',
    '## The trade-off', '', tradeOff(result), '',
    '## What changes', '', ...findings(result).map((f) => `- ${f}`), '',
    '## All figures', '',
    `| metric (unit) | ${ms.map(label).join(' | ')} |`, `|---|${ms.map(() => '---:').join('|')}|`,
    ...METRICS.map((metric) => `| ${metric} (${METRIC_UNITS[metric]}) | ${ms.map((m) => withCi(stat(s, m, metric), formatterOf(metric))).join(' | ')} |`), '',
    '## Assumptions and sources', '', '| parameter | value | source |', '|---|---|---|',
    ...assumptions(scenario).map((a) => `| ${a.parameter} | ${a.value} | ${a.source} |`), '',
    '## Caveats', '', ...caveats(result).map((c) => `- ${c}`), '',
    `Produced by ${p.codeVersion} from ${p.scenario} (sha256 ${p.scenarioSha256}).`, '',
  ].join('\n');
}
