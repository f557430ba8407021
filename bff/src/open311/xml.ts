import { XMLBuilder } from 'fast-xml-parser';

/**
 * Open311's XML form of a JSON reply (the specification's "Spark"
 * convention): a list becomes a wrapper element holding one element per item,
 * named by the specification (`services` → `service`, `service_requests` →
 * `request`, …) or else by the singular of the list's name. Null becomes an
 * empty element, true/false and numbers their text, and characters that XML
 * 1.0 cannot carry become U+FFFD, so any stored text gives a well-formed answer.
 */
export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  service_requests_updates: 'request_update',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

const itemName = (listName: string) => ITEM_NAMES[listName] ?? listName.replace(/s$/, '');

// Outside XML 1.0's Char production: C0 controls but tab, CR, LF; U+FFFE and U+FFFF. (Lone surrogates never get this far: see core/validate.ts.)
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function spark(value: unknown, name: string): unknown {
  if (Array.isArray(value)) return { [itemName(name)]: value.map((item) => spark(item, itemName(name))) };
  if (value === null) return '';
  if (typeof value === 'string') return value.replace(NOT_XML_CHAR, '\uFFFD');
  if (typeof value === 'object' && value) return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, spark(v, k)]));
  return String(value);
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: true, processEntities: true });

/** The reply as an XML document whose root element is `root` (a list: `root` holds its items). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: spark(value, root) })}`;
}
