export { open311Routes, type Open311Deps } from './routes';
export { open311ErrorReply } from './errors';
