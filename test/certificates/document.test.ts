import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CertificateError, certificateDigest, exportJson, exportXml, importCertificate, importJson, importXml, readCertificateFile,
} from '../../subgraphs/certificates/index.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLES = join(import.meta.dirname, '../../subgraphs/certificates/samples');
const sampleXml = readFileSync(join(SAMPLES, 'CR-PC-2026-000123.xml'), 'utf8');
const sampleJson = readFileSync(join(SAMPLES, 'CR-PC-2026-000123.json'), 'utf8');
const reexportXml = readFileSync(join(import.meta.dirname, 'fixtures/CR-PC-2026-000777-reexport.xml'), 'utf8');

function refusal(run: () => unknown): CertificateError {
  try {
    run();
  } catch (error) {
    if (error instanceof CertificateError) return error;
    throw error;
  }
  throw new Error('the document was accepted');
}

describe('certificates: ePhyto XML and JSON', () => {
  it('export, import and re-export give the same XML document, byte for byte', () => {
    const imported = importXml(sampleXml, 'sample.xml');
    expect(exportXml(imported)).toBe(sampleXml);
    expect(exportXml(importXml(exportXml(imported), 'again.xml'))).toBe(sampleXml);
  });

  it('the XML and JSON forms of one certificate import to the same certificate with the same digest', () => {
    const fromXml = importXml(sampleXml, 'sample.xml');
    const fromJson = importJson(sampleJson, 'sample.json');
    expect(fromXml).toEqual(fromJson);
    expect(certificateDigest(fromXml)).toBe(certificateDigest(fromJson));
    expect(importJson(exportJson(fromXml), 'x.json')).toEqual(fromXml);
    expect(exportJson(importJson(exportJson(fromXml), 'x.json'))).toBe(exportJson(fromXml));
  });

  it('reads a hand-written re-export with other namespace prefixes, several commodities and no optional elements', () => {
    const c = importXml(reexportXml, 'reexport.xml');
    expect(c).toMatchObject({ number: 'CR-PC-2026-000777', type: 'REEXPORT', importCountry: 'PE', conveyance: { mode: 'AIR' }, additionalDeclarations: [] });
    expect(c.commodities.map((x) => [x.botanicalName, x.quantity, x.unit, x.packages.count])).toEqual([['Rosa spp.', 2400, 'H87', 40], ['Ruscus aculeatus', 120.5, 'KGM', 6]]);
    expect(c.commodities[1]?.treatments).toEqual([{ type: 'Dipping', description: 'Insecticidal dip, 2 minutes' }]);
    expect(importXml(exportXml(c), 'again.xml')).toEqual(c);
  });

  it('any change to a field changes the digest; layout does not', () => {
    const c = importXml(sampleXml, 'sample.xml');
    expect(certificateDigest(importXml(sampleXml.replace(/\n\s*/g, ''), 'flat.xml'))).toBe(certificateDigest(c));
    expect(certificateDigest({ ...c, commodities: c.commodities.map((x) => ({ ...x, quantity: x.quantity + 1 })) })).not.toBe(certificateDigest(c));
  });

  it('reads files by content, XML or JSON', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'copy.txt'), sampleXml);
    expect(readCertificateFile(join(dir, 'copy.txt')).format).toBe('xml');
    expect(importCertificate(sampleJson, 'c.json').format).toBe('json');
  });
});

describe('certificates: invalid documents are refused with the file, the path and the reason', () => {
  it('malformed XML names the line', () => {
    const e = refusal(() => importXml(sampleXml.replace('</ram:Name>', '</ram:Nam>'), 'broken.xml'));
    expect(e.code).toBe('UNREADABLE_CERTIFICATE');
    expect(e.file).toBe('broken.xml');
    expect(e.line).toBe(4);
  });

  it('a DOCTYPE (the way in for entity-expansion attacks) is refused', () => {
    const bomb = sampleXml.replace('<?xml version="1.0" encoding="UTF-8"?>\n', '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n');
    const e = refusal(() => importXml(bomb, 'bomb.xml'));
    expect([e.code, e.line, e.reason]).toEqual(['UNREADABLE_CERTIFICATE', 2, 'a DOCTYPE is not allowed in a certificate']);
  });

  it('a missing element names its path', () => {
    const e = refusal(() => importXml(sampleXml.replace(/<ram:ImportSPSCountry>[\s\S]*?<\/ram:ImportSPSCountry>/, ''), 'cert.xml'));
    expect(e.code).toBe('INVALID_CERTIFICATE');
    expect(e.path).toBe('/SPSCertificate/SPSConsignment/ImportSPSCountry');
    expect(e.message).toMatch(/^cert\.xml:\d+: \/SPSCertificate\/SPSConsignment\/ImportSPSCountry: missing element ImportSPSCountry$/);
  });

  it('a bad value names the element and its line', () => {
    const xml = sampleXml.replace('<ram:ID>MX</ram:ID>', '<ram:ID>Mexico</ram:ID>');
    const e = refusal(() => importXml(xml, 'cert.xml'));
    expect(e.path).toBe('/SPSCertificate/SPSConsignment/ImportSPSCountry/ID');
    expect(e.line).toBe(xml.split('\n').findIndex((l) => l.includes('Mexico')) + 1);
    expect(e.reason).toMatch(/ISO 3166-1/);
  });

  it('a quantity that is not a number, a repeated single element and an unknown type code are refused', () => {
    expect(refusal(() => importXml(sampleXml.replace('>18000<', '>eighteen<'), 'q.xml')).path)
      .toBe('/SPSCertificate/SPSConsignment/IncludedSPSConsignmentItem/IncludedSPSTradeLineItem[1]/NetWeightMeasure');
    expect(refusal(() => importXml(sampleXml.replace('<ram:ID>MX</ram:ID>', '<ram:ID>MX</ram:ID><ram:ID>GT</ram:ID>'), 'r.xml')).reason).toMatch(/appears 2 times/);
    expect(refusal(() => importXml(sampleXml.replace('>851<', '>999<'), 't.xml')).path).toBe('/SPSCertificate/SPSExchangedDocument/TypeCode');
  });

  it('a number not prefixed by the exporting country is refused', () => {
    const e = refusal(() => importXml(sampleXml.replaceAll('CR-PC-2026-000123', 'MX-PC-2026-000123'), 'n.xml'));
    expect(e.path).toBe('/SPSCertificate/SPSExchangedDocument/ID');
    expect(e.reason).toMatch(/exporting country CR/);
  });

  it('JSON: bad JSON, and a bad field with its JSON path', () => {
    expect(refusal(() => importJson('{"number": ', 'c.json')).code).toBe('UNREADABLE_CERTIFICATE');
    const bad = JSON.parse(sampleJson) as { commodities: { quantity: number }[] };
    bad.commodities.forEach((x) => (x.quantity = -3));
    const e = refusal(() => importJson(JSON.stringify(bad), 'c.json'));
    expect([e.file, e.path, e.reason]).toEqual(['c.json', 'commodities[0].quantity', 'must be positive']);
    expect(refusal(() => importJson(JSON.stringify({ ...JSON.parse(sampleJson), extra: 1 }), 'c.json')).path).toBe('(document)');
  });
});
