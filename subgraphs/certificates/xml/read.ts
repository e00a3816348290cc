import { TRANSPORT_MODES, type PhytosanitaryCertificate } from '../model.js';
import { validateCertificate } from '../validate.js';
import { DOCUMENT_TYPE } from './codes.js';
import { XmlCursor } from './source.js';

type Located = { path: string; line: number | null };

/**
 * Reads an ePhyto (UN/CEFACT SPSCertificate) XML document. Malformed XML, a missing or repeated
 * element, or a field the model refuses is reported with the file, the element path and its line.
 */
export function importXml(text: string, file: string): PhytosanitaryCertificate {
  const where = new Map<string, Located>();
  // Records where each model field came from, so a field the model refuses names its element.
  const from = (modelPath: string, cursor: XmlCursor) => where.set(modelPath, { path: cursor.path, line: cursor.line });
  const read = (modelPath: string, cursor: XmlCursor) => {
    from(modelPath, cursor);
    return cursor.text();
  };
  const root = XmlCursor.parse(text, file, 'SPSCertificate');
  from('', root);
  const doc = root.child('SPSExchangedDocument');
  const consignment = root.child('SPSConsignment');
  const signatory = doc.child('SignatorySPSAuthentication');
  const typeCode = doc.child('TypeCode');
  const type = typeCode.text() === DOCUMENT_TYPE.EXPORT ? 'EXPORT' : typeCode.text() === DOCUMENT_TYPE.REEXPORT ? 'REEXPORT' : null;
  if (type === null) typeCode.fail(`TypeCode must be ${DOCUMENT_TYPE.EXPORT} (phytosanitary certificate) or ${DOCUMENT_TYPE.REEXPORT} (for re-export), not "${typeCode.text()}"`);
  const reference = doc.optional('ReferenceSPSReferencedDocument');
  const carriage = consignment.child('MainCarriageSPSTransportMovement');
  const modeCode = carriage.child('ModeCode');
  const mode = TRANSPORT_MODES[Number(modeCode.text())];
  if (!/^\d$/.test(modeCode.text()) || mode === undefined) modeCode.fail(`ModeCode must be a UN/ECE Rec. 19 code 0–9, not "${modeCode.text()}"`);
  const means = carriage.optional('UsedSPSTransportMeans');
  const party = (modelPath: string, element: XmlCursor) => {
    from(modelPath, element);
    const address = element.child('SpecifiedSPSAddress');
    const city = address.optional('CityName');
    return {
      name: read(`${modelPath}.name`, element.child('Name')),
      address: {
        line: read(`${modelPath}.address.line`, address.child('LineOne')),
        ...(city ? { city: read(`${modelPath}.address.city`, city) } : {}),
        country: read(`${modelPath}.address.country`, address.child('CountryID')),
      },
    };
  };
  const items = consignment.child('IncludedSPSConsignmentItem').list('IncludedSPSTradeLineItem');
  if (items.length === 0) consignment.fail('missing element IncludedSPSTradeLineItem: a certificate lists at least one commodity', `${consignment.path}/IncludedSPSConsignmentItem/IncludedSPSTradeLineItem`);
  const certificate = {
    number: read('number', doc.child('ID')),
    type,
    issuedAt: read('issuedAt', doc.child('IssueDateTime').child('DateTimeString')),
    placeOfIssue: read('placeOfIssue', signatory.child('IssueSPSLocation').child('Name')),
    issuingNppo: read('issuingNppo', doc.child('IssuerSPSParty').child('Name')),
    consignor: party('consignor', consignment.child('ConsignorSPSParty')),
    consignee: party('consignee', consignment.child('ConsigneeSPSParty')),
    exportCountry: read('exportCountry', consignment.child('ExportSPSCountry').child('ID')),
    importCountry: read('importCountry', consignment.child('ImportSPSCountry').child('ID')),
    pointOfEntry: read('pointOfEntry', consignment.child('UnloadingBaseportSPSLocation').child('Name')),
    conveyance: { mode, ...(means ? { name: read('conveyance.name', means.child('Name')) } : {}) },
    commodities: items.map((item, i) => commodity(item, `commodities[${i}]`, from, read)),
    additionalDeclarations: signatory.list('IncludedSPSClause').map((clause, i) => read(`additionalDeclarations[${i}]`, clause.child('Content'))),
    authorizedOfficer: { name: read('authorizedOfficer.name', signatory.child('ProviderSPSParty').child('SpecifiedSPSPerson').child('Name')) },
    replaces: reference ? read('replaces', reference.child('ID')) : null,
  };
  from('conveyance.mode', modeCode);
  return validateCertificate(certificate, file, (path) => locate(where, path));
}

function commodity(item: XmlCursor, at: string, from: (p: string, c: XmlCursor) => void, read: (p: string, c: XmlCursor) => string) {
  from(at, item);
  const measure = item.optional('NetWeightMeasure') ?? item.optional('NetVolumeMeasure') ?? item.fail('missing element NetWeightMeasure or NetVolumeMeasure', `${item.path}/NetWeightMeasure`);
  const quantityText = read(`${at}.quantity`, measure);
  const quantity = Number(quantityText);
  if (quantityText === '' || !Number.isFinite(quantity)) measure.fail(`quantity must be a number, not "${quantityText}"`);
  from(`${at}.unit`, measure);
  const origin = item.child('OriginSPSCountry');
  const place = origin.optional('SubordinateSPSCountrySubDivision');
  const packages = item.child('PhysicalSPSPackage');
  const countText = read(`${at}.packages.count`, packages.child('ItemQuantity'));
  return {
    botanicalName: read(`${at}.botanicalName`, item.child('ScientificName')),
    description: read(`${at}.description`, item.child('Description')),
    quantity,
    unit: measure.attribute('unitCode') ?? measure.fail('missing attribute unitCode'),
    packages: { count: /^\d+$/.test(countText) ? Number(countText) : countText, type: read(`${at}.packages.type`, packages.child('TypeCode')) },
    origin: { country: read(`${at}.origin.country`, origin.child('ID')), ...(place ? { place: read(`${at}.origin.place`, place.child('Name')) } : {}) },
    treatments: item.list('AppliedSPSProcess').map((process, j) => {
      const period = process.optional('CompletionSPSPeriod');
      return {
        type: read(`${at}.treatments[${j}].type`, process.child('TypeCode')),
        description: read(`${at}.treatments[${j}].description`, process.child('ApplicableSPSProcessCharacteristic').child('Description')),
        ...(period ? { date: read(`${at}.treatments[${j}].date`, period.child('StartDateTime').child('DateTimeString')) } : {}),
      };
    }),
  };
}

/** The element a model path came from, or the nearest enclosing one recorded. */
function locate(where: ReadonlyMap<string, Located>, path: string): Located {
  let p = path === '(document)' ? '' : path;
  for (;;) {
    const found = where.get(p);
    if (found) return found;
    if (p === '') return { path: '/SPSCertificate', line: null };
    p = p.endsWith(']') ? p.replace(/\[\d+\]$/, '') : p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
  }
}
