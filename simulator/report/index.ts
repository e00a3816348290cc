/** Reports for policy makers: HTML with inline SVG charts, Markdown, and a comparison across runs. */
export { assumptions, type Assumption } from './assumptions.js';
export { renderComparison, readRun, type RunFile } from './compare.js';
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { findings, keyMessage, LABELS, type Summary } from './summary.js';
