/**
 * G2G certificates: the ISPM 12 phytosanitary certificate as ePhyto's UN/CEFACT SPSCertificate,
 * its XML and JSON forms, its digest, and the authenticity check against the ledger.
 */
export { certificateDigest } from './digest.js';
export { CertificateError, isCertificateError, type CertificateErrorCode } from './errors.js';
export { exportJson, importJson } from './json-codec.js';
export {
  certificateSchema, QUANTITY_UNITS, TRANSPORT_MODES, type Commodity, type Party, type PhytosanitaryCertificate, type TransportMode, type Treatment,
} from './model.js';
export { formatOf, importCertificate, readCertificateFile, type CertificateFormat } from './read-file.js';
export { validateCertificate } from './validate.js';
export { checkAuthenticity, checkDigest, type Authenticity, type AuthenticityReport } from './verify.js';
export { exportXml, importXml } from './xml/index.js';
export {
  deliver, EPHYTO_FIGURES, EXCHANGE_MECHANISMS, integrationsInNetwork, integrationsPerAuthority, pathOf,
  type ExchangeMechanism, type Outage, type Shipment, type TransferTimes,
} from './scenario/index.js';
