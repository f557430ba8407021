import Koa from 'koa';

/** The baseline: a bare Koa app answering JSON, nothing else. */
const app = new Koa();
app.use((ctx) => {
  ctx.body = { hello: 'world' };
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port, msg: 'hello-koa listening' })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
