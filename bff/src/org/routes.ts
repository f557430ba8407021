import { orgResponseSchema } from '@sqtb/shared';
import { defineRoute } from '../core/route';
import { getOrg } from './service';

export const orgRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/org',
    tag: 'org',
    summary: 'Streets, committees with their areas, handling units with their categories, pharmacies and enterprises',
    access: 'any-user',
    responses: { 200: { description: 'The reference data', schema: orgResponseSchema } },
    errors: [401],
    handler: async () => ({ body: await getOrg() }),
  }),
];
