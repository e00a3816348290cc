/** Scenario reports for policy makers: HTML with inline SVG charts, and Markdown. */
export { renderHtml } from './html.js';
export { renderMarkdown } from './markdown.js';
export { findings, LABELS, type Summary } from './summary.js';
