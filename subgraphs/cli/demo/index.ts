/** `npm start`: the embedded demo of nodes, MRA and gateway. */
export { runDemo, type DemoOptions } from './run-demo.js';
