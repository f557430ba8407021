import { startCongo } from '../src/db/congo-unique-storage';

/** The embedded database in a process of its own, so the bench can fill it directly. */
startCongo().then((server) => {
  process.stdout.write(`${JSON.stringify({ port: server.port, msg: 'congodb listening' })}\n`);
  process.on('SIGTERM', () => void server.stop().then(() => process.exit(0)));
});
