/** `npm start`: the embedded demo of nodes, MRA and gateway. */
export { runDemo, startDemoGateway, type DemoOptions } from './run-demo.js';
export { startDemoNetwork, type DemoCountry, type DemoNetwork } from './demo-network.js';
export { seedDemo } from './demo-seed.js';
export { DEMO_CERTIFICATE, issueDemoCertificate, readDemoCertificate } from './demo-certificate.js';
