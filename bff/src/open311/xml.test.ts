import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { toXml } from './xml';

const parse = (xml: string) => new XMLParser({ parseTagValue: false, ignoreDeclaration: true, isArray: (name) => ['request', 'value', 'error'].includes(name) }).parse(xml);

describe('Open311 XML', () => {
  it('puts list items under the element names of the specification', () => {
    const xml = toXml('service_requests', [{ service_request_id: 'a' }, { service_request_id: 'b' }]);
    expect(parse(xml)).toEqual({ service_requests: { request: [{ service_request_id: 'a' }, { service_request_id: 'b' }] } });
    expect(parse(toXml('service_requests_updates', [{ update_id: 'u' }]))).toEqual({ service_requests_updates: { request_update: { update_id: 'u' } } });
  });

  it('writes null as an empty element, booleans and numbers as text, and leaves out what is undefined', () => {
    const xml = toXml('service_definition', { service_code: 'elevator', attributes: [{ required: true, order: 1, datatype_description: null, values: [{ key: 'yes', name: '是' }] }], nothing: undefined });
    expect(xml).toContain('<datatype_description/>');
    expect(xml).not.toContain('nothing');
    expect(parse(xml)).toEqual({ service_definition: { service_code: 'elevator', attributes: { attribute: { required: 'true', order: '1', datatype_description: '', values: { value: [{ key: 'yes', name: '是' }] } } } } });
  });

  it('escapes markup and replaces characters XML cannot carry, so any stored text gives a well-formed document', () => {
    const text = '</description><x>&amp; "quoted" \u0001\u0008\u000b\uffff 中文 😀 tab\tnew\nline';
    const xml = toXml('service_requests', [{ description: text }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).service_requests.request[0].description).toBe('</description><x>&amp; "quoted" \ufffd\ufffd\ufffd\ufffd 中文 😀 tab\tnew\nline');
  });

  it('answers an empty list with an empty root element', () => {
    const xml = toXml('service_requests', []);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml)).toEqual({ service_requests: '' });
  });

  it('declares UTF-8', () => {
    expect(toXml('errors', [{ code: 404, description: '没有' }]).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<errors>')).toBe(true);
  });
});
