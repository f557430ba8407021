import { z } from 'zod';

export const PAGE_MAX = 10_000;
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 20;

/**
 * `?page=&pageSize=` of every paged list (numbers arrive as text). A list
 * with filters spreads `pageQuerySchema.shape` into its own query schema.
 */
export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(PAGE_MAX).default(1),
    pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(PAGE_SIZE_DEFAULT),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page of a list: its items, how many there are in all, and which page this is. */
export const pagedReplySchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
