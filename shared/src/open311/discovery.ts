/** When this endpoint last changed in a way a client would notice (formats, resources, fields). */
export const OPEN311_CHANGESET = '2026-11-27T00:00:00+08:00';
export const OPEN311_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** The formats every resource answers in, named by the path's extension. */
export const OPEN311_FORMATS = ['text/xml', 'application/json'] as const;

/** `GET discovery`: this endpoint, with its specification, formats and changeset date. */
export function open311Discovery(endpointUrl: string, type: 'production' | 'test') {
  return {
    changeset: OPEN311_CHANGESET,
    contact: 'The district operations centre (区城市运行管理中心) that runs 社区通办',
    key_service: 'Ask the district operations centre for an api_key; posting a request needs one, reading does not',
    endpoints: [{ specification: OPEN311_SPECIFICATION, url: endpointUrl, changeset: OPEN311_CHANGESET, type, formats: [...OPEN311_FORMATS] }],
  };
}
