/*
 * Names and code values of the UN/CEFACT SPSCertificate message as the IPPC ePhyto Hub uses it
 * (Appendix 1 of ISPM 12; UN/CEFACT SPS schema). Codes: UN/EDIFACT 1001 document names
 * (851 phytosanitary certificate, 657 for re-export), 1153 reference types (ACW: previous
 * document, used for a replaced certificate), UN/ECE Rec. 19 transport modes.
 */
export const NAMESPACES = {
  'xmlns:rsm': 'urn:un:unece:uncefact:data:standard:SPSCertificate:17',
  'xmlns:ram': 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:21',
  'xmlns:udt': 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:21',
} as const;

export const DOCUMENT_TYPE = { EXPORT: '851', REEXPORT: '657' } as const;
export const DOCUMENT_NAME = { EXPORT: 'Phytosanitary Certificate', REEXPORT: 'Phytosanitary Certificate for Re-export' } as const;
/** The document status code written on an issued certificate (its lifecycle is on the ledger). */
export const ISSUED_STATUS_CODE = '70';
export const PREVIOUS_DOCUMENT = 'ACW';
