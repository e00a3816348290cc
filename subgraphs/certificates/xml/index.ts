/** ePhyto XML: the UN/CEFACT SPSCertificate message, read and written. */
export { importXml } from './read.js';
export { exportXml } from './write.js';
