/**
 * A stand-in for a `mongod` binary, for mongod-files.test.ts only: no real
 * mongod can be installed where the tests run. It answers `--version` as
 * mongod 7.0.14 does, records the arguments mongodb-memory-server starts it
 * with (to STAND_IN_MONGOD_LOG), marks its --dbpath as a wiredTiger one, and
 * serves the MongoDB protocol with CongoDB (in memory: it checks how the
 * embedded mongod is driven, not wiredTiger itself).
 */
const fs = require('node:fs');
const path = require('node:path');

const args = process.argv.slice(2);
if (args.includes('--version')) {
  process.stdout.write('db version v7.0.14\nBuild Info: {\n    "version": "7.0.14"\n}\n');
  process.exit(0);
}
if (process.env.STAND_IN_MONGOD_LOG) fs.appendFileSync(process.env.STAND_IN_MONGOD_LOG, `${JSON.stringify(args)}\n`);
if (process.env.STAND_IN_MONGOD_FAIL) {
  process.stdout.write(`${JSON.stringify({ s: 'E', c: 'STORAGE', msg: 'WiredTiger error: unsupported format', attr: {} })}\n`);
  process.exit(100);
}
const port = Number(args[args.indexOf('--port') + 1]);
const dbPath = args[args.indexOf('--dbpath') + 1];
fs.writeFileSync(path.join(dbPath, 'WiredTiger'), 'WiredTiger\nstand-in\n');
fs.writeFileSync(path.join(dbPath, 'mongod.lock'), `${process.pid}\n`);

const { CongoServer } = require('@push.rocks/smartmongo/dist_ts/congodb/index.js');
const server = new CongoServer({ port, host: '127.0.0.1' });
server.start().then(() => {
  process.stdout.write(`${JSON.stringify({ t: { $date: new Date().toISOString() }, s: 'I', c: 'NETWORK', id: 23016, ctx: 'listener', msg: 'Waiting for connections', attr: { port } })}\n`);
});
const stop = () => {
  fs.writeFileSync(path.join(dbPath, 'mongod.lock'), ''); // as mongod leaves it after a clean shutdown
  server.stop().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
