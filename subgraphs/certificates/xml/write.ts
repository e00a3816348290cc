import XMLBuilder from 'fast-xml-builder';
import { TRANSPORT_MODES, WEIGHT_UNITS, type Commodity, type Party, type PhytosanitaryCertificate } from '../model.js';
import { validateCertificate } from '../validate.js';
import { DOCUMENT_NAME, DOCUMENT_TYPE, ISSUED_STATUS_CODE, NAMESPACES, PREVIOUS_DOCUMENT } from './codes.js';

type Node = Record<string, unknown>;

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', suppressEmptyNode: true });
const attributes = (values: Record<string, string>): Node => Object.fromEntries(Object.entries(values).map(([k, v]) => [`@_${k}`, v]));
const dateTime = (value: string): Node => ({ 'udt:DateTimeString': value });
/** Drops undefined members, so optional elements are simply absent. */
const element = (fields: Record<string, unknown>): Node => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));

/** The certificate as an ePhyto (UN/CEFACT SPSCertificate) XML document. */
export function exportXml(input: PhytosanitaryCertificate): string {
  const c = validateCertificate(input, '(certificate)');
  const document = {
    '?xml': attributes({ version: '1.0', encoding: 'UTF-8' }),
    'rsm:SPSCertificate': {
      ...attributes(NAMESPACES),
      'rsm:SPSExchangedDocument': element({
        'ram:Name': DOCUMENT_NAME[c.type],
        'ram:ID': c.number,
        'ram:TypeCode': DOCUMENT_TYPE[c.type],
        'ram:StatusCode': ISSUED_STATUS_CODE,
        'ram:IssueDateTime': dateTime(c.issuedAt),
        'ram:IssuerSPSParty': { 'ram:Name': c.issuingNppo },
        'ram:ReferenceSPSReferencedDocument': c.replaces === null ? undefined : {
          'ram:TypeCode': DOCUMENT_TYPE[c.type], 'ram:RelationshipTypeCode': PREVIOUS_DOCUMENT, 'ram:ID': c.replaces,
        },
        'ram:SignatorySPSAuthentication': {
          'ram:ActualDateTime': dateTime(c.issuedAt),
          'ram:IssueSPSLocation': { 'ram:Name': c.placeOfIssue },
          'ram:ProviderSPSParty': { 'ram:Name': c.issuingNppo, 'ram:SpecifiedSPSPerson': { 'ram:Name': c.authorizedOfficer.name } },
          'ram:IncludedSPSClause': c.additionalDeclarations.map((content, i) => ({ 'ram:ID': String(i + 1), 'ram:Content': content })),
        },
      }),
      'rsm:SPSConsignment': element({
        'ram:ConsignorSPSParty': party(c.consignor),
        'ram:ConsigneeSPSParty': party(c.consignee),
        'ram:ExportSPSCountry': { 'ram:ID': c.exportCountry },
        'ram:ImportSPSCountry': { 'ram:ID': c.importCountry },
        'ram:UnloadingBaseportSPSLocation': { 'ram:Name': c.pointOfEntry },
        'ram:MainCarriageSPSTransportMovement': element({
          'ram:ModeCode': String(TRANSPORT_MODES.indexOf(c.conveyance.mode)),
          'ram:UsedSPSTransportMeans': c.conveyance.name === undefined ? undefined : { 'ram:Name': c.conveyance.name },
        }),
        'ram:IncludedSPSConsignmentItem': { 'ram:IncludedSPSTradeLineItem': c.commodities.map(lineItem) },
      }),
    },
  };
  return builder.build(document);
}

function party(p: Party): Node {
  return {
    'ram:Name': p.name,
    'ram:SpecifiedSPSAddress': element({ 'ram:LineOne': p.address.line, 'ram:CityName': p.address.city, 'ram:CountryID': p.address.country }),
  };
}

function lineItem(item: Commodity, index: number): Node {
  const measure = WEIGHT_UNITS.has(item.unit) ? 'ram:NetWeightMeasure' : 'ram:NetVolumeMeasure';
  return element({
    'ram:SequenceNumeric': String(index + 1),
    'ram:Description': item.description,
    'ram:ScientificName': item.botanicalName,
    [measure]: { '#text': String(item.quantity), ...attributes({ unitCode: item.unit }) },
    'ram:OriginSPSCountry': element({
      'ram:ID': item.origin.country,
      'ram:SubordinateSPSCountrySubDivision': item.origin.place === undefined ? undefined : { 'ram:Name': item.origin.place },
    }),
    'ram:PhysicalSPSPackage': { 'ram:LevelCode': '1', 'ram:TypeCode': item.packages.type, 'ram:ItemQuantity': String(item.packages.count) },
    'ram:AppliedSPSProcess': item.treatments.map((t) => element({
      'ram:TypeCode': t.type,
      'ram:CompletionSPSPeriod': t.date === undefined ? undefined : { 'ram:StartDateTime': dateTime(t.date) },
      'ram:ApplicableSPSProcessCharacteristic': { 'ram:Description': t.description },
    })),
  });
}
