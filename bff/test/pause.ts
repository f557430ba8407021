/**
 * Explicit pauses between two steps of a service: the next query of `model.method`
 * runs `before` ahead of itself and `after` once it has answered. The rest of the
 * world (another request, a job) goes in between, in exactly that order.
 */
export function pauseAround(model: object, method: string, steps: { before?: () => Promise<unknown>; after?: () => Promise<unknown> }) {
  const target = model as Record<string, (...args: unknown[]) => { exec: (...a: unknown[]) => Promise<unknown> }>;
  const original = target[method];
  const spy = jest.spyOn(target, method as never) as jest.SpyInstance;
  spy.mockImplementationOnce((...args: unknown[]) => {
    const query = original.apply(model, args);
    const exec = query.exec.bind(query);
    query.exec = async (...a: unknown[]) => {
      if (steps.before) await steps.before();
      const result = await exec(...a);
      if (steps.after) await steps.after();
      return result;
    };
    return query;
  });
  return spy;
}
